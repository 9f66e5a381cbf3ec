package dev.vb365.operator.sync;

public enum DailyType {
  Everyday,
  Workdays,
  Weekends,
  Monday,
  Tuesday,
  Wednesday,
  Thursday,
  Friday,
  Saturday,
  Sunday
}
