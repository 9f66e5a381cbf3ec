package dev.vb365.operator.chaos;

import dev.vb365.operator.api.BackupCopyJob;
import dev.vb365.operator.api.DeletionPolicy;
import dev.vb365.operator.api.JobItem;
import dev.vb365.operator.controller.OperatorSettings;
import dev.vb365.operator.controller.Vb365Operator;
import dev.vb365.operator.embedded.Sandbox;
import dev.vb365.operator.embedded.Vb365Admin;
import dev.vb365.operator.veeam.Timeouts;
import dev.vb365.simulator.FaultCounts;
import dev.vb365.simulator.Simulator;
import dev.vb365.simulator.SimulatorOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The chaos run, used by the test suite and by the `chaos` command: an embedded Kubernetes API, the VB365
 * simulator over HTTPS and the operator, all in this process. While the simulator injects every kind of fault
 * ({@link FaultSchedule}) and Kubernetes answers a share of writes with 409 Conflict (and a {@link Meddler}
 * keeps changing the same resources, and a {@link ConsoleMeddler} edits and deletes copy jobs in VB365), users
 * create, edit and delete BackupJobs, JobItems and BackupCopyJobs ({@link Workload})
 * and the operator is restarted several times: each restart closes it and starts a new one, with nothing carried
 * over (a new Kubernetes client, new VB365 clients, empty caches): what it knows comes from Kubernetes and VB365.
 * Then the faults stop, and the run waits until every {@link Invariants invariant} holds.
 */
public final class ChaosScenario {

