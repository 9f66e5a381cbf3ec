package dev.vb365.operator.api;

/** VB365's fixed set of intervals for a Periodically schedule. */
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
