package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.veeam.Timeouts;
import dev.vb365.operator.veeam.VeeamClientOptions;
import dev.vb365.operator.veeam.VeeamClientPool;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
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

  private final Operator operator;
  private final JobWatch watch;

  private Vb365Operator(Operator operator, JobWatch watch) {
    this.operator = operator;
    this.watch = watch;
  }

  public static Builder builder(KubernetesClient kubernetes, OperatorSettings settings, MeterRegistry registry) {
    return new Builder(kubernetes, settings, registry);
  }

  /** Starts an operator with the defaults for everything the settings do not say. */
  public static Vb365Operator start(KubernetesClient kubernetes, OperatorSettings settings, MeterRegistry registry) {
    return builder(kubernetes, settings, registry).start();
  }

  /** Alive unless a watch of the Kubernetes API has failed (the kubelet should restart the process then). */
  public boolean isAlive() {
    return !operator.getRuntimeInfo().isStarted() || operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  /** Ready once started with every watch healthy. */
  public boolean isReady() {
    return operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  /** VB365 servers whose jobs are being watched now (one change feed or poller each). */
  public int watchedServers() {
    return watch.serverCount();
  }

  @Override
  public void close() {
    try {
      operator.stop();
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
    private LeaderElectionConfiguration leaderElection;

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
      this.leaderElection = new LeaderElectionConfiguration(leaseName, leaseNamespace);
      return this;
    }

    public Vb365Operator start() {
      VeeamClientOptions options = Optional.ofNullable(clientOptions).orElseGet(VeeamClientOptions::defaults)
          .withMeterRegistry(registry);
      ObservedJobCache cache = new ObservedJobCache();
      JobWatch watch = new JobWatch(settings, cache);
      JobItemStatuses jobItemStatuses = new JobItemStatuses(clock);
      SharedCaches shared = new SharedCaches();
      BackupJobReconciler.Wiring wiring = new BackupJobReconciler.Wiring(settings, new VeeamClientPool(options),
          new ConnectionSecrets(settings, timeouts), watch, new JobObserver(cache), new EventRecorder(kubernetes, clock),
          new OperatorMetrics(registry), new ServerGate(settings.maxRequestsPerServer()), jobItemStatuses,
          new Backoffs(firstRetry, maxRetry), clock, shared);

      Operator operator = new Operator(o -> {
        o.withKubernetesClient(kubernetes)
            .withUseSSAToPatchPrimaryResource(false)
            .withConcurrentReconciliationThreads(settings.concurrency())
            .withCloseClientOnStop(false)
            .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
        if (leaderElection != null) {
          o.withLeaderElectionConfiguration(leaderElection);
        }
      });
      operator.register(new BackupJobReconciler(wiring), c -> {
        scope(c, "backupjob");
        // Status writes must not wake the reconciler, but the run-now annotation must: so not
        // JOSDK's generation filter, but this one.
        c.withGenerationAware(false);
        c.withOnUpdateFilter((now, before) -> !Objects.equals(now.getMetadata().getGeneration(),
                before.getMetadata().getGeneration())
            || !Objects.equals(runRequest(now), runRequest(before))
            || now.isMarkedForDeletion() != before.isMarkedForDeletion()
            || !Objects.equals(now.getMetadata().getFinalizers(), before.getMetadata().getFinalizers()));
      });
      operator.register(new JobItemReconciler(shared, jobItemStatuses), c -> scope(c, "jobitem"));
      try {
        operator.start();
      } catch (RuntimeException e) {
        watch.close();
        throw e;
      }
      return new Vb365Operator(operator, watch);
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

    private static String runRequest(BackupJob job) {
      Map<String, String> annotations = job.getMetadata().getAnnotations();
      return annotations == null ? null : annotations.get(ConditionTypes.RUN_REQUESTED_AT_ANNOTATION);
    }
  }
}
