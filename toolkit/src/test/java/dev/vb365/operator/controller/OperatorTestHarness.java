package dev.vb365.operator.controller;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.JobItem;
import dev.vb365.operator.api.JobItemSpec;
import dev.vb365.operator.embedded.EmbeddedKubernetesApi;
import dev.vb365.operator.secretscan.SuiteRecord;
import dev.vb365.operator.veeam.Timeouts;
import dev.vb365.simulator.Simulator;
import dev.vb365.simulator.SimulatorOptions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The whole operator in one process, for end-to-end tests: the embedded Kubernetes API (fabric8's
 * CRUD mock with the generated CRDs), the VB365 simulator over HTTPS with its own CA, and the
 * operator on top, talking to both as it would in a cluster. It counts what the operator writes:
 * VB365 calls through the simulator's request counters, status writes through an interceptor on
 * the operator's Kubernetes client.
 */
final class OperatorTestHarness implements AutoCloseable {

  static final String ORG = "contoso.onmicrosoft.com";
  static final String REPO = "Default Backup Repository";
  static final String SECRET = "vb365";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  final EmbeddedKubernetesApi api;
  final Simulator simulator;
  final KubernetesClient kubernetes;
  final KubernetesClient operatorClient;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final Vb365Admin admin;
  private final Map<String, AtomicLong> statusWrites = new ConcurrentHashMap<>();
  private Vb365Operator operator;
  private OperatorSettings settings;
  private Timeouts timeouts;
  private dev.vb365.operator.veeam.VeeamClientOptions clientOptions;

