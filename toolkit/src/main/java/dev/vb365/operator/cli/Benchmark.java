package dev.vb365.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.controller.OperatorSettings;
import dev.vb365.operator.controller.OperatorSettings.FeedMode;
import dev.vb365.operator.controller.Vb365Operator;
import dev.vb365.operator.embedded.Vb365Admin;
import dev.vb365.operator.veeam.Secret;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.VeeamClientOptions;
import dev.vb365.operator.veeam.VeeamConnection;
import dev.vb365.operator.veeam.model.JobItem;
import dev.vb365.operator.veeam.model.NewJob;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One feed mode of `bench`, on a fresh backend (a child JVM: simulators and Kubernetes API): the direct-client
 * limit, then N BackupJobs created and the operator (in this process) started, convergence, steady state, drift
 * latency, and the operator's memory. Figures that could not be measured are null with a reason.
 */
final class Benchmark {

  /** What the run is asked to do (the command's options). */
  record Options(int jobs, int items, long latencyMs, int concurrency, int driftEdits, Duration steady,
      Duration pollInterval, Duration resyncInterval, Duration timeout, boolean realKubernetes) {}

  /** Calls excluded from "beyond lookups": logins and the directory (organizations and what is under them but jobs,
   *  repositories, proxies). */
  static final Pattern LOOKUP = Pattern.compile(
      "(POST|GET) /v\\d/(token|Organizations(?!/\\{organizationId}/Jobs).*|BackupRepositories.*|Proxies.*)",
      Pattern.CASE_INSENSITIVE);

  private static final String ORG = "contoso.onmicrosoft.com";
  private static final String REPO = "Default Backup Repository";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The directory objects jobs select, reused across jobs as in a real tenant (so lookups are cacheable). */
  private static final List<PoolItem> POOL = pool();

  record PoolItem(String kind, String key, String yaml) {}

