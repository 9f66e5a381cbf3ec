package dev.vb365.simulator.model;

import java.time.Duration;

/** RESTJobSchedulePolicy.periodicallyEvery; Hours12 exists only from v8. */
public enum PeriodicInterval {
  Minutes5(5), Minutes10(10), Minutes15(15), Minutes30(30),
  Hours1(60), Hours2(120), Hours4(240), Hours8(480), Hours12(720);

  private final int minutes;

  PeriodicInterval(int minutes) {
    this.minutes = minutes;
  }

  public Duration duration() {
    return Duration.ofMinutes(minutes);
  }
}
