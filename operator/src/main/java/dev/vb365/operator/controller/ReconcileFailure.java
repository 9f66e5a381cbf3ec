package dev.vb365.operator.controller;

import java.time.Duration;
import java.util.Objects;

/**
 * Why a reconcile could not finish, said so a user can act on it: a condition {@link #reason()}, a
 * {@link #getMessage() message} without secrets, and how to go on.
 */
public final class ReconcileFailure extends RuntimeException {

  /** How the reconciler goes on after the failure. */
  public enum Retry {
    /** Only a change of the spec (or the Secret, which is watched) can fix it: no retry. */
    TERMINAL,
    /** Terminal for this spec, but VB365 can change (a user appears): look again after a long while. */
    SLOW,
    /** Trying again may work: back off and retry. */
    TRANSIENT
  }

  private final String reason;
  private final Retry retry;
  private final Duration retryAfter;

  public ReconcileFailure(String reason, String message, Retry retry, Duration retryAfter, Throwable cause) {
    super(message, cause, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.retryAfter = retryAfter;
  }

  public static ReconcileFailure terminal(String reason, String message) {
    return new ReconcileFailure(reason, message, Retry.TERMINAL, null, null);
  }

  public static ReconcileFailure slow(String reason, String message) {
    return new ReconcileFailure(reason, message, Retry.SLOW, null, null);
  }

  public static ReconcileFailure transientFailure(String reason, String message, Throwable cause) {
    return new ReconcileFailure(reason, message, Retry.TRANSIENT, null, cause);
  }

  public String reason() {
    return reason;
  }

  public Retry retry() {
    return retry;
  }

  /** What the server asked to wait (429/503 Retry-After), if anything. */
  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public String toString() {
    return reason + ": " + getMessage();
  }
}
