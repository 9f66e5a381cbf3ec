package dev.vb365.operator.realkube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.controller.OperatorSettings;
import dev.vb365.operator.controller.Vb365Operator;
import dev.vb365.operator.embedded.LocalControlPlane;
import dev.vb365.operator.embedded.Vb365Admin;
import dev.vb365.simulator.Simulator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What users type, with the real kubectl against a real kube-apiserver and the operator: apply (with kubectl's
 * default validation), edit a list and apply again, server-side apply, wait, get -w, run now, JobItems, drift,
 * delete. Each scenario checks what reached VB365 and how many calls it took.
 *
 * <p>The scenarios share one cluster and operator, each in a namespace of its own; they do not depend on each
 * other's order (the order below only makes the log read like a session).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlScenariosIT {

  private static RealCluster cluster;
  private static Simulator simulator;
  private static Vb365Admin admin;
  private static KubernetesClient operatorClient;
  private static Vb365Operator operator;

  @BeforeAll
  static void start() {
    cluster = RealCluster.start();
    simulator = Simulator.start(ChartOnRealServerIT.demoDirectory(cluster));
    admin = new Vb365Admin(simulator);
    operatorClient = LocalControlPlane.client(cluster.plane.adminKubeconfig());
    operator = Vb365Operator.builder(operatorClient, OperatorSettings.defaults().withResyncInterval(Duration.ofMinutes(10))
        .withFeed(OperatorSettings.FeedMode.EVENTS, Duration.ofSeconds(1)), new SimpleMeterRegistry()).start();
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    if (operatorClient != null) {
      operatorClient.close();
    }
    if (simulator != null) {
      simulator.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void applyTheExamplesAndWaitForReady() throws Exception {
    String ns = namespaceWithSecret("examples");
    Path dir = examplesIn(ns);
    // No --validate=false: kubectl checks the files against the server's OpenAPI (strict field validation).
    String out = cluster.kubectl.ok("apply", "-f", dir.toString());
    assertThat(out).contains("backupjob.backup.vb365.dev/finance created", "jobitem.backup.vb365.dev/alice created");
    cluster.kubectl.ok("-n", ns, "wait", "--for=condition=Ready", "--timeout=120s", "backupjobs", "--all");
    cluster.kubectl.ok("-n", ns, "wait", "--for=condition=Ready", "--timeout=60s", "jobitems", "--all");
    String table = cluster.kubectl.ok("-n", ns, "get", "backupjobs");
    assertThat(table).containsPattern("NAME +READY +SYNCED +DRIFTED +LAST STATUS +LAST BACKUP +NEXT RUN +AGE")
        .containsPattern("finance +True +True +False +NeverRun");
    // Applying the same files again changes nothing, in Kubernetes or in VB365.
    settle();
    simulator.resetRequestCounts();
    assertThat(cluster.kubectl.ok("apply", "-f", dir.toString())).doesNotContain("configured").contains("unchanged");
    settle();
    assertThat(writes()).isEmpty();
  }

  @Test
  @Order(2)
  void editAListAndApplyAgainSendsExactlyTheNewList() throws Exception {
    String ns = namespaceWithSecret("edit-list");
    Path file = write(ns, "job.yaml", job(ns, "lists", "Lists", """
          - type: User
            user: {name: alice@contoso.onmicrosoft.com}
            mailbox: true
          - type: User
            user: {name: bob@contoso.onmicrosoft.com}
            mailbox: true
        """));
    cluster.kubectl.ok("apply", "-f", file.toString());
    String jobId = awaitReady(ns, "lists");
    settle();
    simulator.resetRequestCounts();

    // The mock API merged lists on apply (old plus new); a real server replaces them.
    write(ns, "job.yaml", job(ns, "lists", "Lists", """
          - type: User
            user: {name: alice@contoso.onmicrosoft.com}
            mailbox: true
          - type: Site
            site: {url: https://contoso.sharepoint.com/sites/finance}
        """));
    assertThat(cluster.kubectl.ok("apply", "-f", file.toString())).contains("configured");
    await().atMost(Duration.ofSeconds(60)).until(() -> selected(jobId).size() == 2
        && selected(jobId).stream().anyMatch(i -> i.path("type").asText().equals("Site")));
    awaitReady(ns, "lists");
    settle();
    assertThat(selected(jobId)).extracting(i -> i.path("type").asText()).containsExactlyInAnyOrder("User", "Site");
    assertThat(writes()).isEqualTo(Map.of("POST /v8/Jobs/{jobId}/SelectedItems", 1L,
        "DELETE /v8/Jobs/{jobId}/SelectedItems", 1L));
  }

  @Test
  @Order(3)
  void serverSideApplyOwnsTheSpecWhileTheOperatorOwnsTheStatus() throws Exception {
    String ns = namespaceWithSecret("ssa");
    Path file = write(ns, "job.yaml", job(ns, "ssa", "Server side", """
          - type: User
            user: {name: alice@contoso.onmicrosoft.com}
            mailbox: true
        """));
    assertThat(cluster.kubectl.ok("apply", "--server-side", "-f", file.toString())).contains("serverside-applied");
    String jobId = awaitReady(ns, "ssa");
    write(ns, "job.yaml", job(ns, "ssa", "Server side", """
          - type: User
            user: {name: bob@contoso.onmicrosoft.com}
            mailbox: true
        """));
    // The operator's status writes and finalizer never conflict with the user's field manager.
    assertThat(cluster.kubectl.ok("apply", "--server-side", "-f", file.toString())).contains("serverside-applied");
    await().atMost(Duration.ofSeconds(60)).until(() -> selected(jobId).size() == 1
        && selected(jobId).get(0).at("/user/name").asText().startsWith("bob"));
    String managers = cluster.kubectl.ok("-n", ns, "get", "bj", "ssa", "--show-managed-fields", "-o",
        "jsonpath={range .metadata.managedFields[*]}{.manager}:{.operation}:{.subresource} {end}");
    assertThat(managers).contains("kubectl:Apply:");
  }

  @Test
  @Order(4)
  void getWatchShowsTheTransitions() throws Exception {
    String ns = namespaceWithSecret("watch");
    Path out = cluster.dir.resolve("get-w-" + ns + ".txt");
    Process watch = new ProcessBuilder(cluster.kubectl.binary().toString(), "--kubeconfig",
        cluster.plane.adminKubeconfig().toString(), "-n", ns, "get", "backupjobs", "-w")
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(out).contains("No resources found")
          || Files.size(out) == 0 && watch.isAlive());
      cluster.kubectl.ok("apply", "-f", write(ns, "job.yaml", job(ns, "watched", "Watched", """
            - type: User
              user: {name: alice@contoso.onmicrosoft.com}
              mailbox: true
          """)).toString());
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
          .until(() -> Files.readString(out).lines().anyMatch(l -> l.matches("watched +True +True +False.*")));
      List<String> lines = Files.readString(out).lines().filter(l -> l.startsWith("watched")).toList();
      // First the BackupJob as created (no status yet), later Ready.
      assertThat(lines.size()).isGreaterThanOrEqualTo(2);
      assertThat(lines.get(0)).doesNotContain("True");
    } finally {
      watch.destroy();
      watch.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(5)
  void theRunAnnotationStartsOneRunPerValue() throws Exception {
    String ns = namespaceWithSecret("run-now");
    cluster.kubectl.ok("apply", "-f", write(ns, "job.yaml", job(ns, "runs", "Runs", """
          - type: User
            user: {name: alice@contoso.onmicrosoft.com}
            mailbox: true
        """)).toString());
    awaitReady(ns, "runs");
    settle();
    simulator.resetRequestCounts();
    cluster.kubectl.ok("-n", ns, "annotate", "bj", "runs", "backup.vb365.dev/run-requested-at=first");
    await().atMost(Duration.ofSeconds(60)).until(() -> "first".equals(status(ns, "runs").getLastRunRequest()));
    settle();
    assertThat(writes()).isEqualTo(Map.of("POST /v8/Jobs/{jobId}/start", 1L));
    // The same value again (a re-apply of an old manifest) starts nothing; a new value starts one more.
    cluster.kubectl.ok("-n", ns, "annotate", "--overwrite", "bj", "runs", "backup.vb365.dev/run-requested-at=first");
    cluster.kubectl.ok("-n", ns, "annotate", "--overwrite", "bj", "runs", "backup.vb365.dev/run-requested-at=second");
    await().atMost(Duration.ofSeconds(60)).until(() -> "second".equals(status(ns, "runs").getLastRunRequest()));
    settle();
    assertThat(writes()).isEqualTo(Map.of("POST /v8/Jobs/{jobId}/start", 2L));
  }

  @Test
  @Order(6)
  void jobItemsAddedAndRemoved() throws Exception {
    String ns = namespaceWithSecret("items");
    cluster.kubectl.ok("apply", "-f", write(ns, "job.yaml", job(ns, "team", "Team", """
          - type: User
            user: {name: alice@contoso.onmicrosoft.com}
            mailbox: true
        """)).toString());
    String jobId = awaitReady(ns, "team");
    settle();
    simulator.resetRequestCounts();
    Path item = write(ns, "item.yaml", """
        apiVersion: backup.vb365.dev/v1alpha1
        kind: JobItem
        metadata: {name: bob, namespace: %s}
        spec:
          jobRef: {name: team}
          type: User
          user: {name: bob@contoso.onmicrosoft.com}
          mailbox: true
        """.formatted(ns));
    cluster.kubectl.ok("apply", "-f", item.toString());
    cluster.kubectl.ok("-n", ns, "wait", "--for=condition=Ready", "--timeout=60s", "jobitem/bob");
    assertThat(selected(jobId)).hasSize(2);
    settle();
    assertThat(writes()).isEqualTo(Map.of("POST /v8/Jobs/{jobId}/SelectedItems", 1L));
    simulator.resetRequestCounts();
    cluster.kubectl.ok("-n", ns, "delete", "jobitem", "bob", "--timeout=60s");
    await().atMost(Duration.ofSeconds(60)).until(() -> selected(jobId).size() == 1);
    settle();
    assertThat(writes()).isEqualTo(Map.of("DELETE /v8/Jobs/{jobId}/SelectedItems", 1L));
  }

  @Test
  @Order(7)
  void driftIsCorrectedOrReported() throws Exception {
    String ns = namespaceWithSecret("drift");
    String spec = job(ns, "corrected", "Corrected", """
          - type: User
            user: {name: alice@contoso.onmicrosoft.com}
            mailbox: true
        """);
    cluster.kubectl.ok("apply", "-f", write(ns, "corrected.yaml", spec).toString());
    cluster.kubectl.ok("apply", "-f", write(ns, "reported.yaml", spec.replace("name: corrected", "name: reported")
        .replace("jobName: Corrected", "jobName: Reported") + "  driftPolicy: Report\n").toString());
    String corrected = awaitReady(ns, "corrected");
    String reported = awaitReady(ns, "reported");
    settle();

    admin.editJob(corrected, description("changed in the VB365 console"));
    admin.editJob(reported, description("changed in the VB365 console"));
    cluster.kubectl.ok("-n", ns, "wait", "--timeout=60s", "bj/corrected",
        "--for=jsonpath={.status.conditions[?(@.type==\"Drifted\")].reason}=DriftCorrected");
    cluster.kubectl.ok("-n", ns, "wait", "--timeout=60s", "bj/reported", "--for=condition=Drifted");
    assertThat(admin.job(corrected).path("description").asText()).doesNotContain("VB365 console");
    assertThat(admin.job(reported).path("description").asText()).contains("VB365 console");
    assertThat(cluster.kubectl.ok("-n", ns, "get", "events", "--field-selector", "involvedObject.name=corrected"))
        .contains("DriftDetected").contains("DriftCorrected");
    assertThat(cluster.kubectl.ok("-n", ns, "get", "bj", "reported", "-o",
        "jsonpath={.status.conditions[?(@.type==\"Ready\")].reason}")).isEqualTo("DriftDetected");
  }

  @Test
  @Order(8)
  void deleteWithBothDeletionPolicies() throws Exception {
    String ns = namespaceWithSecret("delete");
    String spec = job(ns, "deleted", "Deleted", """
          - type: User
            user: {name: alice@contoso.onmicrosoft.com}
            mailbox: true
        """);
    cluster.kubectl.ok("apply", "-f", write(ns, "deleted.yaml", spec + "  deletionPolicy: Delete\n").toString());
    cluster.kubectl.ok("apply", "-f", write(ns, "orphaned.yaml", spec.replace("name: deleted", "name: orphaned")
        .replace("jobName: Deleted", "jobName: Orphaned") + "  deletionPolicy: Orphan\n").toString());
    String deleted = awaitReady(ns, "deleted");
    String orphaned = awaitReady(ns, "orphaned");

    // kubectl delete waits for the finalizer (a real server streams the watch kubectl waits with).
    assertThat(cluster.kubectl.ok("-n", ns, "delete", "bj", "deleted", "orphaned", "--timeout=60s"))
        .contains("deleted");
    assertThat(simulator.jobIds()).extracting(Object::toString).doesNotContain(deleted).contains(orphaned);
    assertThat(cluster.kubectl.ok("-n", ns, "get", "events", "--field-selector", "involvedObject.name=orphaned"))
        .contains("JobOrphaned");
  }

  @Test
  @Order(9)
  void aBackupCopyJobWaitsForItsBackupJobAndCostsOneWritePerStep() throws Exception {
    String ns = namespaceWithSecret("copy");
    String copy = """
        apiVersion: backup.vb365.dev/v1alpha1
        kind: BackupCopyJob
        metadata: {name: archive, namespace: %s}
        spec:
          backupJobRef: {name: source}
          repository: {name: Archive Repository}
          schedulePolicy:
            type: Daily
            dailyTime: "%s"
            copyWindow: {allow: ["Mon-Fri 20:00-06:00", "Weekends"]}
        """;
    Path copyFile = write(ns, "copy.yaml", copy.formatted(ns, "23:30"));
    // Applied before its BackupJob: it waits, and says for what.
    assertThat(cluster.kubectl.ok("apply", "-f", copyFile.toString()))
        .contains("backupcopyjob.backup.vb365.dev/archive created");
    cluster.kubectl.ok("-n", ns, "wait", "--timeout=60s", "bcj/archive",
        "--for=jsonpath={.status.conditions[?(@.type==\"Ready\")].reason}=BackupJobNotFound");
    cluster.kubectl.ok("apply", "-f", write(ns, "source.yaml", job(ns, "source", "Copy source", """
          - type: User
            user: {name: alice@contoso.onmicrosoft.com}
            mailbox: true
        """)).toString());
    String jobId = awaitReady(ns, "source");
    cluster.kubectl.ok("-n", ns, "wait", "--for=condition=Ready", "--timeout=90s", "bcj/archive");
    assertThat(cluster.kubectl.ok("-n", ns, "get", "bcj"))
        .containsPattern("NAME +BACKUP JOB +READY +SYNCED +DRIFTED +LAST STATUS +LAST BACKUP +NEXT RUN +AGE")
        .containsPattern("archive +source +True +True +False +NeverRun");
    assertThat(cluster.kubectl.ok("get", "vb365", "-n", ns)).contains("backupcopyjob.backup.vb365.dev/archive");
    String copyId = cluster.kubectl.ok("-n", ns, "get", "bcj", "archive", "-o", "jsonpath={.status.copyJobId}");
    assertThat(admin.get("/v8/CopyJobs/" + copyId).path("backupJobId").asText()).isEqualTo(jobId);
    assertThat(admin.get("/v8/CopyJobs/" + copyId).path("schedulePolicy").path("backupCopyWindowEnabled")
        .asBoolean()).isTrue();

    // An edit applied with kubectl: one PUT; applying it again: nothing.
    settle();
    simulator.resetRequestCounts();
    assertThat(cluster.kubectl.ok("apply", "-f", write(ns, "copy.yaml", copy.formatted(ns, "01:15")).toString()))
        .contains("configured");
    await().atMost(Duration.ofSeconds(60)).until(() -> admin.get("/v8/CopyJobs/" + copyId).path("schedulePolicy")
        .path("dailyTime").asText().startsWith("01:15"));
    settle();
    assertThat(cluster.kubectl.ok("apply", "-f", copyFile.toString())).contains("unchanged");
    settle();
    assertThat(writes()).isEqualTo(Map.of("PUT /v8/CopyJobs/{id}", 1L));

    // kubectl delete waits for the finalizer, which deletes the copy job.
    simulator.resetRequestCounts();
    assertThat(cluster.kubectl.ok("-n", ns, "delete", "bcj", "archive", "--timeout=60s")).contains("deleted");
    assertThat(writes()).isEqualTo(Map.of("DELETE /v8/CopyJobs/{id}", 1L));
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static String namespaceWithSecret(String prefix) throws Exception {
    String ns = cluster.newNamespace(prefix);
    cluster.connectionSecret(ns, "vb365", simulator);
    return ns;
  }

  /** The examples, moved to {@code ns} (their namespace is written in them), without the placeholder Secret. */
  private static Path examplesIn(String ns) throws Exception {
    Path dir = Files.createDirectories(cluster.dir.resolve("examples-" + ns));
    for (String file : List.of("10-backupjob-finance.yaml", "11-backupjob-hr.yaml", "12-backupjob-contoso-all.yaml",
        "20-jobitem-alice.yaml", "21-jobitem-exclude-ceo.yaml")) {
      Files.writeString(dir.resolve(file), Files.readString(Repository.examples().resolve(file))
          .replace("namespace: contoso", "namespace: " + ns));
    }
    return dir;
  }

  private static String job(String ns, String name, String jobName, String selectedItems) {
    return """
        apiVersion: backup.vb365.dev/v1alpha1
        kind: BackupJob
        metadata: {name: %s, namespace: %s}
        spec:
          connection: {secretRef: {name: vb365}}
          organization: {name: contoso.onmicrosoft.com}
          repository: {name: Default Backup Repository}
          jobName: %s
          backupType: SelectedItems
          selectedItems:
        %s  schedulePolicy: {type: Daily, dailyType: Everyday, dailyTime: "22:00"}
        """.formatted(name, ns, jobName, selectedItems);
  }

  private static Path write(String ns, String name, String text) throws Exception {
    Path dir = Files.createDirectories(cluster.dir.resolve("files-" + ns));
    return Files.writeString(dir.resolve(name), text);
  }

  private static String awaitReady(String ns, String name) throws Exception {
    cluster.kubectl.ok("-n", ns, "wait", "--for=condition=Ready", "--timeout=90s", "backupjob/" + name);
    return status(ns, name).getJobId();
  }

  private static dev.vb365.operator.api.BackupJobStatus status(String ns, String name) {
    BackupJob job = cluster.admin().resources(BackupJob.class).inNamespace(ns).withName(name).get();
    return job.getStatus() == null ? new dev.vb365.operator.api.BackupJobStatus() : job.getStatus();
  }

  private static List<JsonNode> selected(String jobId) {
    List<JsonNode> items = new ArrayList<>();
    JsonNode answer = admin.get("/v8/Jobs/" + jobId + "/SelectedItems");
    (answer.isArray() ? answer : answer.path("results")).forEach(items::add);
    return items;
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode description(String text) {
    return Vb365Admin.object().put("description", text);
  }

  /** VB365 writes by the operator since the last reset (the test's own admin calls taken out). */
  private static Map<String, Long> writes() {
    Map<String, Long> writes = new TreeMap<>();
    Map<String, Long> mine = admin.callsMade();
    simulator.requestCounts().forEach((call, count) -> {
      long operatorCount = count - mine.getOrDefault(call, 0L);
      if (!call.startsWith("GET ") && !call.endsWith("/token") && operatorCount > 0) {
        writes.put(call, operatorCount);
      }
    });
    return writes;
  }

  /** Waits until VB365 has seen no request for a second (the operator is done with what it was doing). */
  private static void settle() {
    long[] last = {-1, System.nanoTime()};
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
      long total = simulator.requestCounts().entrySet().stream().filter(e -> !e.getKey().endsWith("/Events"))
          .mapToLong(Map.Entry::getValue).sum();
      if (total != last[0]) {
        last[0] = total;
        last[1] = System.nanoTime();
        return false;
      }
      return System.nanoTime() - last[1] > 1_000_000_000L;
    });
  }
}
