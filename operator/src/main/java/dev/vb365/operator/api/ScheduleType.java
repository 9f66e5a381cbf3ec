package dev.vb365.operator.api;

public enum ScheduleType {
  Daily,
  Periodically,
  ManualOnly
}
