package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.veeam.Timeouts;
import dev.vb365.operator.veeam.RetryPolicy;
import dev.vb365.operator.veeam.VeeamClientOptions;
import dev.vb365.operator.veeam.VeeamClientPool;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator, assembled: the BackupJob and JobItem reconcilers on JOSDK, the VB365 client pool,
 * the per-server job watches, Events and metrics, configured from {@link OperatorSettings}. The
 * {@code run}, {@code demo} and {@code bench} commands and the tests start it the same way:
 *
 * <pre>{@code
 * try (Vb365Operator operator = Vb365Operator.builder(kubernetes, settings, registry).start()) {
 *   ... operator.isReady() ...
 * }
 * }</pre>
 */
public final class Vb365Operator implements AutoCloseable {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Vb365Operator.class);

  private final Operator operator;
  private final JobWatch watch;
  private final LeadershipState leadership;
  private final Shutdown shutdown;
  private final VeeamClientPool pool;
  private final Duration gracePeriod;

  private Vb365Operator(Operator operator, JobWatch watch, LeadershipState leadership, Shutdown shutdown,
      VeeamClientPool pool, Duration gracePeriod) {
    this.operator = operator;
    this.watch = watch;
    this.leadership = leadership;
    this.shutdown = shutdown;
    this.pool = pool;
    this.gracePeriod = gracePeriod;
  }

  public static Builder builder(KubernetesClient kubernetes, OperatorSettings settings, MeterRegistry registry) {
    return new Builder(kubernetes, settings, registry);
  }

  /** Starts an operator with the defaults for everything the settings do not say. */
  public static Vb365Operator start(KubernetesClient kubernetes, OperatorSettings settings, MeterRegistry registry) {
    return builder(kubernetes, settings, registry).start();
  }

  /**
   * Alive unless a watch of the Kubernetes API has failed or the Lease was lost while running (the kubelet
   * should restart the process then: a fresh start is the simplest way back to a clean standby).
   */
  public boolean isAlive() {
    return !leadership.lostUnexpectedly()
        && (!operator.getRuntimeInfo().isStarted() || operator.getRuntimeInfo().allEventSourcesAreHealthy());
  }

  /** Ready once started with every watch healthy. */
  public boolean isReady() {
    return operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  /** VB365 servers whose jobs are being watched now (one change feed or poller each). */
  public int watchedServers() {
    return watch.serverCount();
  }

  /**
   * Stops in order: no new reconcile starts; the watches of the Kubernetes API stop; the reconciles running finish
   * (for up to the grace period, then their VB365 calls are cut short); then the change feeds stop. When this
   * returns, nothing uses the Kubernetes client any more, so the caller may close it.
   */
  @Override
  public void close() {
    leadership.closing();
    shutdown.begin();
    try {
      operator.stop(); // JOSDK waits up to the grace period for its reconcile threads, then interrupts them
      if (!shutdown.awaitIdle(Duration.ofMillis(100))) {
        LOG.info("{} reconciles still running after {} s: cutting their VB365 calls short", shutdown.running(),
            gracePeriod.toSeconds());
        pool.cancelAll();
        if (!shutdown.awaitIdle(Duration.ofSeconds(5))) {
          LOG.warn("{} reconciles did not stop; they end with the process", shutdown.running());
        }
      }
    } finally {
      watch.close();
    }
  }

  /** Options beyond {@link OperatorSettings}, mostly for tests and the benchmark. */
  public static final class Builder {
    private final KubernetesClient kubernetes;
    private final OperatorSettings settings;
    private final MeterRegistry registry;
    private VeeamClientOptions clientOptions;
    private Timeouts timeouts = Timeouts.defaults();
    private Clock clock = Clock.systemUTC();
    private Duration firstRetry = Duration.ofSeconds(2);
    private Duration maxRetry = Duration.ofMinutes(5);
    private String leaseName;
    private String leaseNamespace;
    private Duration gracePeriod = Duration.ofSeconds(15);

    private Builder(KubernetesClient kubernetes, OperatorSettings settings, MeterRegistry registry) {
      this.kubernetes = Objects.requireNonNull(kubernetes, "kubernetes");
      this.settings = Objects.requireNonNull(settings, "settings");
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** How the VB365 clients behave (retries, lookup caching, ...); their metrics go to the operator's registry. */
    public Builder veeamClientOptions(VeeamClientOptions options) {
      this.clientOptions = options;
      return this;
    }

    /** HTTP timeouts of every VB365 connection. */
    public Builder veeamTimeouts(Timeouts value) {
      this.timeouts = value;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /** The wait after a transient failure of a BackupJob (doubling up to {@code max}). */
    public Builder transientRetry(Duration first, Duration max) {
      this.firstRetry = first;
      this.maxRetry = max;
      return this;
    }

    /** Only the holder of this Lease reconciles (several replicas for availability). */
    public Builder leaderElection(String leaseName, String leaseNamespace) {
      this.leaseName = Objects.requireNonNull(leaseName, "leaseName");
      this.leaseNamespace = leaseNamespace;
      return this;
    }

    /** How long a stop waits for the reconciles running (below Kubernetes' default 30 s grace period). */
    public Builder gracePeriod(Duration value) {
      this.gracePeriod = Objects.requireNonNull(value, "gracePeriod");
      return this;
    }

    public Vb365Operator start() {
      OperatorSettings settings = this.settings.withClusterName(ClusterIdentity.resolve(kubernetes,
          this.settings.clusterName()));
      // Retries inside a reconcile stay within a short budget: a server that asks for a longer wait (Retry-After)
      // or keeps failing is rescheduled, so that no reconcile thread sleeps on one server's trouble.
      VeeamClientOptions options = Optional.ofNullable(clientOptions).orElseGet(() -> VeeamClientOptions.defaults()
          .withRetryPolicy(RetryPolicy.withinReconcile())).withMeterRegistry(registry);
      ObservedJobCache cache = new ObservedJobCache();
      JobWatch watch = new JobWatch(settings, cache);
      JobItemStatuses jobItemStatuses = new JobItemStatuses(clock);
      SharedCaches shared = new SharedCaches();
      Shutdown shutdown = new Shutdown();
      VeeamClientPool pool = new VeeamClientPool(options);
      BackupJobReconciler.Wiring wiring = new BackupJobReconciler.Wiring(settings, pool,
          new ConnectionSecrets(settings, timeouts), watch, new JobObserver(cache), new EventRecorder(kubernetes, clock),
          new OperatorMetrics(registry), new ServerGate(settings.maxRequestsPerServer()), jobItemStatuses,
          new Backoffs(firstRetry, maxRetry), clock, shared, shutdown);

      LeadershipState leadership = new LeadershipState();
      Operator operator = new Operator(o -> {
        o.withKubernetesClient(kubernetes)
            .withUseSSAToPatchPrimaryResource(false)
            .withConcurrentReconciliationThreads(settings.concurrency())
            .withCloseClientOnStop(false)
            .withReconciliationTerminationTimeout(gracePeriod)
            .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
        if (leaseName != null) {
          // JOSDK's default exits the JVM when leadership stops, also on a normal stop (which then hangs a
          // shutdown hook, and kills test JVMs); instead a lost Lease makes the liveness probe fail.
          LeaderElectionConfigurationBuilder election = LeaderElectionConfigurationBuilder
              .aLeaderElectionConfiguration(leaseName)
              .withLeaderCallbacks(new LeaderCallbacks(() -> { }, leadership::stoppedLeading, leader -> { }))
              .withExitOnStopLeading(false);
          if (leaseNamespace != null) {
            election.withLeaseNamespace(leaseNamespace);
          }
          o.withLeaderElectionConfiguration(election.build());
        }
      });
      operator.register(new BackupJobReconciler(wiring), c -> {
        scope(c, "backupjob");
        // Status writes must not wake the reconciler, but the run controls and the pause must: so not
        // JOSDK's generation filter, but this one.
        c.withGenerationAware(false);
        c.withOnUpdateFilter((now, before) -> !Objects.equals(now.getMetadata().getGeneration(),
                before.getMetadata().getGeneration())
            || !RunControls.annotationValues(now).equals(RunControls.annotationValues(before))
            || now.isMarkedForDeletion() != before.isMarkedForDeletion()
            || !Objects.equals(now.getMetadata().getFinalizers(), before.getMetadata().getFinalizers()));
      });
      operator.register(new JobItemReconciler(shared, jobItemStatuses, shutdown), c -> scope(c, "jobitem"));
      operator.register(new BackupCopyJobReconciler(wiring), c -> {
        scope(c, "backupcopyjob");
        // As for BackupJobs: the pause annotation must wake it, its own status writes must not.
        c.withGenerationAware(false);
        c.withOnUpdateFilter((now, before) -> !Objects.equals(now.getMetadata().getGeneration(),
                before.getMetadata().getGeneration())
            || Pause.requested(now) != Pause.requested(before)
            || now.isMarkedForDeletion() != before.isMarkedForDeletion()
            || !Objects.equals(now.getMetadata().getFinalizers(), before.getMetadata().getFinalizers()));
      });
      try {
        operator.start();
      } catch (RuntimeException e) {
        watch.close();
        throw e;
      }
      return new Vb365Operator(operator, watch, leadership, shutdown, pool, gracePeriod);
    }

    private <R extends io.fabric8.kubernetes.api.model.HasMetadata> void scope(ControllerConfigurationOverrider<R> c,
        String name) {
      c.withName(name);
      c.withReconciliationMaxInterval(settings.resyncInterval());
      if (settings.watchNamespaces().isEmpty()) {
        c.watchingAllNamespaces();
      } else {
        c.settingNamespaces(new HashSet<>(settings.watchNamespaces()));
      }
      if (settings.labelSelector() != null) {
        c.withLabelSelector(settings.labelSelector());
      }
    }
  }

  /** Whether the Lease was lost while the operator still meant to run (as opposed to a normal stop). */
  private static final class LeadershipState {
    private volatile boolean closing;
    private volatile boolean lost;

    void closing() {
      closing = true;
    }

    void stoppedLeading() {
      if (!closing) {
        lost = true;
      }
    }

    boolean lostUnexpectedly() {
      return lost;
    }
  }
}
