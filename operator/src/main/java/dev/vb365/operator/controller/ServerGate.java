package dev.vb365.operator.controller;

import dev.vb365.operator.veeam.VeeamConnection;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most {@code maxRequestsPerServer} reconciles talk to one VB365 server at a time. A reconcile
 * makes its calls one after the other, so this bounds the requests in flight to a server (the
 * change feed's one long poll aside), however many reconcile threads there are.
 */
final class ServerGate {

  private final int permits;
  private final ConcurrentHashMap<String, Semaphore> servers = new ConcurrentHashMap<>();

  ServerGate(int permits) {
    this.permits = permits;
  }

  <T> T call(VeeamConnection connection, Supplier<T> work) {
    Semaphore gate = servers.computeIfAbsent(connection.baseUrl().toLowerCase(Locale.ROOT),
        k -> new Semaphore(permits, true));
    try {
      gate.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a VB365 server slot", e);
    }
    try {
      return work.get();
    } finally {
      gate.release();
    }
  }
}
