package dev.vb365.operator.controller;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one operator instance runs: which resources it owns, how it talks to VB365, how hard it works.
 * Built by the `run`, `demo` and `bench` commands (flags or VB365_* environment variables) and by tests.
 *
 * @param watchNamespaces namespaces whose BackupJobs and JobItems this instance reconciles; empty means all
 * @param labelSelector only resources matching it (lets several instances split the work); null means all
 * @param defaultConnectionSecret "namespace/name" of the Secret used when a BackupJob names none; null: none
 * @param feedMode how VB365 job changes are noticed: the v8 /Events long poll, or paged polling
 * @param feedPollInterval the interval of paged polling (and of the fallback when /Events is missing)
 * @param resyncInterval the longest time between two reconciles of one BackupJob, whatever happens
 * @param concurrency reconcile threads
 * @param maxRequestsPerServer concurrent requests to one VB365 server, over all reconciles
 * @param clusterName the cluster's name in ownership markers; null: the kube-system namespace's UID, read at start
 */
public record OperatorSettings(
    List<String> watchNamespaces,
    String labelSelector,
    String defaultConnectionSecret,
    FeedMode feedMode,
    Duration feedPollInterval,
    Duration resyncInterval,
    int concurrency,
    int maxRequestsPerServer,
    String clusterName) {

  public enum FeedMode { EVENTS, POLL }

  public OperatorSettings {
    watchNamespaces = List.copyOf(Objects.requireNonNullElse(watchNamespaces, List.of()));
    labelSelector = labelSelector == null || labelSelector.isBlank() ? null : labelSelector.trim();
    defaultConnectionSecret = defaultConnectionSecret == null || defaultConnectionSecret.isBlank()
        ? null : defaultConnectionSecret.trim();
    Objects.requireNonNull(feedMode, "feedMode");
    Objects.requireNonNull(feedPollInterval, "feedPollInterval");
    Objects.requireNonNull(resyncInterval, "resyncInterval");
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    if (maxRequestsPerServer < 1) {
      throw new IllegalArgumentException("maxRequestsPerServer must be at least 1, was " + maxRequestsPerServer);
    }
    clusterName = clusterName == null || clusterName.isBlank() ? null : clusterName.trim();
    if (clusterName != null && !ClusterIdentity.NAME.matcher(clusterName).matches()) {
      throw new IllegalArgumentException("the cluster name must be 1 to 63 letters, digits, '-', '.' or '_', starting "
          + "and ending with a letter or digit, was '" + clusterName + "'");
    }
    if (defaultConnectionSecret != null && !defaultConnectionSecret.matches("[a-z0-9.-]+/[a-z0-9.-]+")) {
      throw new IllegalArgumentException(
          "the default connection Secret must be written namespace/name, was '" + defaultConnectionSecret + "'");
    }
  }

  /** Defaults matching the Helm chart's values. */
  public static OperatorSettings defaults() {
    return new OperatorSettings(List.of(), null, null, FeedMode.EVENTS, Duration.ofSeconds(60),
        Duration.ofMinutes(10), 5, 4, null);
  }

  public Optional<String> defaultConnectionSecretNamespace() {
    return Optional.ofNullable(defaultConnectionSecret).map(s -> s.substring(0, s.indexOf('/')));
  }

  public Optional<String> defaultConnectionSecretName() {
    return Optional.ofNullable(defaultConnectionSecret).map(s -> s.substring(s.indexOf('/') + 1));
  }

  public OperatorSettings withWatchNamespaces(List<String> namespaces) {
    return new OperatorSettings(namespaces, labelSelector, defaultConnectionSecret, feedMode, feedPollInterval,
        resyncInterval, concurrency, maxRequestsPerServer, clusterName);
  }

  public OperatorSettings withLabelSelector(String selector) {
    return new OperatorSettings(watchNamespaces, selector, defaultConnectionSecret, feedMode, feedPollInterval,
        resyncInterval, concurrency, maxRequestsPerServer, clusterName);
  }

  public OperatorSettings withDefaultConnectionSecret(String secret) {
    return new OperatorSettings(watchNamespaces, labelSelector, secret, feedMode, feedPollInterval,
        resyncInterval, concurrency, maxRequestsPerServer, clusterName);
  }

  public OperatorSettings withFeed(FeedMode mode, Duration pollInterval) {
    return new OperatorSettings(watchNamespaces, labelSelector, defaultConnectionSecret, mode, pollInterval,
        resyncInterval, concurrency, maxRequestsPerServer, clusterName);
  }

  public OperatorSettings withResyncInterval(Duration interval) {
    return new OperatorSettings(watchNamespaces, labelSelector, defaultConnectionSecret, feedMode, feedPollInterval,
        interval, concurrency, maxRequestsPerServer, clusterName);
  }

  public OperatorSettings withClusterName(String name) {
    return new OperatorSettings(watchNamespaces, labelSelector, defaultConnectionSecret, feedMode, feedPollInterval,
        resyncInterval, concurrency, maxRequestsPerServer, name);
  }

  public OperatorSettings withConcurrency(int threads, int requestsPerServer) {
    return new OperatorSettings(watchNamespaces, labelSelector, defaultConnectionSecret, feedMode, feedPollInterval,
        resyncInterval, threads, requestsPerServer, clusterName);
  }
}
