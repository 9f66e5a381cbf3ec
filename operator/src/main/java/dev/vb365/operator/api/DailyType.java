package dev.vb365.operator.api;

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