  private static List<PoolItem> pool() {
    List<PoolItem> pool = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      String upn = String.format("user%03d@%s", i, ORG);
      pool.add(new PoolItem("User", upn, "{type: User, user: {name: " + upn + "}, mailbox: true}"));
    }
    for (String group : List.of("finance@" + ORG, "hr@" + ORG)) {
      pool.add(new PoolItem("Group", group, "{type: Group, group: {name: " + group + "}, mailbox: true}"));
    }
    for (String site : List.of("https://contoso.sharepoint.com/sites/finance", "https://contoso.sharepoint.com/sites/hr")) {
      pool.add(new PoolItem("Site", site, "{type: Site, site: {url: " + site + "}}"));
    }
    for (String team : List.of("IT&Finance", "Sales")) {
      pool.add(new PoolItem("Team", team, "{type: Team, team: {name: '" + team + "'}, teamsChats: true}"));
    }
    return List.copyOf(pool);
  }

  static int maxItems() {
    return POOL.size();
  }

  /** The items of job j: M distinct pool entries, a different window per job. */
  static List<PoolItem> itemsOf(int job, int items) {
    List<PoolItem> out = new ArrayList<>(items);
    for (int i = 0; i < items; i++) {
      out.add(POOL.get((job * 7 + i) % POOL.size()));
    }
    return out;
  }

  /** The measured figures of one mode; null fields come with a reason in {@code missing}. */
  static final class Result {
    final String mode;
    Double convergeSeconds;
    Double createSeconds;
    Double directSeconds;
    Double ratio;
    Long calls;
    Double callsPerJob;
    Double callsPerJobBeyondLookups;
    Map<String, Long> callsByKind = new TreeMap<>();
    Long directCalls;
    Map<String, Long> directCallsByKind = new TreeMap<>();
    Double settleSeconds;
    Double steadyCallsPerMinute;
    Map<String, Long> steadyCallsByKind = new TreeMap<>();
    Double driftP50Ms;
    Double driftP99Ms;
    List<Long> driftSamplesMs = new ArrayList<>();
    Double heapMiB;
    Double rssMiB;
    /** The embedded Kubernetes API (the stand-in) from the operator's start until Ready: requests, service time. */
    Long kubernetesRequests;
    Double kubernetesSeconds;
    /** Wall time the embedded API was serving at least one request (its writes take one lock, one at a time). */
    Double kubernetesBusySeconds;
    Map<String, BenchBackend.KubernetesFigure> kubernetesByKind = new TreeMap<>();
    int reconcileThreads;
    /** "embedded" or "real": which Kubernetes API served the run. */
    String kubernetes = "embedded";
    final Map<String, String> missing = new LinkedHashMap<>();
    /** Every phase ran (figures skipped on request, such as --drift-edits 0, are null but not a failure). */
    boolean completed;
    boolean failed;
    long backendPid;

    Result(String mode) {
      this.mode = mode;
    }
  }

  private final Options options;
  private final Consumer<String> progress;

  Benchmark(Options options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  Result run(FeedMode mode) throws Exception {
    Result result = new Result(mode.name().toLowerCase(java.util.Locale.ROOT));
    int capacity = Math.max(10_000, options.jobs() * 4 + 1000);
    progress.accept(result.mode + ": starting the backend (simulators and Kubernetes API) in a child JVM");
    try (BenchBackend backend = BenchBackend.start(options.latencyMs(), capacity, options.realKubernetes(),
        Duration.ofSeconds(180))) {
      result.backendPid = backend.pid();
      result.kubernetes = options.realKubernetes() ? "real" : "embedded";
      direct(backend, result);
      Config config = backend.kubernetesConfig();
      try (KubernetesClient bench = new KubernetesClientBuilder().withConfig(config).build();
           KubernetesClient operatorClient = new KubernetesClientBuilder().withConfig(config).build()) {
        ReadyTracker ready = new ReadyTracker(bench, backend.namespace, options.jobs());
        try {
          ready.watch();
          createBackupJobs(bench, backend, result);
          operate(mode, backend, bench, operatorClient, ready, result);
        } finally {
          ready.close();
        }
      }
    }
    return result;
  }

  // ---- direct client --------------------------------------------------------------------------

  /** The physical limit: a plain client, same concurrency and latency, resolves the names and creates each job. */
  private void direct(BenchBackend backend, Result result) throws Exception {
    BenchBackend.SimulatorEndpoint sim = backend.directSimulator;
    progress.accept(result.mode + ": direct client creates " + options.jobs() + " jobs (" + options.concurrency()
        + " at a time)");
    VeeamClient client = VeeamClient.create(VeeamConnection.of(sim.baseUri.toString(), sim.username,
        Secret.of(sim.password)).withCaBundleFile(sim.caFile), VeeamClientOptions.defaults());
    sim.resetRequestCounts();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(options.concurrency());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int j = 0; j < options.jobs(); j++) {
        int job = j;
        futures.add(pool.submit(() -> {
          String orgId = client.resolveOrganization(ORG).id();
          String repoId = client.resolveRepository(REPO).id();
          List<JobItem> items = new ArrayList<>();
          for (PoolItem item : itemsOf(job, options.items())) {
            items.add(switch (item.kind()) {
              case "User" -> JobItem.user(client.resolveUser(orgId, item.key()), true, false, false, false);
              case "Group" -> JobItem.group(client.resolveGroup(orgId, item.key()), false, false, false, false,
                  false, true, false);
              case "Site" -> JobItem.site(client.resolveSite(orgId, item.key()));
              default -> JobItem.team(client.resolveTeam(orgId, item.key()), true);
            });
          }
          client.createJob(new NewJob(String.format("direct-%05d", job), null, orgId, repoId,
              dev.vb365.operator.veeam.model.BackupType.SELECTED_ITEMS, true, null, null, items, List.of()));
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (Exception e) {
      result.missing.put("directSeconds", "the direct client failed: " + Main.describe(e));
      result.failed = true;
      return;
    } finally {
      pool.shutdownNow();
    }
    result.directSeconds = seconds(System.nanoTime() - start);
    result.directCallsByKind = sim.requestCounts();
    result.directCalls = sum(result.directCallsByKind);
  }

  // ---- Kubernetes side ------------------------------------------------------------------------

  private void createBackupJobs(KubernetesClient client, BenchBackend backend, Result result) throws Exception {
    progress.accept(result.mode + ": creating " + options.jobs() + " BackupJobs");
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int j = 0; j < options.jobs(); j++) {
        int job = j;
        futures.add(pool.submit(() -> client.resource(backupJob(backend, job)).create()));
      }
      for (Future<?> f : futures) {
        f.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    result.createSeconds = seconds(System.nanoTime() - start);
  }

  private BackupJob backupJob(BenchBackend backend, int job) {
    StringBuilder yaml = new StringBuilder()
        .append("connection: {secretRef: {name: ").append(backend.secret).append("}}\n")
        .append("organization: {name: ").append(ORG).append("}\n")
        .append("repository: {name: ").append(REPO).append("}\n")
        .append("backupType: SelectedItems\n")
        .append("driftPolicy: Correct\n")
        .append("schedulePolicy: {type: Daily, dailyType: Everyday, dailyTime: '22:00'}\n")
        .append("selectedItems:\n");
    itemsOf(job, options.items()).forEach(item -> yaml.append("- ").append(item.yaml()).append('\n'));
    BackupJob resource = new BackupJob();
    resource.setMetadata(new ObjectMetaBuilder().withName(jobName(job)).withNamespace(backend.namespace).build());
    try {
      resource.setSpec(YAML.readValue(yaml.toString(), BackupJobSpec.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return resource;
  }

  static String jobName(int job) {
    return String.format("bench-%05d", job);
  }

  // ---- the operator ---------------------------------------------------------------------------

  private void operate(FeedMode mode, BenchBackend backend, KubernetesClient bench, KubernetesClient operatorClient,
      ReadyTracker ready, Result result) throws Exception {
    BenchBackend.SimulatorEndpoint sim = backend.operatorSimulator;
    OperatorSettings settings = OperatorSettings.defaults()
        .withWatchNamespaces(List.of(backend.namespace))
        .withFeed(mode, options.pollInterval())
        .withResyncInterval(options.resyncInterval())
        .withConcurrency(reconcileThreads(options.concurrency()), options.concurrency());
    result.reconcileThreads = settings.concurrency();
    progress.accept(result.mode + ": operator started; waiting for " + options.jobs() + " BackupJobs to be Ready");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    sim.resetRequestCounts();
    backend.resetKubernetesRequests();
    long start = System.nanoTime();
    try (Vb365Operator operator = Vb365Operator.builder(operatorClient, settings, registry).start()) {
      if (!ready.await(start + options.timeout().toNanos())) {
        result.missing.put("convergeSeconds", ready.count() + " of " + options.jobs()
            + " BackupJobs were Ready after --timeout " + options.timeout().toSeconds() + " s");
        result.callsByKind = sim.requestCounts();
        result.missing.put("ratio, calls, steadyCallsPerMinute, driftP50Ms, driftP99Ms, heapMiB, rssMiB",
            "not measured: the BackupJobs did not converge");
        result.failed = true;
        return;
      }
      result.convergeSeconds = seconds(ready.readyAt() - start);
      result.callsByKind = sim.requestCounts();
      result.kubernetesByKind = backend.kubernetesRequests();
      BenchBackend.KubernetesFigure busy = result.kubernetesByKind.remove(BenchBackend.BUSY);
      result.kubernetesBusySeconds = busy == null ? null : busy.seconds();
      result.kubernetesRequests = result.kubernetesByKind.values().stream()
          .mapToLong(BenchBackend.KubernetesFigure::count).sum();
      result.kubernetesSeconds = result.kubernetesByKind.values().stream()
          .mapToDouble(BenchBackend.KubernetesFigure::seconds).sum();
      result.calls = sum(result.callsByKind);
      result.callsPerJob = (double) result.calls / options.jobs();
      result.callsPerJobBeyondLookups = (double) beyondLookups(result.callsByKind) / options.jobs();
      if (result.directSeconds != null) {
        result.ratio = result.convergeSeconds / result.directSeconds;
      } else {
        result.missing.put("ratio", "no directSeconds");
      }

      // Steady state: first let trailing work finish (the feed's backlog of creation events wakes BackupJobs
      // after they are Ready), then count with nothing changing.
      progress.accept(result.mode + ": settling, then steady state for " + options.steady().toSeconds() + " s");
      result.settleSeconds = settle(sim, start + options.timeout().toNanos());
      sim.resetRequestCounts();
      long steadyStart = System.nanoTime();
      Thread.sleep(options.steady().toMillis());
      result.steadyCallsByKind = sim.requestCounts();
      result.steadyCallsPerMinute = sum(result.steadyCallsByKind) * 60.0
          / ((System.nanoTime() - steadyStart) / 1e9);

      drift(mode, bench, backend, result);
      memory(result);
      result.completed = !result.failed;
    }
  }

  /**
   * Reconcile threads for C VB365 slots: 4 x C. A reconcile holds a slot only for its VB365 calls and then writes
   * to Kubernetes (status, Events); with as many threads as slots, slots sit idle while every thread waits on
   * Kubernetes. The VB365 concurrency stays C, as for the direct client.
   */
  static int reconcileThreads(int concurrency) {
    return 4 * concurrency;
  }

  /**
   * Waits until 3 s pass without a VB365 call other than the feed's own (/Events long polls, job list pages),
   * at most until the deadline; returns the seconds waited.
   */
  private static double settle(BenchBackend.SimulatorEndpoint sim, long deadline) throws InterruptedException {
    long start = System.nanoTime();
    long before = work(sim.requestCounts());
    while (System.nanoTime() < deadline) {
      Thread.sleep(3000);
      long now = work(sim.requestCounts());
      if (now == before) {
        break;
      }
      before = now;
    }
    return seconds(System.nanoTime() - start);
  }

  private static long work(Map<String, Long> counts) {
    return counts.entrySet().stream().filter(e -> !e.getKey().matches("GET /v\\d/(Events|Jobs)"))
        .mapToLong(Map.Entry::getValue).sum();
  }

  static long beyondLookups(Map<String, Long> calls) {
    return calls.entrySet().stream().filter(e -> !LOOKUP.matcher(e.getKey()).matches())
        .mapToLong(Map.Entry::getValue).sum();
  }

  // ---- drift ----------------------------------------------------------------------------------

  /**
   * K edits of a job's schedule through the REST API (another client, one at a time), each timed from the edit's
   * response until a GET of the job shows the operator's correction. The GETs resolve to about one round trip.
   * Edits are 200 ms apart (plus, in poll mode, a random part of the poll interval).
   */
  private void drift(FeedMode mode, KubernetesClient bench, BenchBackend backend, Result result)
      throws InterruptedException {
    if (options.driftEdits() == 0) {
      result.missing.put("driftP50Ms, driftP99Ms", "--drift-edits 0");
      return;
    }
    progress.accept(result.mode + ": " + options.driftEdits() + " out-of-band edits, one at a time");
    Vb365Admin admin = backend.operatorSimulator.admin();
    List<Long> samples = new ArrayList<>();
    for (int k = 0; k < options.driftEdits(); k++) {
      int job = (int) ((long) k * options.jobs() / options.driftEdits());
      BackupJob resource = bench.resources(BackupJob.class).inNamespace(backend.namespace).withName(jobName(job)).get();
      String jobId = resource.getStatus().getJobId();
      JsonNode before = admin.job(jobId);
      ObjectNode schedule = ((ObjectNode) before.path("schedulePolicy")).deepCopy();
      String wanted = schedule.path("dailyTime").asText();
      schedule.put("dailyTime", wanted.startsWith("03:") ? "04:00:00" : "03:00:00");
      ObjectNode edit = Vb365Admin.object();
      edit.set("schedulePolicy", schedule);
      admin.editJob(jobId, edit);
      long edited = System.nanoTime();
      long deadline = edited + options.timeout().toNanos();
      boolean corrected = false;
      while (System.nanoTime() < deadline) {
        if (wanted.equals(admin.job(jobId).path("schedulePolicy").path("dailyTime").asText())) {
          corrected = true;
          break;
        }
        Thread.sleep(5);
      }
      if (!corrected) {
        result.missing.put("driftP50Ms, driftP99Ms", "edit " + (k + 1) + " (" + jobName(job)
            + ") was not corrected within " + options.timeout().toSeconds() + " s");
        result.failed = true;
        return;
      }
      samples.add((System.nanoTime() - edited) / 1_000_000);
      // Spaced out, one drift at a time. In poll mode at a random phase of the poll cycle: right after a
      // correction (which follows a poll) every edit would wait a whole interval.
      Thread.sleep(200 + (mode == FeedMode.POLL
          ? java.util.concurrent.ThreadLocalRandom.current().nextLong(options.pollInterval().toMillis()) : 0));
    }
    result.driftSamplesMs = samples;
    List<Long> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    result.driftP50Ms = (double) percentile(sorted, 0.50);
    result.driftP99Ms = (double) percentile(sorted, 0.99);
  }

  /** Nearest rank. */
  static long percentile(List<Long> sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  // ---- memory ---------------------------------------------------------------------------------

  /** This process's heap after a few full GCs, and its resident set (the operator and the bench's small books). */
  private static void memory(Result result) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    result.heapMiB = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          result.rssMiB = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    if (result.rssMiB == null) {
      result.missing.put("rssMiB", "/proc/self/status has no VmRSS (not Linux)");
    }
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /**
   * Which BackupJobs are Ready (Ready=True for their current generation), from a watch: only names are kept, so
   * the bench does not hold a second copy of every resource next to the operator's.
   */
  static final class ReadyTracker implements AutoCloseable {
    private final KubernetesClient client;
    private final String namespace;
    private final int expected;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object lock = new Object();
    private volatile Watch watch;
    private volatile boolean watchLost;
    private volatile long readyAt;

    ReadyTracker(KubernetesClient client, String namespace, int expected) {
      this.client = client;
      this.namespace = namespace;
      this.expected = expected;
    }

    void watch() {
      watchLost = false;
      watch = client.resources(BackupJob.class).inNamespace(namespace).watch(new Watcher<>() {
        @Override
        public void eventReceived(Action action, BackupJob job) {
          see(job);
        }

        @Override
        public void onClose(WatcherException cause) {
          watchLost = true;
          synchronized (lock) {
            lock.notifyAll();
          }
        }
      });
    }

    private void see(BackupJob job) {
      if (isReady(job) && ready.add(job.getMetadata().getName()) && ready.size() >= expected) {
        readyAt = System.nanoTime();
        synchronized (lock) {
          lock.notifyAll();
        }
      }
    }

    static boolean isReady(BackupJob job) {
      return job.getStatus() != null && job.getStatus().getConditions() != null
          && Objects.equals(job.getStatus().getObservedGeneration(), job.getMetadata().getGeneration())
          && job.getStatus().getConditions().stream().anyMatch(c -> ConditionTypes.READY.equals(c.getType())
              && "True".equals(c.getStatus()));
    }

    /** Waits until every BackupJob is Ready or the deadline passes; a lost watch is re-opened after a list. */
    boolean await(long deadlineNanos) throws InterruptedException {
      while (ready.size() < expected) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        if (watchLost && !closed.get()) {
          watch();
          client.resources(BackupJob.class).inNamespace(namespace).list().getItems().forEach(this::see);
          continue;
        }
        synchronized (lock) {
          if (ready.size() < expected && !watchLost) {
            lock.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 1000)));
          }
        }
      }
      return true;
    }

    int count() {
      return ready.size();
    }

    long readyAt() {
      return readyAt;
    }

    @Override
    public void close() {
      closed.set(true);
      Watch w = watch;
      if (w != null) {
        w.close();
      }
    }
  }
}
