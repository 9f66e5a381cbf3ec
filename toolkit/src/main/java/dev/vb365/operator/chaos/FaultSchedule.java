package dev.vb365.operator.chaos;

import dev.vb365.operator.veeam.Timeouts;
import dev.vb365.simulator.Faults;
import dev.vb365.simulator.Simulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What the VB365 simulator does wrong while the chaos lasts: a round of phases, each a couple of seconds, each
 * one kind of fault (so that every kind is surely injected), with a little jitter under all of them. Runs on its
 * own thread until stopped; then the simulator is well again.
 */
final class FaultSchedule implements AutoCloseable {

  /** One kind of trouble; {@code revoke} also revokes every token when the phase begins. */
  record Phase(String name, Faults faults, boolean revoke) {
  }

  private final Simulator simulator;
  private final List<Phase> phases;
  private final Duration phaseLength;
  private final Random random;
  private final Map<String, Integer> phasesRun = new TreeMap<>();
  private final Thread thread;
  private volatile boolean stopped;

  FaultSchedule(Simulator simulator, Timeouts timeouts, Duration phaseLength, long seed) {
    this.simulator = simulator;
    this.phaseLength = phaseLength;
    this.random = new Random(seed);
    String v = "/" + simulator.apiVersion();
    long read = timeouts.read().toMillis();
    Faults base = Faults.NONE.withJitterMs(30L);
    this.phases = List.of(
        new Phase("5xx", base.withErrorRate(0.2).withErrorStatus(503), false),
        new Phase("500", base.withErrorRate(0.15).withErrorStatus(500), false),
        new Phase("resets", base.withResetRate(0.15), false),
        // Processed, then the answer is dropped: creates, edits and item changes whose outcome is unknown.
        new Phase("lost-responses", base.withLostResponseRate(0.3).withPathPattern("^" + v + "/Jobs"), false),
        new Phase("lost-creates", base.withLostResponseRate(0.5).withPathPattern("^" + v + "/Jobs$"), false),
        // Every call takes longer than the operator's read timeout: timeouts everywhere.
        new Phase("timeouts", Faults.NONE.withLatencyMs(read + 200).withJitterMs(300L), false),
        new Phase("jitter", Faults.NONE.withJitterMs(read + 300), false),
        new Phase("token-revoked-429", base.withThrottleToken(true), true),
        new Phase("mixed", base.withJitterMs(200L).withErrorRate(0.05).withResetRate(0.05)
            .withLostResponseRate(0.1), false));
    this.thread = new Thread(this::loop, "vb365-chaos-faults");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void loop() {
    try {
      while (!stopped) {
        // Each round runs every phase once, in a random order.
        List<Phase> round = new java.util.ArrayList<>(phases);
        java.util.Collections.shuffle(round, random);
        for (Phase phase : round) {
          if (stopped) {
            return;
          }
          simulator.setFaults(phase.faults());
          if (phase.revoke()) {
            simulator.revokeTokens();
          }
          synchronized (this) {
            phasesRun.merge(phase.name(), 1, Integer::sum);
          }
          Thread.sleep(phaseLength.toMillis());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      simulator.setFaults(Faults.NONE);
    }
  }

  /** How often each phase ran. */
  synchronized Map<String, Integer> phasesRun() {
    return Map.copyOf(phasesRun);
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    simulator.setFaults(Faults.NONE);
  }
}
