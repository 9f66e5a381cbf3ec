package dev.vb365.operator.cli;

import dev.vb365.operator.controller.OperatorSettings;
import dev.vb365.operator.controller.OperatorSettings.FeedMode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `run`: the operator itself, against the cluster of the current kubeconfig or the pod's service account. */
@Command(name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Runs the operator (the default command).",
        "Uses the current Kubernetes context (--kubeconfig, KUBECONFIG, ~/.kube/config) or, inside a pod, its "
            + "service account. Serves /metrics, /healthz and /readyz on --http-port. Stops cleanly on SIGTERM.",
        ""},
    footer = {"",
        "Every option can also be set by an environment variable: --foo-bar is VB365_FOO_BAR. "
            + "Durations: 500ms, 30s, 10m, 1h or ISO-8601 (PT10M)."})
final class RunCommand implements Callable<Integer> {

  enum LogLevel { TRACE, DEBUG, INFO, WARN, ERROR }

  /**
   * Less than Kubernetes' default terminationGracePeriodSeconds (30), more than the reconciles' grace period (15 s)
   * plus the few seconds the rest of the stop takes.
   */
  private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(25);

  @Spec
  private CommandSpec spec;

  @Option(names = "--watch-namespaces", split = ",", paramLabel = "NS",
      description = "Namespaces whose BackupJobs and JobItems to reconcile. Default: all namespaces.")
  List<String> watchNamespaces = new ArrayList<>();

  @Option(names = "--label-selector", paramLabel = "SELECTOR",
      description = "Only BackupJobs and JobItems matching this label selector (e.g. vb365.dev/shard=a), so that "
          + "several operators can split the work. Default: all.")
  String labelSelector;

