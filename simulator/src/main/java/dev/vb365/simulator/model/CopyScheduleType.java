package dev.vb365.simulator.model;

/** RESTCopyJobSchedulePolicy.type (the same three values in v6, v7 and v8). */
public enum CopyScheduleType {
  Immediate, Periodically, DailyAtTime
}
