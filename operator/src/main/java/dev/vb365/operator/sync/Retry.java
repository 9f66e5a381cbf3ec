package dev.vb365.operator.sync;

/** Whether and how VB365 restarts a failed run. */
public record Retry(boolean enabled, int count, int waitMinutes) {

  /** VB365's own defaults (the documentation's examples and the console): on, 3 times, 10 minutes apart. */
  public static final Retry DEFAULT = new Retry(true, 3, 10);

  /** For comparison: the count and wait of a disabled retry do nothing, so they cannot differ. */
  public Retry normalized() {
    return enabled ? this : new Retry(false, 0, 0);
  }
}
