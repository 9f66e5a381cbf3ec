package dev.vb365.operator.sync;

public enum ScheduleType {
  Daily,
  Periodically,
  ManualOnly
}