  @Option(names = "--default-connection-secret", paramLabel = "NAMESPACE/NAME",
      description = "Secret (keys url, username, password, optional ca.crt) used by BackupJobs that name no "
          + "connection. Default: none.")
  String defaultConnectionSecret;

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "kubeconfig to use instead of the default discovery (KUBECONFIG, ~/.kube/config, in-cluster).")
  Path kubeconfig;

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
      description = "Port of /metrics, /healthz and /readyz (0: any free port). Default: ${DEFAULT-VALUE}.")
  int httpPort;

  @Option(names = "--leader-election", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      paramLabel = "true|false",
      description = "Take a Lease before reconciling, so that of several replicas exactly one works. "
          + "Default: ${DEFAULT-VALUE}.")
  boolean leaderElection;

  @Option(names = "--leader-election-namespace", paramLabel = "NS",
      description = "Namespace of the Lease. Default: the pod's namespace, else the kubeconfig context's.")
  String leaderElectionNamespace;

  @Option(names = "--leader-election-lease", paramLabel = "NAME", defaultValue = "vb365-operator",
      description = "Name of the Lease. Default: ${DEFAULT-VALUE}.")
  String leaderElectionLease;

  @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "INFO",
      description = "TRACE, DEBUG, INFO, WARN or ERROR. Default: ${DEFAULT-VALUE}.")
  LogLevel logLevel;

  @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
      description = "text, or json (one JSON object per line, for log collectors). Default: ${DEFAULT-VALUE}.")
  LoggingSetup.Format logFormat;

  @Option(names = "--resync-interval", paramLabel = "DURATION", defaultValue = "10m",
      converter = DurationConverter.class,
      description = "Every BackupJob is reconciled at least this often, even without events. Default: ${DEFAULT-VALUE}.")
  Duration resyncInterval;

  @Option(names = "--feed", paramLabel = "events|poll", defaultValue = "events",
      description = "How VB365 job changes are noticed: events (long poll of /Events, VB365 v8) or poll (list the "
          + "jobs every --feed-poll-interval; for v6 and v7). Default: ${DEFAULT-VALUE}.")
  FeedMode feed;

  @Option(names = "--feed-poll-interval", paramLabel = "DURATION", defaultValue = "60s",
      converter = DurationConverter.class,
      description = "Interval of --feed poll (and of the fallback when a server has no /Events). "
          + "Default: ${DEFAULT-VALUE}.")
  Duration feedPollInterval;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "5",
      description = "BackupJobs reconciled at the same time. Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(names = "--max-requests-per-server", paramLabel = "N", defaultValue = "4",
      description = "Concurrent HTTP requests to one VB365 server. Default: ${DEFAULT-VALUE}.")
  int maxRequestsPerServer;

  @Option(names = "--cluster-name", paramLabel = "NAME",
      description = "This cluster's name in the ownership marker of each VB365 job, so that another cluster applying "
          + "the same manifests against the same VB365 server never takes this cluster's jobs. Default: the UID of "
          + "the kube-system namespace. Never change it once jobs exist.")
  String clusterName;

  private final PrintStream out;

  RunCommand(PrintStream out) {
    this.out = out;
  }

  /** The settings these flags and variables describe; a value OperatorSettings refuses is a usage error. */
  OperatorSettings settings() {
    try {
      return OperatorSettings.defaults()
          .withWatchNamespaces(watchNamespaces.stream().map(String::trim).filter(s -> !s.isEmpty()).toList())
          .withLabelSelector(labelSelector)
          .withDefaultConnectionSecret(defaultConnectionSecret)
          .withFeed(feed, positive(feedPollInterval, "--feed-poll-interval"))
          .withResyncInterval(positive(resyncInterval, "--resync-interval"))
          .withConcurrency(concurrency, maxRequestsPerServer)
          .withClusterName(clusterName);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private Duration positive(Duration value, String option) {
    if (value.isNegative() || value.isZero()) {
      throw new ParameterException(spec.commandLine(), option + " must be longer than zero, was " + value);
    }
    return value;
  }

  @Override
  public Integer call() throws Exception {
    OperatorSettings settings = settings();
    if (kubeconfig != null && !java.nio.file.Files.isReadable(kubeconfig)) {
      throw new ParameterException(spec.commandLine(), "--kubeconfig " + kubeconfig + " is not a readable file");
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new ParameterException(spec.commandLine(), "--http-port must be 0..65535, was " + httpPort);
    }
    LoggingSetup.apply(logLevel.name(), logFormat);
    OperatorProcess.Options options = new OperatorProcess.Options(settings, kubeconfig, httpPort,
        leaderElection ? new OperatorProcess.LeaderElection(leaderElectionLease, leaderElectionNamespace) : null);
    boolean interrupted = false;
    try (OperatorProcess process = OperatorProcess.start(options)) {
      out.println("vb365-operator running; metrics and health on http://0.0.0.0:" + process.httpPort()
          + " (/metrics, /healthz, /readyz)");
      AtomicBoolean stopping = new AtomicBoolean();
      Thread hook = new Thread(() -> stop(process, stopping), "vb365-operator-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        process.awaitTermination();
      } catch (InterruptedException e) {
        interrupted = true; // stop like on SIGTERM; the flag is restored once everything is closed
        stop(process, stopping);
      } finally {
        removeHook(hook);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return Main.EXIT_OK;
  }

  /**
   * Stops the process once (Ctrl+C, SIGTERM or an interrupt), saying so on the stream of the "running" line: the
   * logs may be filtered to warnings, and a silent pause of up to {@link #SHUTDOWN_BOUND} looks like a hang.
   */
  private void stop(OperatorProcess process, AtomicBoolean stopping) {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    out.println("vb365-operator stopping: finishing the reconciles in progress (at most " + SHUTDOWN_BOUND.toSeconds()
        + " s)");
    if (closeWithin(process, SHUTDOWN_BOUND)) {
      out.println("vb365-operator stopped");
    }
  }

  /**
   * Closes on another thread and gives up after {@code bound}: a shutdown hook that never returns keeps the pod
   * in Terminating until the kubelet kills it, so a stuck stop (a hung HTTP call, say) must not block it.
   *
   * @return whether the close finished within the bound
   */
  static boolean closeWithin(AutoCloseable process, Duration bound) {
    Thread closer = new Thread(() -> {
      try {
        process.close();
      } catch (Exception e) {
        LoggerFactory.getLogger(RunCommand.class).warn("Stopping failed: {}", Main.describe(e));
      }
    }, "vb365-operator-close");
    closer.setDaemon(true);
    closer.start();
    try {
      closer.join(bound.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closer.isAlive()) {
      LoggerFactory.getLogger(RunCommand.class).warn("Stopping took longer than {} s; exiting anyway",
          bound.toSeconds());
      return false;
    }
    return true;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it closes the process itself
    }
  }
}