  private OperatorTestHarness(SimulatorOptions simulatorOptions, OperatorSettings settings, Timeouts timeouts) {
    this.api = EmbeddedKubernetesApi.start(0);
    try {
      api.installCrd(resource("/META-INF/fabric8/backupjobs.backup.vb365.dev-v1.yml"));
      api.installCrd(resource("/META-INF/fabric8/jobitems.backup.vb365.dev-v1.yml"));
      api.installCrd(resource("/META-INF/fabric8/backupcopyjobs.backup.vb365.dev-v1.yml"));
      this.simulator = Simulator.start(simulatorOptions);
    } catch (RuntimeException e) {
      api.close();
      throw e;
    }
    this.kubernetes = api.client();
    this.operatorClient = new KubernetesClientBuilder().withConfig(api.client().getConfiguration())
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count-status-writes", new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            String path = request.uri().getPath();
            if (!"GET".equals(request.method())) {
              SuiteRecord.kubernetesWrite(request.method(), path, request.bodyString());
            }
            if (!"GET".equals(request.method()) && path.endsWith("/status")) {
              String kind = path.contains("/backupjobs/") ? "backupjobs" : path.contains("/jobitems/") ? "jobitems"
                  : path.contains("/backupcopyjobs/") ? "backupcopyjobs" : "other";
              statusWrites.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            }
          }
        })).build();
    this.admin = new Vb365Admin(simulator);
    this.settings = settings;
    this.timeouts = timeouts;
  }

  /** Simulator v8 over HTTPS (runs last 1 s), operator resyncing every 5 s with the given feed mode. */
  static OperatorTestHarness start() {
    return start(simulatorOptions(), settings(), null);
  }

  /** v8 over HTTPS, runs last 1 s, a password that appears nowhere else (so leak checks mean something). */
  static SimulatorOptions simulatorOptions() {
    return SimulatorOptions.defaults().withSessionDuration(Duration.ofSeconds(1))
        .withCredentials("backup-operator", "Pa55-Wd-f0r-tests!");
  }

  /** The cluster name the harness's operators write into markers (the kube-system UID path runs in the IT tier). */
  static final String CLUSTER = "suite";

  /** JSON text as a tree (for the simulator's controls). */
  static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static OperatorSettings settings() {
    return OperatorSettings.defaults().withClusterName(CLUSTER).withResyncInterval(Duration.ofSeconds(5))
        .withFeed(OperatorSettings.FeedMode.EVENTS, Duration.ofSeconds(1)).withConcurrency(4, 4);
  }

  static OperatorTestHarness start(SimulatorOptions simulatorOptions, OperatorSettings settings, Timeouts timeouts) {
    return start(simulatorOptions, settings, timeouts, null);
  }

  /** With the operator's VB365 clients configured (e.g. a clock the test moves); null means the defaults. */
  static OperatorTestHarness start(SimulatorOptions simulatorOptions, OperatorSettings settings, Timeouts timeouts,
      dev.vb365.operator.veeam.VeeamClientOptions clientOptions) {
    OperatorTestHarness harness = new OperatorTestHarness(simulatorOptions, settings, timeouts);
    harness.clientOptions = clientOptions;
    try {
      harness.startOperator();
    } catch (RuntimeException e) {
      harness.close();
      throw e;
    }
    return harness;
  }

  void startOperator() {
    Vb365Operator.Builder builder = Vb365Operator.builder(operatorClient, settings, registry)
        .transientRetry(Duration.ofMillis(1500), Duration.ofSeconds(10));
    if (timeouts != null) {
      builder.veeamTimeouts(timeouts);
    }
    if (clientOptions != null) {
      builder.veeamClientOptions(clientOptions);
    }
    operator = builder.start();
  }

  void stopOperator() {
    if (operator != null) {
      operator.close();
      operator = null;
    }
  }

  Vb365Operator operator() {
    return operator;
  }

  private static InputStream resource(String name) {
    InputStream in = OperatorTestHarness.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is not on the class path (run the build's process-classes first)");
    }
    return in;
  }

  // ---- Kubernetes side -----------------------------------------------------------------------

  /** A connection Secret with the simulator's url, credentials and CA; {@code change} may break it. */
  Secret connectionSecret(String namespace, String name, UnaryOperator<Map<String, String>> change) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("url", simulator.baseUri().toString());
    values.put("username", simulator.username());
    values.put("password", simulator.password());
    try {
      values.put("ca.crt", Files.readString(simulator.caCertificateFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    values = change.apply(values);
    SuiteRecord.secret(values.get("password")); // wrong passwords too: the scan looks for every one used
    Map<String, String> data = new TreeMap<>();
    values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    Secret secret = new SecretBuilder().withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
        .build()).withData(data).build();
    return kubernetes.resource(secret).createOr(s -> s.update());
  }

  Secret connectionSecret(String namespace) {
    return connectionSecret(namespace, SECRET, UnaryOperator.identity());
  }

  /** A BackupJob with the spec written in YAML (connection, organization and repository filled in if absent). */
  BackupJob createBackupJob(String namespace, String name, String specYaml) {
    return createBackupJob(namespace, name, specYaml, Map.of());
  }

  BackupJob createBackupJob(String namespace, String name, String specYaml, Map<String, String> annotations) {
    return createBackupJob(namespace, name, specYaml, annotations, Map.of());
  }

  BackupJob createBackupJob(String namespace, String name, String specYaml, Map<String, String> annotations,
      Map<String, String> labels) {
    BackupJob job = new BackupJob();
    job.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).withAnnotations(annotations)
        .withLabels(labels).build());
    job.setSpec(spec(specYaml));
    return kubernetes.resource(job).create();
  }

  static BackupJobSpec spec(String specYaml) {
    try {
      BackupJobSpec spec = YAML.readValue(specYaml.isBlank() ? "{}" : specYaml, BackupJobSpec.class);
      if (spec.getConnection() == null) {
        spec.setConnection(new dev.vb365.operator.api.ConnectionSpec(
            new dev.vb365.operator.api.SecretReference(SECRET)));
      }
      if (spec.getOrganization() == null) {
        spec.setOrganization(dev.vb365.operator.api.NamedReference.byName(ORG));
      }
      if (spec.getRepository() == null) {
        spec.setRepository(dev.vb365.operator.api.NamedReference.byName(REPO));
      }
      return spec;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JobItem createJobItem(String namespace, String name, String specYaml) {
    return createJobItem(namespace, name, specYaml, Map.of());
  }

  JobItem createJobItem(String namespace, String name, String specYaml, Map<String, String> labels) {
    try {
      JobItem item = new JobItem();
      item.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).withLabels(labels).build());
      item.setSpec(YAML.readValue(specYaml, JobItemSpec.class));
      return kubernetes.resource(item).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A BackupCopyJob with the spec written in YAML. */
  dev.vb365.operator.api.BackupCopyJob createCopyJob(String namespace, String name, String specYaml) {
    try {
      dev.vb365.operator.api.BackupCopyJob copy = new dev.vb365.operator.api.BackupCopyJob();
      copy.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
      copy.setSpec(YAML.readValue(specYaml, dev.vb365.operator.api.BackupCopyJobSpec.class));
      return kubernetes.resource(copy).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  dev.vb365.operator.api.BackupCopyJob getCopyJob(String namespace, String name) {
    return kubernetes.resources(dev.vb365.operator.api.BackupCopyJob.class).inNamespace(namespace).withName(name)
        .get();
  }

  dev.vb365.operator.api.BackupCopyJob editCopySpec(String namespace, String name,
      Consumer<dev.vb365.operator.api.BackupCopyJobSpec> change) {
    return kubernetes.resources(dev.vb365.operator.api.BackupCopyJob.class).inNamespace(namespace).withName(name)
        .edit(copy -> {
          change.accept(copy.getSpec());
          return copy;
        });
  }

  /** Waits until the BackupCopyJob passes {@code test}, and returns it. */
  dev.vb365.operator.api.BackupCopyJob awaitCopyJob(String namespace, String name,
      Predicate<dev.vb365.operator.api.BackupCopyJob> test) {
    dev.vb365.operator.api.BackupCopyJob[] last = new dev.vb365.operator.api.BackupCopyJob[1];
    try {
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
        last[0] = getCopyJob(namespace, name);
        return last[0] != null && test.test(last[0]);
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("BackupCopyJob " + namespace + "/" + name + " never got there; it is now: "
          + (last[0] == null ? "gone" : last[0].getStatus() == null ? "without status"
              : last[0].getStatus().getConditions()), e);
    }
    return last[0];
  }

  /** Waits until the BackupCopyJob's condition has this status and reason (for its latest generation). */
  dev.vb365.operator.api.BackupCopyJob awaitCopyCondition(String namespace, String name, String type, String status,
      String reason) {
    return awaitCopyJob(namespace, name, c -> c.getStatus() != null
        && c.getMetadata().getGeneration().equals(c.getStatus().getObservedGeneration())
        && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream().anyMatch(k ->
            type.equals(k.getType()) && status.equals(k.getStatus()) && reason.equals(k.getReason())));
  }

  dev.vb365.operator.api.BackupCopyJob awaitCopyReady(String namespace, String name) {
    return awaitCopyCondition(namespace, name, ConditionTypes.READY, "True", "UpToDate");
  }

  BackupJob editSpec(String namespace, String name, Consumer<BackupJobSpec> change) {
    return kubernetes.resources(BackupJob.class).inNamespace(namespace).withName(name).edit(job -> {
      change.accept(job.getSpec());
      return job;
    });
  }

  BackupJob annotate(String namespace, String name, String key, String value) {
    return kubernetes.resources(BackupJob.class).inNamespace(namespace).withName(name).edit(job -> {
      job.getMetadata().getAnnotations().put(key, value);
      return job;
    });
  }

  BackupJob get(String namespace, String name) {
    return kubernetes.resources(BackupJob.class).inNamespace(namespace).withName(name).get();
  }

  JobItem getJobItem(String namespace, String name) {
    return kubernetes.resources(JobItem.class).inNamespace(namespace).withName(name).get();
  }

  /** Waits until the BackupJob's condition has this status and reason, and returns the BackupJob. */
  BackupJob awaitCondition(String namespace, String name, String type, String status, String reason) {
    return awaitBackupJob(namespace, name, job -> condition(job, type).filter(c -> status.equals(c.getStatus())
        && reason.equals(c.getReason())).isPresent());
  }

  BackupJob awaitReady(String namespace, String name) {
    return awaitBackupJob(namespace, name, job -> job.getStatus() != null
        && job.getMetadata().getGeneration().equals(job.getStatus().getObservedGeneration())
        && condition(job, ConditionTypes.READY).filter(c -> "True".equals(c.getStatus())).isPresent());
  }

  BackupJob awaitBackupJob(String namespace, String name, Predicate<BackupJob> test) {
    BackupJob[] last = new BackupJob[1];
    try {
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
        last[0] = get(namespace, name);
        return last[0] != null && test.test(last[0]);
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("BackupJob " + namespace + "/" + name + " never got there; last status: "
          + (last[0] == null ? "gone" : describe(last[0])), e);
    }
    return last[0];
  }

  JobItem awaitJobItem(String namespace, String name, String status, String reason) {
    JobItem[] last = new JobItem[1];
    try {
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
        last[0] = getJobItem(namespace, name);
        return last[0] != null && last[0].getStatus() != null && last[0].getStatus().getConditions() != null
            && last[0].getStatus().getConditions().stream().anyMatch(c -> c.getType().equals(ConditionTypes.READY)
                && status.equals(c.getStatus()) && reason.equals(c.getReason()));
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("JobItem " + namespace + "/" + name + " never got Ready " + status + " " + reason
          + "; last status: " + (last[0] == null ? "gone" : last[0].getStatus()), e);
    }
    return last[0];
  }

  static Optional<Condition> condition(BackupJob job, String type) {
    return job.getStatus() == null ? Optional.empty() : Conditions.find(job.getStatus().getConditions(), type);
  }

  static String describe(BackupJob job) {
    if (job.getStatus() == null) {
      return "no status";
    }
    StringBuilder sb = new StringBuilder("generation " + job.getMetadata().getGeneration() + ", observed "
        + job.getStatus().getObservedGeneration() + ", jobId " + job.getStatus().getJobId());
    if (job.getStatus().getConditions() != null) {
      for (Condition c : job.getStatus().getConditions()) {
        sb.append("; ").append(c.getType()).append('=').append(c.getStatus()).append(' ').append(c.getReason())
            .append(": ").append(c.getMessage());
      }
    }
    return sb.toString();
  }

  List<Event> events(String namespace, String name) {
    return kubernetes.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
  }

  List<String> eventReasons(String namespace, String name) {
    return events(namespace, name).stream().map(Event::getReason).toList();
  }

  /** The ids of the users in a VB365 job's list ("SelectedItems" or "ExcludedItems"), sorted. */
  List<String> userIdsInJob(String jobId, String list) {
    return admin.items(jobId, list).stream().map(i -> i.path("user").path("id").asText())
        .filter(s -> !s.isEmpty()).sorted().toList();
  }

  /** The ids of the organization's users of this type (User, Shared, Public) as VB365 lists them, sorted. */
  List<String> directoryUserIds(String type) {
    com.fasterxml.jackson.databind.JsonNode page = admin.get("/v8/Organizations/" + organizationId()
        + "/Users?limit=10000");
    return java.util.stream.StreamSupport.stream(page.path("results").spliterator(), false)
        .filter(u -> type.equals(u.path("type").asText())).map(u -> u.path("id").asText()).sorted().toList();
  }

  String organizationId() {
    for (var org : Vb365Admin.list(admin.get("/" + simulator.apiVersion() + "/Organizations"))) {
      if (ORG.equals(org.path("name").asText())) {
        return org.path("id").asText();
      }
    }
    throw new IllegalStateException("no organization " + ORG);
  }

  String repositoryId() {
    for (var repo : Vb365Admin.list(admin.get("/" + simulator.apiVersion() + "/BackupRepositories"))) {
      if (REPO.equals(repo.path("name").asText())) {
        return repo.path("id").asText();
      }
    }
    throw new IllegalStateException("no repository " + REPO);
  }

  // ---- what the operator did -----------------------------------------------------------------

  /**
   * VB365 calls that change something (every method but GET). Logins are not counted, nor is the
   * client's login probe of newer API versions on an older server (a POST to a route the simulator
   * does not serve).
   */
  Map<String, Long> vb365Writes() {
    Map<String, Long> writes = new TreeMap<>();
    simulator.requestCounts().forEach((call, count) -> {
      if (!call.startsWith("GET ") && !call.toLowerCase(java.util.Locale.ROOT).endsWith("/token")
          && !call.equals("POST (unmatched)") && count > 0) {
        writes.put(call, count);
      }
    });
    return writes;
  }

  /** The VB365 writes the operator made: all writes minus those of the test's {@link Vb365Admin}. */
  Map<String, Long> operatorWrites() {
    Map<String, Long> writes = vb365Writes();
    admin.writes().forEach((call, count) -> writes.computeIfPresent(call, (k, v) -> v - count == 0 ? null : v - count));
    return writes;
  }

  /** VB365 calls of any kind, without the change feed's long polls and logins. */
  Map<String, Long> vb365Calls() {
    Map<String, Long> calls = new TreeMap<>();
    simulator.requestCounts().forEach((call, count) -> {
      if (!call.endsWith("/Events") && !call.toLowerCase(java.util.Locale.ROOT).endsWith("/token") && count > 0) {
        calls.put(call, count);
      }
    });
    return calls;
  }

  long statusWrites(String kind) {
    AtomicLong count = statusWrites.get(kind);
    return count == null ? 0 : count.get();
  }

  /** Zeroes the VB365 request counters and the status write counters. */
  void resetCounts() {
    simulator.resetRequestCounts();
    admin.resetWrites();
    statusWrites.clear();
  }

  /** Waits until the operator has been quiet (no VB365 call, no status write) for {@code quiet}. */
  void settle(Duration quiet) {
    long[] last = {fingerprint()};
    long[] since = {System.nanoTime()};
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
      long now = fingerprint();
      if (now != last[0]) {
        last[0] = now;
        since[0] = System.nanoTime();
      }
      return System.nanoTime() - since[0] >= quiet.toNanos();
    });
  }

  /** Everything the operator did, but the job list a poller fetches every interval. */
  private long fingerprint() {
    long sum = 0;
    for (Map.Entry<String, Long> e : vb365Calls().entrySet()) {
      if (e.getKey().matches("GET /v\\d/Jobs")) {
        continue;
      }
      sum = sum * 31 + e.getKey().hashCode() * 17L + e.getValue();
    }
    return (sum * 31 + statusWrites("backupjobs") * 7 + statusWrites("jobitems")) * 31
        + statusWrites("backupcopyjobs");
  }

  /** Every Event, BackupJob and JobItem (with their statuses) as they are now, for the suite's secret scan. */
  private void recordForSecretScan() {
    try {
      SuiteRecord.secret(simulator.password());
      SuiteRecord.secrets(simulator.issuedTokens());
      var serialization = kubernetes.getKubernetesSerialization();
      kubernetes.v1().events().inAnyNamespace().list().getItems()
          .forEach(e -> SuiteRecord.kubernetesObject("Event", serialization.asJson(e)));
      kubernetes.resources(BackupJob.class).inAnyNamespace().list().getItems()
          .forEach(j -> SuiteRecord.kubernetesObject("BackupJob", serialization.asJson(j)));
      kubernetes.resources(JobItem.class).inAnyNamespace().list().getItems()
          .forEach(i -> SuiteRecord.kubernetesObject("JobItem", serialization.asJson(i)));
      kubernetes.resources(dev.vb365.operator.api.BackupCopyJob.class).inAnyNamespace().list().getItems()
          .forEach(c -> SuiteRecord.kubernetesObject("BackupCopyJob", serialization.asJson(c)));
    } catch (RuntimeException e) {
      // The scan then finds fewer objects than it requires, and says so.
      org.slf4j.LoggerFactory.getLogger(OperatorTestHarness.class).warn("could not record for the secret scan: {}",
          e.toString());
    }
  }

  @Override
  public void close() {
    recordForSecretScan();
    try {
      stopOperator();
    } finally {
      try {
        operatorClient.close();
      } finally {
        try {
          simulator.close();
        } finally {
          api.close();
        }
      }
    }
  }
}
