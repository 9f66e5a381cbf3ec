package dev.vb365.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.BackupCopyJob;
import dev.vb365.operator.api.JobItem;
import dev.vb365.operator.controller.OperatorSettings;
import dev.vb365.operator.controller.Vb365Operator;
import dev.vb365.operator.embedded.ExampleManifests;
import dev.vb365.operator.embedded.Sandbox;
import dev.vb365.operator.embedded.Vb365Admin;
import dev.vb365.simulator.SimulatorOptions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The `demo` command's story, told to a newcomer in short sections: a VB365 server (the simulator) and a
 * Kubernetes API start on this machine, the operator starts, examples/ is applied and converges; then someone
 * changes a job in VB365 and the operator puts it back; then a run is requested with the annotation; last, the
 * VB365 API calls the operator made. With keepRunning it stops after convergence and serves kubectl instead.
 */
public final class Demo implements AutoCloseable {

  /**
   * @param keepRunning serve until interrupted instead of running the drift and run-now steps
   * @param kubeconfig where keepRunning writes the kubeconfig
   * @param examples the examples directory; when it does not exist, the copies bundled in the jar
   * @param timeout the longest wait of any one step
   * @param realKubernetes run on a real kube-apiserver and etcd on loopback instead of the embedded API
   */
  public record Options(boolean keepRunning, Path kubeconfig, Path examples, Duration timeout,
      boolean realKubernetes) {
    public static Options defaults() {
      return new Options(false, Path.of(DEFAULT_KUBECONFIG), Path.of("examples"), Duration.ofSeconds(60), false);
    }
  }

  /**
   * Where keepRunning writes the kubeconfig unless told otherwise: in the working directory, whichever it is (the
   * repository's root or a module's). It holds credentials (the real backend's admin certificate), so .gitignore
   * covers this name in every directory.
   */
  public static final String DEFAULT_KUBECONFIG = "vb365-demo.kubeconfig";

  private static final String DRIFT_JOB = "finance";

  private final Options options;
  private final PrintStream out;
  private final long started = System.nanoTime();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  /** keepRunning reached its "Your turn" section: people are using what it serves. */
  private volatile boolean serving;
  private Sandbox sandbox;
  private Vb365Operator operator;
  private PrometheusMeterRegistry registry;
  private Vb365Admin admin;
  private ExampleManifests examples;

