package dev.vb365.operator.cli;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What the operator does, printed as it happens: its Kubernetes Events (one per VB365 write or drift) and the
 * moments BackupJobs become Ready or their last run status changes, each with the seconds since the step began.
 * It polls the (loopback) API a few times a second: the mock server offers watches over WebSocket only.
 */
final class Timeline {

  private static final Duration TICK = Duration.ofMillis(100);

  private final KubernetesClient client;
  private final PrintStream out;
  private final Set<String> seenEvents = new HashSet<>();
  private final Map<String, String> lastState = new HashMap<>();
  private long stepStart = System.nanoTime();

  Timeline(KubernetesClient client, PrintStream out) {
    this.client = client;
    this.out = out;
  }

  /** Restarts the clock; events seen before are not printed again. */
  void newStep() {
    stepStart = System.nanoTime();
  }

  double secondsIntoStep() {
    return (System.nanoTime() - stepStart) / 1e9;
  }

  /** Prints what is new until {@code done} holds; false when {@code timeout} passed first. */
  boolean until(BooleanSupplier done, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      printNews();
      if (done.getAsBoolean()) {
        printNews();
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(TICK.toMillis());
    }
  }

  void printNews() {
    List<Event> events = client.v1().events().inAnyNamespace().list().getItems().stream()
        .filter(e -> seenEvents.add(e.getMetadata().getNamespace() + "/" + e.getMetadata().getName()))
        .sorted(Comparator.comparing(Timeline::order))
        .toList();
    for (Event event : events) {
      line(event.getInvolvedObject().getName(), event.getReason(), event.getMessage());
    }
    for (BackupJob job : client.resources(BackupJob.class).inAnyNamespace().list().getItems()) {
      String name = job.getMetadata().getName();
      String key = job.getMetadata().getNamespace() + "/" + name;
      String ready = BackupJobTable.find(job, ConditionTypes.READY)
          .map(c -> c.getStatus() + " " + c.getReason() + " " + c.getMessage()).orElse(null);
      String lastStatus = job.getStatus() == null ? null : job.getStatus().getLastStatus();
      String state = ready + "|" + lastStatus;
      String before = lastState.put(key, state);
      if (Objects.equals(before, state) || ready == null) {
        continue;
      }
      String readyBefore = before == null ? null : before.substring(0, before.lastIndexOf('|'));
      if (!Objects.equals(readyBefore, ready)) {
        BackupJobTable.find(job, ConditionTypes.READY).ifPresent(c ->
            line(name, "Ready=" + c.getStatus(), c.getReason() + (c.getMessage() == null || c.getMessage().isBlank()
                ? "" : ": " + c.getMessage())));
      }
      String statusBefore = before == null ? null : before.substring(before.lastIndexOf('|') + 1);
      // The first status VB365 reports is in the table; a change of it is news (a run).
      if (lastStatus != null && statusBefore != null && !"null".equals(statusBefore)
          && !Objects.equals(statusBefore, lastStatus)) {
        line(name, "lastStatus", statusBefore + " -> " + lastStatus + " (lastRun "
            + BackupJobTable.when(job.getStatus().getLastRun()) + ")");
      }
    }
  }

  private void line(String name, String what, String detail) {
    out.printf("   %5.1fs  %-12s %-15s %s%n", secondsIntoStep(), name, what, detail == null ? "" : detail);
  }

  private static long order(Event event) {
    try {
      return Long.parseLong(event.getMetadata().getResourceVersion());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