  /** Short, so that latency spikes become timeouts: the operator gives up on a read after 1.5 s. */
  static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(1500),
      Duration.ofMillis(1500), Duration.ofSeconds(3));

  private final ChaosOptions options;
  private final Consumer<String> progress;

  public ChaosScenario(ChaosOptions options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /**
   * Hands the simulator to {@code inspector} when the run ends, before it stops (the test suite's secret
   * scan learns the password and every token issued during the run this way).
   */
  public ChaosScenario inspectingSimulatorAtTheEnd(Consumer<Simulator> inspector) {
    this.atTheEnd = inspector;
    return this;
  }

  private Consumer<Simulator> atTheEnd = simulator -> { };

  public ChaosReport run() throws InterruptedException {
    try (LogWatch logs = LogWatch.attach();
        Sandbox sandbox = Sandbox.start(SimulatorOptions.defaults().withSessionDuration(Duration.ofSeconds(1)))) {
      KubernetesClient client = sandbox.client();
      for (String namespace : Workload.NAMESPACES) {
        sandbox.connectionSecret(namespace, Workload.SECRET);
      }
      boolean enforced = Meddler.resourceVersionEnforced(client, Workload.NAMESPACES.get(0));
      Vb365Admin admin = new Vb365Admin(sandbox.simulator());
      Invariants invariants = new Invariants(client, admin, sandbox.simulator().apiVersion());
      Workload workload = new Workload(client, options.jobs());
      OperatorInstance operator = new OperatorInstance(sandbox);
      operator.start();
      FaultSchedule faults = new FaultSchedule(sandbox.simulator(), TIMEOUTS, Duration.ofSeconds(1),
          options.seed());
      Meddler meddler = new Meddler(client, options.seed());
      ConsoleMeddler console = new ConsoleMeddler(client, new Vb365Admin(sandbox.simulator()),
          sandbox.simulator().apiVersion(), workload::copyDeleted, options.seed(), 100,
          Math.max(2, options.jobs() / 20));
      int restarts = 0;
      long faultsStarted = System.nanoTime();
      try {
        progress.accept("faults on: " + options.jobs() + " BackupJobs, " + options.restarts() + " restarts in "
            + options.faultTime().toSeconds() + " s");
        sandbox.kubernetes().injectConflicts(options.conflictShare(), CONFLICT_KINDS);
        faults.start();
        meddler.start();
        console.start();
        long start = System.nanoTime();
        faultsStarted = start;
        List<Step> steps = new ArrayList<>();
        // Each kind of change in slices, so that the work overlaps many fault phases and every restart.
        int n = options.jobs();
        int slices = 5;
        for (int k = 0; k < slices; k++) {
          int from = n * k / slices;
          int to = n * (k + 1) / slices;
          steps.add(new Step(0.05 * k, "create BackupJobs " + from + "-" + (to - 1), () -> workload.create(from, to)));
          steps.add(new Step(0.25 + 0.05 * k, "edit items and schedules of " + from + "-" + (to - 1),
              () -> workload.editItemsAndSchedules(from, to)));
          steps.add(new Step(0.35 + 0.05 * k, "edit BackupCopyJobs of " + from + "-" + (to - 1),
              () -> workload.editCopies(from, to)));
          steps.add(new Step(0.45 + 0.05 * k, "delete some of " + from + "-" + (to - 1),
              () -> workload.deleteSome(from, to)));
          steps.add(new Step(0.5 + 0.05 * k, "delete some BackupCopyJobs of " + from + "-" + (to - 1),
              () -> workload.deleteSomeCopies(from, to)));
          steps.add(new Step(0.6 + 0.05 * k, "edit JobItems and names of " + from + "-" + (to - 1),
              () -> workload.editJobItemsAndNames(from, to)));
        }
        for (int r = 1; r <= options.restarts(); r++) {
          steps.add(new Step((double) r / (options.restarts() + 1), "restart the operator", operator::restart));
        }
        for (int tick = 0; tick < 18; tick++) {
          int t = tick;
          steps.add(new Step(0.02 + 0.05 * tick, "move schedules (churn " + tick + ")", () -> workload.churn(t)));
        }
        steps.sort(Comparator.comparingDouble(Step::at));
        for (Step step : steps) {
          sleepUntil(start, (long) (options.faultTime().toNanos() * step.at()));
          progress.accept(String.format("%5.1f s  %s", (System.nanoTime() - start) / 1e9, step.name()));
          step.action().run();
          if (step.name().startsWith("restart")) {
            restarts++;
          }
        }
        sleepUntil(start, options.faultTime().toNanos());
      } finally {
        faults.close();
        meddler.close();
        console.close();
        sandbox.kubernetes().injectConflicts(0);
      }
      Duration faultDuration = Duration.ofNanos(System.nanoTime() - faultsStarted);
      long conflicts = sandbox.kubernetes().conflictsInjected();
      FaultCounts injected = sandbox.simulator().faultCounts();
      progress.accept("faults off; waiting for convergence");

      long stopped = System.nanoTime();
      long deadline = stopped + options.convergeTimeout().toNanos();
      List<String> violations = List.of("never checked");
      boolean converged = false;
      int checks = 0;
      while (System.nanoTime() < deadline) {
        violations = kubernetesSide(invariants, workload);
        if (violations.isEmpty()) {
          violations = vb365Side(invariants, workload, console);
          if (violations.isEmpty()) {
            converged = true;
            break;
          }
        }
        if (++checks % 5 == 0) {
          progress.accept(String.format("%5.1f s after the faults: %d problems, e.g. %s",
              (System.nanoTime() - stopped) / 1e9, violations.size(), violations.get(0)));
        }
        Thread.sleep(1000);
      }
      Duration convergence = Duration.ofNanos(System.nanoTime() - stopped);
      progress.accept(converged ? "converged" : "not converged: " + violations.size() + " problems");
      if (!converged) {
        // Both sides, for the report: what is still wrong where.
        List<String> all = new ArrayList<>(kubernetesSide(invariants, workload));
        all.addAll(vb365Side(invariants, workload, console));
        violations = all;
      }
      operator.close();
      atTheEnd.accept(sandbox.simulator());
      int jobItems = Workload.NAMESPACES.stream()
          .mapToInt(ns -> client.resources(JobItem.class).inNamespace(ns).list().getItems().size()).sum();
      Map<String, DeletionPolicy> deleted = workload.deleted();
      ChaosReport.CopyFigures copies = copyFigures(client, admin, workload, console, sandbox.simulator());
      return new ChaosReport(options.jobs(), jobItems, faultDuration, injected,
          injected.delayedAtLeast(TIMEOUTS.read().toMillis()), faults.phasesRun(), restarts, conflicts, enforced,
          meddler.writes(), meddler.conflicts(), workload.writes(),
          deleted.values().stream().filter(p -> p == DeletionPolicy.Delete).count(),
          deleted.values().stream().filter(p -> p == DeletionPolicy.Orphan).count(),
          converged, convergence, sandbox.simulator().requestCounts().entrySet().stream()
              .filter(e -> e.getKey().matches("POST /v\\d/Jobs")).mapToLong(Map.Entry::getValue).sum(),
          logs.warnings(), logs.unexpected(), violations, copies);
    }
  }

  /** BackupJob, JobItem and BackupCopyJob writes are the ones that meet injected 409s. */
  private static final Set<String> CONFLICT_KINDS = Set.of("backupjobs", "jobitems", "backupcopyjobs");

  private static List<String> kubernetesSide(Invariants invariants, Workload workload) {
    List<String> problems = new ArrayList<>(invariants.kubernetesSide(workload.deleted().keySet()));
    problems.addAll(invariants.kubernetesCopySide(workload.deletedCopies().keySet()));
    return problems;
  }

  private static List<String> vb365Side(Invariants invariants, Workload workload, ConsoleMeddler console) {
    List<String> problems = new ArrayList<>(invariants.vb365Side(workload.deleted(), workload::jobIdAtDeletion));
    problems.addAll(invariants.vb365CopySide(workload.deletedCopies(), console));
    return problems;
  }

  /** What happened to copy jobs: the workload's, the console's and the operator's part (its Events tell). */
  private static ChaosReport.CopyFigures copyFigures(KubernetesClient client, Vb365Admin admin, Workload workload,
      ConsoleMeddler console, Simulator simulator) {
    int backupCopyJobs = 0;
    Map<String, Long> reasons = new java.util.TreeMap<>();
    long recreated = 0;
    for (String namespace : Workload.NAMESPACES) {
      backupCopyJobs += client.resources(BackupCopyJob.class).inNamespace(namespace).list().getItems().size();
      for (var event : client.v1().events().inNamespace(namespace).list().getItems()) {
        if ("BackupCopyJob".equals(event.getInvolvedObject().getKind())) {
          long count = event.getCount() == null ? 1 : event.getCount();
          reasons.merge(event.getReason(), count, Long::sum);
          if ("CopyJobCreated".equals(event.getReason()) && event.getMessage() != null
              && event.getMessage().contains("deleted outside Kubernetes")) {
            recreated += count;
          }
        }
      }
    }
    Map<String, Workload.DeletedCopy> deleted = workload.deletedCopies();
    return new ChaosReport.CopyFigures(backupCopyJobs, admin.copyJobs().size(), workload.copiesCreated(),
        deleted.values().stream().filter(d -> d.backupJobDeleted() == null && d.policy() == DeletionPolicy.Delete)
            .count(),
        deleted.values().stream().filter(d -> d.backupJobDeleted() == null && d.policy() == DeletionPolicy.Orphan)
            .count(),
        deleted.values().stream().filter(d -> d.backupJobDeleted() != null).count(),
        console.edits(), console.deletes(), console.creates(), console.failed(),
        simulator.requestCounts().entrySet().stream().filter(e -> e.getKey().matches("POST /v\\d/CopyJobs"))
            .mapToLong(Map.Entry::getValue).sum() - console.callsMade().entrySet().stream()
            .filter(e -> e.getKey().matches("POST /v\\d/CopyJobs")).mapToLong(Map.Entry::getValue).sum(),
        reasons.getOrDefault("DriftCorrected", 0L), recreated, reasons.getOrDefault("CopyJobAdopted", 0L),
        Map.copyOf(reasons));
  }

  private record Step(double at, String name, Runnable action) {
  }

  private static void sleepUntil(long start, long offsetNanos) throws InterruptedException {
    long wait = start + offsetNanos - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  /** One operator process after another: each with its own Kubernetes client, VB365 clients and caches. */
  private static final class OperatorInstance implements AutoCloseable {
    private final Sandbox sandbox;
    private KubernetesClient client;
    private Vb365Operator operator;

    OperatorInstance(Sandbox sandbox) {
      this.sandbox = sandbox;
    }

    void start() {
      client = new KubernetesClientBuilder().withConfig(sandbox.client().getConfiguration()).build();
      OperatorSettings settings = OperatorSettings.defaults().withResyncInterval(Duration.ofSeconds(30))
          .withFeed(OperatorSettings.FeedMode.EVENTS, Duration.ofSeconds(1)).withConcurrency(8, 8);
      operator = Vb365Operator.builder(client, settings, new SimpleMeterRegistry())
          .veeamTimeouts(TIMEOUTS)
          .transientRetry(Duration.ofMillis(500), Duration.ofSeconds(5))
          .start();
    }

    void restart() {
      close();
      start();
    }

    @Override
    public void close() {
      if (operator != null) {
        operator.close();
        operator = null;
      }
      if (client != null) {
        client.close();
        client = null;
      }
    }
  }
}