  public Demo(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Tells the story; 0 when everything happened as it should, 1 when a step did not finish in time. */
  public int run() throws InterruptedException {
    out.println();
    out.println("vb365-operator demo: BackupJobs in Kubernetes become VB365 backup jobs, and stay that way.");
    out.println(options.realKubernetes()
        ? "It runs on this machine: a real kube-apiserver and etcd on loopback, no cluster and no VB365 server needed."
        : "Everything runs in this process: no cluster and no VB365 server needed.");

    section(1, "Start a VB365 server (simulator), a Kubernetes API and the operator");
    sandbox = Sandbox.start(SimulatorOptions.defaults().withSessionDuration(Duration.ofSeconds(1)),
        options.realKubernetes());
    out.printf("   VB365 REST API %-4s %s  (simulator; HTTPS with its own CA; user %s)%n",
        sandbox.simulator().apiVersion(), sandbox.simulator().baseUri(), sandbox.simulator().username());
    out.printf("   Kubernetes API      %s  (%s; CRDs %s)%n", sandbox.endpoint().url(),
        sandbox.endpoint().description(), String.join(", ", sandbox.crdNames()));
    OperatorSettings settings = OperatorSettings.defaults();
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    operator = Vb365Operator.start(sandbox.client(), settings, registry);
    out.printf("   Operator            watching all namespaces; VB365 changes via the %s feed%n",
        settings.feedMode() == OperatorSettings.FeedMode.EVENTS ? "/Events" : "polling");

    Timeline timeline = new Timeline(sandbox.client(), out);
    if (!applyExamples(timeline)) {
      return Main.EXIT_FAILED;
    }
    if (options.keepRunning()) {
      return keepRunning();
    }
    if (!drift(timeline) || !runNow(timeline)) {
      return Main.EXIT_FAILED;
    }
    apiCalls();
    out.println();
    out.printf("Done in %.1f s. To try kubectl against it yourself: java -jar toolkit/target/vb365-toolkit.jar "
        + "demo --keep-running%n", (System.nanoTime() - started) / 1e9);
    return Main.EXIT_OK;
  }

  private boolean applyExamples(Timeline timeline) throws InterruptedException {
    examples = ExampleManifests.load(options.examples());
    section(2, "Apply examples/*.yaml (" + examples.source() + ")");
    KubernetesClient client = sandbox.client();
    List<String> backupJobs = new ArrayList<>();
    List<String> jobItems = new ArrayList<>();
    List<String> copyJobs = new ArrayList<>();
    for (ExampleManifests.Manifest manifest : examples.manifests(client)) {
      HasMetadata object = manifest.object();
      String what = object.getKind().toLowerCase(Locale.ROOT) + "/" + object.getMetadata().getName();
      if ("Secret".equals(object.getKind())) {
        sandbox.connectionSecret(object.getMetadata().getNamespace(), object.getMetadata().getName());
        out.printf("   %-32s created, pointing at the simulator (url, username, password, ca.crt)%n", what);
        continue;
      }
      ExampleManifests.apply(client, object);
      out.printf("   %-32s created%n", what);
      String key = object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
      if ("BackupJob".equals(object.getKind())) {
        backupJobs.add(key);
      } else if ("JobItem".equals(object.getKind())) {
        jobItems.add(key);
      } else if ("BackupCopyJob".equals(object.getKind())) {
        copyJobs.add(key);
      }
    }

    section(3, "The operator creates the VB365 jobs (its Events and the Ready conditions, as they happen)");
    timeline.newStep();
    boolean ready = timeline.until(() -> backupJobs.stream().allMatch(this::isReady)
        && jobItems.stream().allMatch(this::isJobItemReady) && copyJobs.stream().allMatch(this::isCopyJobReady),
        options.timeout());
    if (!ready) {
      out.printf("%n   Not all BackupJobs became Ready within %d s:%n", options.timeout().toSeconds());
      out.print(BackupJobTable.render(backupJobs(), "   "));
      out.println(jobItemLine());
      out.println(copyJobLine());
      return false;
    }
    out.printf("%n   All %d BackupJobs Ready after %.1f s. `kubectl get backupjobs -A` now shows:%n%n",
        backupJobs.size(), timeline.secondsIntoStep());
    out.print(BackupJobTable.render(backupJobs(), "   "));
    out.println();
    out.println(jobItemLine());
    out.println(copyJobLine());
    return true;
  }

  /** The BackupCopyJobs in one line: each keeps a second copy of a BackupJob's backups on archive storage. */
  private String copyJobLine() {
    List<String> parts = sandbox.client().resources(BackupCopyJob.class).inAnyNamespace().list().getItems().stream()
        .sorted(java.util.Comparator.comparing(c -> c.getMetadata().getName()))
        .map(copy -> {
          Condition ready = readyCondition(copy.getStatus() == null ? null : copy.getStatus().getConditions());
          String schedule = copy.getSpec().getSchedulePolicy() == null ? "Immediate"
              : copy.getSpec().getSchedulePolicy().getType() + (copy.getSpec().getSchedulePolicy().getDailyTime() == null
                  ? "" : " " + copy.getSpec().getSchedulePolicy().getDailyTime());
          var repository = copy.getSpec().getRepository();
          return copy.getMetadata().getName() + " (copies " + copy.getSpec().backupJobName() + " to "
              + (repository.getName() != null ? repository.getName() : repository.getId()) + ", " + schedule
              + "): Ready=" + (ready == null ? "-"
                  : ready.getStatus() + " " + ready.getReason())
              + (copy.getStatus() == null || copy.getStatus().getCopyJobName() == null ? ""
                  : ", VB365 copy job \"" + copy.getStatus().getCopyJobName() + "\"");
        }).toList();
    return parts.isEmpty() ? "   BackupCopyJobs: none" : "   BackupCopyJobs: " + String.join(", ", parts);
  }

  private boolean isCopyJobReady(String namespacedName) {
    String[] parts = namespacedName.split("/", 2);
    BackupCopyJob copy = sandbox.client().resources(BackupCopyJob.class).inNamespace(parts[0]).withName(parts[1])
        .get();
    Condition ready = copy == null || copy.getStatus() == null ? null
        : readyCondition(copy.getStatus().getConditions());
    return ready != null && "True".equals(ready.getStatus())
        && Objects.equals(copy.getStatus().getObservedGeneration(), copy.getMetadata().getGeneration());
  }

  /** The JobItems in one line: each adds to or removes from another team's job. */
  private String jobItemLine() {
    List<String> parts = sandbox.client().resources(JobItem.class).inAnyNamespace().list().getItems().stream()
        .sorted(java.util.Comparator.comparing(i -> i.getMetadata().getName()))
        .map(item -> {
          Condition ready = readyCondition(item);
          return item.getMetadata().getName() + " (" + item.getSpec().getScope() + " in " + item.getSpec().getJobRef()
              .getName() + "): Ready=" + (ready == null ? "-" : ready.getStatus() + " " + ready.getReason());
        }).toList();
    return "   JobItems: " + String.join(", ", parts);
  }

  private boolean isJobItemReady(String namespacedName) {
    String[] parts = namespacedName.split("/", 2);
    JobItem item = sandbox.client().resources(JobItem.class).inNamespace(parts[0]).withName(parts[1]).get();
    Condition ready = item == null ? null : readyCondition(item);
    return ready != null && "True".equals(ready.getStatus());
  }

  private static Condition readyCondition(JobItem item) {
    return readyCondition(item.getStatus() == null ? null : item.getStatus().getConditions());
  }

  private static Condition readyCondition(List<Condition> conditions) {
    if (conditions == null) {
      return null;
    }
    return conditions.stream().filter(c -> ConditionTypes.READY.equals(c.getType())).findFirst().orElse(null);
  }

  private boolean drift(Timeline timeline) throws InterruptedException {
    BackupJob finance = backupJob("contoso", DRIFT_JOB);
    String jobId = finance.getStatus().getJobId();
    Vb365Admin admin = admin();
    JsonNode job = admin.job(jobId);
    String name = job.path("name").asText();
    ObjectNode schedule = ((ObjectNode) job.path("schedulePolicy")).deepCopy();
    String wanted = schedule.path("dailyTime").asText();
    String changed = wanted.startsWith("03:") ? "04:00:00" : "03:00:00";
    section(4, "Someone changes VB365 job \"" + name + "\" behind Kubernetes' back");
    // Which value is whose: this edit changes VB365's, the spec keeps wanting its own.
    out.printf("   PUT %s/v8/Jobs/%s  schedulePolicy.dailyTime: VB365 gets %s, spec wants %s  (eTag was %s)%n",
        sandbox.simulator().baseUri(), jobId, hhmm(changed), hhmm(wanted), job.path("eTag").asText());
    schedule.put("dailyTime", changed);
    ObjectNode edit = Vb365Admin.object();
    edit.set("schedulePolicy", schedule);
    timeline.newStep();
    admin.editJob(jobId, edit);

    boolean corrected = timeline.until(() -> {
      JsonNode now = admin.job(jobId);
      BackupJob resource = backupJob("contoso", DRIFT_JOB);
      return now.path("schedulePolicy").path("dailyTime").asText().equals(wanted) && isReady(resource)
          && Objects.equals(resource.getStatus().getETag(), now.path("eTag").asText());
    }, options.timeout());
    if (!corrected) {
      out.printf("%n   The drift was not corrected within %d s.%n", options.timeout().toSeconds());
      return false;
    }
    JsonNode after = admin.job(jobId);
    BackupJob resource = backupJob("contoso", DRIFT_JOB);
    out.printf("%n   Corrected after %.1f s: VB365 runs \"%s\" at %s again (eTag %s); condition Drifted=%s (%s).%n",
        timeline.secondsIntoStep(), name, hhmm(after.path("schedulePolicy").path("dailyTime").asText()),
        after.path("eTag").asText(), conditionStatus(resource, ConditionTypes.DRIFTED),
        BackupJobTable.find(resource, ConditionTypes.DRIFTED).map(c -> c.getReason()).orElse("-"));
    return true;
  }

  private boolean runNow(Timeline timeline) throws InterruptedException {
    BackupJob before = backupJob("contoso", DRIFT_JOB);
    String lastRunBefore = before.getStatus().getLastRun();
    String request = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    section(5, "Run it now: kubectl annotate backupjob " + DRIFT_JOB + " -n contoso "
        + ConditionTypes.RUN_REQUESTED_AT_ANNOTATION + "=" + request);
    timeline.newStep();
    sandbox.client().resources(BackupJob.class).inNamespace("contoso").withName(DRIFT_JOB).edit(job -> {
      Map<String, String> annotations = new HashMap<>(Objects.requireNonNullElse(
          job.getMetadata().getAnnotations(), Map.of()));
      annotations.put(ConditionTypes.RUN_REQUESTED_AT_ANNOTATION, request);
      job.getMetadata().setAnnotations(annotations);
      return job;
    });
    boolean finished = timeline.until(() -> {
      BackupJob job = backupJob("contoso", DRIFT_JOB);
      return job.getStatus() != null && request.equals(job.getStatus().getLastRunRequest())
          && !Objects.equals(lastRunBefore, job.getStatus().getLastRun())
          && List.of("Success", "Warning", "Failed").contains(job.getStatus().getLastStatus());
    }, options.timeout());
    if (!finished) {
      out.printf("%n   The requested run did not finish within %d s.%n", options.timeout().toSeconds());
      return false;
    }
    BackupJob after = backupJob("contoso", DRIFT_JOB);
    out.printf("%n   status.lastRun %s -> %s, status.lastStatus %s, status.lastRunRequest %s%n",
        lastRunBefore == null ? "(none)" : lastRunBefore, after.getStatus().getLastRun(),
        after.getStatus().getLastStatus(), after.getStatus().getLastRunRequest());
    return true;
  }

  private void apiCalls() {
    ApiCallSummary calls = new ApiCallSummary(ApiCallSummary.minus(sandbox.simulator().requestCounts(),
        admin().callsMade()));
    section(6, "The VB365 API calls the operator made (the simulator counted them)");
    out.print(calls.render("   "));
    out.printf("   %d calls in all; %d of them changed something in VB365.%n", calls.total(), calls.writes());
    out.println("   (Each job is created with its items in one call. The change feed is VB365's /Events long poll:");
    out.println("   the operator hears of changes within a second instead of re-reading every job on a timer.)");
  }

  private int keepRunning() throws InterruptedException {
    Path kubeconfig;
    Path files;
    try {
      kubeconfig = sandbox.endpoint().writeKubeconfig(options.kubeconfig()).toAbsolutePath();
      files = examples.directoryOr(sandbox.workDir().resolve("examples")).toAbsolutePath();
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      out.println("   cannot write the kubeconfig " + options.kubeconfig() + " or the examples: " + e.getMessage());
      return Main.EXIT_FAILED;
    }
    Path ca = sandbox.simulator().caCertificateFile().toAbsolutePath();
    boolean real = sandbox.endpoint().real();
    section(4, "Your turn: it keeps running until you press Ctrl+C");
    out.println(real ? "   Kubernetes (a real kube-apiserver: everything kubectl does works):"
        : "   Kubernetes (real kubectl works, all but kubectl get -w; for that: demo --kubernetes real):");
    out.println("     export KUBECONFIG=" + kubeconfig);
    hint("kubectl get backupjobs -A", "or: kubectl --kubeconfig " + kubeconfig + " get bj -A");
    if (real) {
      hint("kubectl get bj -A -w", "the transitions as they happen; Ctrl+C ends it");
    }
    hint("kubectl describe bj finance -n contoso", "status, conditions and the operator's Events");
    hint("kubectl get bcj -A", "the backup copy jobs: a second copy of finance's backups on archive storage");
    hint("kubectl explain backupjob.spec.schedulePolicy", "every field, documented");
    hint("kubectl annotate bj finance -n contoso --overwrite " + ConditionTypes.RUN_REQUESTED_AT_ANNOTATION
        + "=\"$(date +%s)\"", "starts a run, once per value");
    hint("kubectl apply -f " + relative(files.resolve("11-backupjob-hr.yaml")), "after editing it");
    hint("kubectl create namespace fabrikam", "a second tenant's namespace, and its connection Secret:");
    hint("kubectl create secret generic vb365 -n fabrikam --from-literal=url=" + sandbox.simulator().baseUri()
        + " --from-literal=username=" + sandbox.simulator().username() + " --from-literal=password="
        + sandbox.simulator().password() + " --from-file=ca.crt=" + ca, null);
    hint("kubectl delete bj hr -n contoso", "deletionPolicy Orphan: the VB365 job stays");
    out.println("   VB365 simulator:");
    out.println("     URL       " + sandbox.simulator().baseUri() + "/" + sandbox.simulator().apiVersion());
    out.println("     user      " + sandbox.simulator().username() + " / password " + sandbox.simulator().password()
        + "  (the simulator's built-in demo account)");
    out.println("     CA file   " + ca);
    out.println("     calls     curl -s --cacert " + ca + " " + sandbox.simulator().baseUri() + "/_sim/requests");
    out.flush();
    serving = true;
    stopped.await();
    return Main.EXIT_OK;
  }

  /** A command to copy as it is (alone on its line, so that a triple click takes exactly it), and why. */
  private void hint(String command, String why) {
    if (why != null) {
      out.println("     # " + why);
    }
    out.println("     " + command);
  }

  /** A path as short as it can be typed from the working directory. */
  private static String relative(Path path) {
    Path here = Path.of("").toAbsolutePath();
    return path.startsWith(here) ? here.relativize(path).toString() : path.toString();
  }

  /** The simulator and Kubernetes API of this run (for tests that check the final state before close). */
  public Sandbox sandbox() {
    return sandbox;
  }

  /** Ends {@link #run()} when it keeps running (from a shutdown hook or another thread). */
  public void stop() {
    stopped.countDown();
  }

  private Vb365Admin admin() {
    if (admin == null) {
      admin = new Vb365Admin(sandbox.simulator());
    }
    return admin;
  }

  private boolean isReady(String namespacedName) {
    String[] parts = namespacedName.split("/", 2);
    BackupJob job = backupJob(parts[0], parts[1]);
    return job != null && isReady(job);
  }

  private static boolean isReady(BackupJob job) {
    return job.getStatus() != null && Objects.equals(job.getStatus().getObservedGeneration(),
        job.getMetadata().getGeneration()) && "True".equals(conditionStatus(job, ConditionTypes.READY));
  }

  private static String conditionStatus(BackupJob job, String type) {
    return BackupJobTable.find(job, type).map(c -> c.getStatus()).orElse("-");
  }

  private BackupJob backupJob(String namespace, String name) {
    return sandbox.client().resources(BackupJob.class).inNamespace(namespace).withName(name).get();
  }

  private List<BackupJob> backupJobs() {
    return sandbox.client().resources(BackupJob.class).inAnyNamespace().list().getItems();
  }

  private void section(int number, String title) {
    out.println();
    out.println(number + ". " + title);
  }

  private static String hhmm(String time) {
    return time.length() >= 5 ? time.substring(0, 5) : time;
  }

  /**
   * Stops everything, once. The first caller closes (a Ctrl+C's shutdown hook, or the end of {@link #run()}), so the
   * JVM does not exit while another thread is still closing. Having served kubectl, it says that it stops and that it
   * stopped: closing takes a few seconds, and a silent pause after Ctrl+C looks like a hang.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      stop();
      return;
    }
    stop();
    boolean announce = serving;
    if (announce) {
      out.println();
      out.println("Stopping: the operator, the Kubernetes API and the VB365 simulator ...");
      out.flush();
    }
    try {
      if (operator != null) {
        operator.close();
      }
    } finally {
      if (registry != null) {
        registry.close();
      }
      if (sandbox != null) {
        sandbox.close();
      }
    }
    if (announce) {
      out.println("Stopped.");
      out.flush();
    }
  }
}
