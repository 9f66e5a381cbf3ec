package dev.vb365.operator.sync;

public enum PeriodicInterval {
  Minutes5,
  Minutes10,
  Minutes15,
  Minutes30,
  Hours1,
  Hours2,
  Hours4,
  Hours8,
  Hours12;

  /** VB365 offers a periodically window and a start offset only for intervals counted in hours. */
  public boolean inHours() {
    return name().startsWith("Hours");
  }
}
