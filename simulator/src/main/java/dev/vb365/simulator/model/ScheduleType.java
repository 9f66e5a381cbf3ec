package dev.vb365.simulator.model;

/** RESTJobSchedulePolicy.type. */
public enum ScheduleType {
  Periodically, Daily, ManualOnly
}
