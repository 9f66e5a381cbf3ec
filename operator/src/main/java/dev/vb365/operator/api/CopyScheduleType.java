package dev.vb365.operator.api;

/** When a backup copy job copies (VB365's RESTCopyJobSchedulePolicy.type; Daily is VB365's DailyAtTime). */
public enum CopyScheduleType {
  Immediate,
  Periodically,
  Daily
}
