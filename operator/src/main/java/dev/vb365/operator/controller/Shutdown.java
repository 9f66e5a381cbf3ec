package dev.vb365.operator.controller;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The operator's stop, as the reconcilers see it. Once it has begun, a reconcile that starts does nothing (the next
 * instance, or the new leader, reconciles again), and a failure of one still running is the stop's doing, not an
 * error to report in a status. {@link Vb365Operator#close()} waits here until the running ones have finished, so
 * that the Kubernetes and VB365 clients are closed only when nobody uses them any more.
 */
final class Shutdown {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private volatile boolean begun;
  private int running;

  /** A reconcile's permission to run, or null once the stop has begun. */
  Ticket enter() {
    lock.lock();
    try {
      if (begun) {
        return null;
      }
      running++;
      return new Ticket();
    } finally {
      lock.unlock();
    }
  }

  void begin() {
    begun = true;
  }

  boolean begun() {
    return begun;
  }

  /** Waits until no reconcile runs; false if some still did after {@code timeout}. */
  boolean awaitIdle(Duration timeout) {
    long left = timeout.toNanos();
    lock.lock();
    try {
      while (running > 0) {
        if (left <= 0) {
          return false;
        }
        left = idle.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return running == 0;
    } finally {
      lock.unlock();
    }
  }

  int running() {
    lock.lock();
    try {
      return running;
    } finally {
      lock.unlock();
    }
  }

  /** Held while one reconcile runs. */
  final class Ticket implements AutoCloseable {
    private boolean closed;

    @Override
    public void close() {
      lock.lock();
      try {
        if (!closed) {
          closed = true;
          running--;
          if (running == 0) {
            idle.signalAll();
          }
        }
      } finally {
        lock.unlock();
      }
    }
  }
}
