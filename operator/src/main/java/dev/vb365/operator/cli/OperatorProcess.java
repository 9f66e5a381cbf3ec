package dev.vb365.operator.cli;

import dev.vb365.operator.controller.OperatorSettings;
import dev.vb365.operator.monitoring.MetricsAndHealthServer;
import dev.vb365.operator.controller.Vb365Operator;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What `run` starts and stops as one: the Kubernetes client, the metrics registry the operator and the JVM
 * report to, the operator, and the HTTP port that serves both metrics and probes. {@link #close()} stops them in
 * reverse order and may be called from a shutdown hook while another thread waits in {@link #awaitTermination()}.
 */
final class OperatorProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorProcess.class);

  record LeaderElection(String leaseName, String namespaceOrNull) {}

  record Options(OperatorSettings settings, Path kubeconfigOrNull, int httpPort, LeaderElection leaderElectionOrNull) {}

  private final KubernetesClient kubernetes;
  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gcMetrics;
  private final Vb365Operator operator;
  private final MetricsAndHealthServer http;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);

  private OperatorProcess(KubernetesClient kubernetes, PrometheusMeterRegistry registry, JvmGcMetrics gcMetrics,
      Vb365Operator operator, MetricsAndHealthServer http) {
    this.kubernetes = kubernetes;
    this.registry = registry;
    this.gcMetrics = gcMetrics;
    this.operator = operator;
    this.http = http;
  }

  static OperatorProcess start(Options options) throws IOException {
    KubernetesClient kubernetes = kubernetesClient(options.kubeconfigOrNull());
    try {
      KubernetesReachability.check(kubernetes, options.kubeconfigOrNull());
    } catch (RuntimeException e) {
      kubernetes.close();
      throw e;
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(registry);
    Vb365Operator operator = null;
    try {
      OperatorSettings settings = options.settings();
      Vb365Operator.Builder builder = Vb365Operator.builder(kubernetes, settings, registry);
      LeaderElection election = options.leaderElectionOrNull();
      String electionText = "off";
      if (election != null) {
        String namespace = election.namespaceOrNull() != null ? election.namespaceOrNull()
            : kubernetes.getNamespace() != null ? kubernetes.getNamespace() : "default";
        builder.leaderElection(election.leaseName(), namespace);
        electionText = "Lease " + namespace + "/" + election.leaseName();
      }
      LOG.info("Starting against {}: namespaces {}, label selector {}, default connection {}, feed {} "
              + "(poll interval {}), resync {}, concurrency {}, {} requests per VB365 server, leader election {}",
          kubernetes.getMasterUrl(), settings.watchNamespaces().isEmpty() ? "all" : settings.watchNamespaces(),
          settings.labelSelector() == null ? "none" : settings.labelSelector(),
          settings.defaultConnectionSecret() == null ? "none" : settings.defaultConnectionSecret(),
          settings.feedMode().name().toLowerCase(java.util.Locale.ROOT), settings.feedPollInterval(),
          settings.resyncInterval(), settings.concurrency(), settings.maxRequestsPerServer(), electionText);
      try {
        operator = builder.start();
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot start against the Kubernetes API at " + kubernetes.getMasterUrl()
            + (options.kubeconfigOrNull() == null ? " (from KUBECONFIG, ~/.kube/config or the pod's service account; "
            + "--kubeconfig names another)" : " (from " + options.kubeconfigOrNull() + ")"), e);
      }
      Vb365Operator started = operator;
      MetricsAndHealthServer http = MetricsAndHealthServer.start("0.0.0.0", options.httpPort(), registry,
          started::isAlive, started::isReady);
      return new OperatorProcess(kubernetes, registry, gcMetrics, operator, http);
    } catch (RuntimeException | IOException e) {
      if (operator != null) {
        operator.close();
      }
      gcMetrics.close();
      registry.close();
      kubernetes.close();
      throw e;
    }
  }

  private static KubernetesClient kubernetesClient(Path kubeconfig) {
    if (kubeconfig == null) {
      return new KubernetesClientBuilder().build(); // KUBECONFIG, ~/.kube/config, or the pod's service account
    }
    try {
      String content = Files.readString(kubeconfig, StandardCharsets.UTF_8);
      return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, content, kubeconfig.toString()))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read --kubeconfig " + kubeconfig, e);
    }
  }

  int httpPort() {
    return http.port();
  }

  /** Returns when {@link #close()} has finished (or throws when the waiting thread is interrupted). */
  void awaitTermination() throws InterruptedException {
    terminated.await();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info("Stopping");
    try {
      http.close();
      operator.close();
    } finally {
      gcMetrics.close();
      registry.close();
      kubernetes.close();
      terminated.countDown();
    }
  }
}
