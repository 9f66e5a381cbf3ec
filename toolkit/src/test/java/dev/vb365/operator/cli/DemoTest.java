package dev.vb365.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.JobItem;
import dev.vb365.operator.embedded.Vb365Admin;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The demo a newcomer runs first, end to end in this JVM: what it prints and the state it leaves. */
class DemoTest {

  @Test
  void tellsTheWholeStoryAndLeavesEveryExampleReadyTheDriftCorrectedAndTheRunRecorded() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    Demo.Options options = new Demo.Options(false, null, CommandLineTest.chartDeployment().getParent().getParent()
        .getParent().getParent().resolve("examples"), Duration.ofSeconds(60), false);
    long start = System.nanoTime();
    try (Demo demo = new Demo(options, out)) {
      int exit = demo.run();
      double seconds = (System.nanoTime() - start) / 1e9;
      String printed = buffer.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(printed).isZero();
      assertThat(seconds).as("wall time of the demo").isLessThan(60);

      assertThat(printed).contains("1. Start a VB365 server", "2. Apply examples/", "3. The operator creates",
          "4. Someone changes VB365 job \"Finance\"", "5. Run it now", "6. The VB365 API calls", "Done in");
      assertThat(printed).contains("backupjob/finance", "backupjob/hr", "backupjob/contoso-all", "backupjob/shared", "jobitem/alice",
          "secret/vb365");
      assertThat(printed).contains("All 4 BackupJobs Ready");
      assertThat(printed).containsPattern("NAMESPACE +NAME +READY +SYNCED +DRIFTED +LAST STATUS +NEXT RUN +ETAG");
      assertThat(printed).containsPattern("contoso +finance +True +True +False");
      assertThat(printed).contains("JobCreated", "DriftDetected", "DriftCorrected", "RunStarted");
      assertThat(printed).containsPattern("lastStatus +Running -> Success");
      // Before/after texts say whose each value is: the edit made in VB365, then the operator's words for it.
      assertThat(printed).contains("schedulePolicy.dailyTime: VB365 gets 03:00, spec wants 22:00",
          "schedulePolicy.dailyTime: changed to 03:00 outside Kubernetes, spec wants 22:00")
          .doesNotContainPattern("\\d\\d:\\d\\d(:\\d\\d)? -> \\d\\d:\\d\\d");
      assertThat(printed).containsPattern("job creates +4");
      // 4 creates, 1 copy job create (examples/14-backupcopyjob-finance.yaml), 1 correction, 1 start, and one items
      // call per JobItem that arrives after its job was created.
      assertThat(printed).containsPattern("\\d+ calls in all; [789] of them changed something in VB365");
      assertThat(printed).as("no log lines").doesNotContainPattern("(WARN|ERROR|INFO) +\\[");
      assertThat(printed).as("the password").doesNotContain("password admin");

      KubernetesClient client = demo.sandbox().client();
      List<BackupJob> jobs = client.resources(BackupJob.class).inNamespace("contoso").list().getItems();
      assertThat(jobs).extracting(j -> j.getMetadata().getName())
          .containsExactlyInAnyOrder("finance", "hr", "contoso-all", "shared");
      assertThat(jobs).allSatisfy(job -> {
        assertThat(condition(job.getStatus().getConditions(), ConditionTypes.READY)).isEqualTo("True");
        assertThat(job.getStatus().getObservedGeneration()).isEqualTo(job.getMetadata().getGeneration());
      });
      assertThat(client.resources(JobItem.class).inNamespace("contoso").list().getItems()).hasSize(2)
          .allSatisfy(item -> assertThat(condition(item.getStatus().getConditions(), ConditionTypes.READY))
              .isEqualTo("True"));
      assertThat(demo.sandbox().simulator().jobIds()).hasSize(4);

      BackupJob finance = jobs.stream().filter(j -> j.getMetadata().getName().equals("finance")).findFirst()
          .orElseThrow();
      JsonNode vb365Job = new Vb365Admin(demo.sandbox().simulator()).job(finance.getStatus().getJobId());
      assertThat(vb365Job.at("/schedulePolicy/dailyTime").asText()).as("drift corrected").startsWith("22:00");
      assertThat(finance.getStatus().getETag()).isEqualTo(vb365Job.path("eTag").asText());
      assertThat(finance.getStatus().getLastRunRequest()).as("run recorded")
          .isEqualTo(finance.getMetadata().getAnnotations().get(ConditionTypes.RUN_REQUESTED_AT_ANNOTATION));
      assertThat(finance.getStatus().getLastRun()).isNotNull();
      assertThat(finance.getStatus().getLastStatus()).isEqualTo("Success");
      Map<String, Long> calls = demo.sandbox().simulator().requestCounts();
      assertThat(calls).containsEntry("POST /v8/Jobs/{jobId}/start", 1L).containsEntry("POST /v8/Jobs", 4L);
    }
  }

  @Test
  void keepRunningWritesAKubeconfigForRealKubectlAndStopsWhenAsked(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path kubeconfig = dir.resolve("demo.kubeconfig");
    try (DemoHints.KeepRunning run = new DemoHints.KeepRunning(kubeconfig, false, Duration.ofSeconds(90))) {
      Demo demo = run.demo();
      String printed = run.printed();
      assertThat(printed).contains("the examples bundled in the jar", "export KUBECONFIG=" + kubeconfig.toAbsolutePath(),
          "CA file", demo.sandbox().simulator().baseUri() + "/v8", "user      admin / password admin");
      assertThat(kubeconfig).exists();
      DemoHints hints = DemoHints.of(printed);
      assertThat(hints.commands()).as("the hints printed").hasSizeGreaterThanOrEqualTo(9)
          .noneMatch(c -> c.contains("--validate=false")).noneMatch(c -> c.contains(" -w"));
      hints.exercise(demo, dir);
      // What the demo does not suggest, but people try: kubectl get -w says why it cannot work here.
      DemoHints.Outcome watch = hints.run("kubectl get bj -A -w", dir, Duration.ofSeconds(30));
      assertThat(watch.timedOut()).isFalse();
      assertThat(watch.output()).contains("cannot stream watches to kubectl", "demo --kubernetes real");
      assertThat(run.stop()).isZero();
    }
  }

  /** Ctrl+C (SIGINT) on the toolkit's own process: it says that it stops, and then that it stopped. */
  @Test
  void ctrlCOnKeepRunningSaysThatItStopsAndThatItStopped(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path printed = dir.resolve("demo.out");
    Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ToolkitMain.class.getName(), "demo", "--keep-running")
        .directory(dir.toFile()).redirectOutput(printed.toFile()).redirectError(dir.resolve("demo.err").toFile())
        .start();
    try {
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90))
          .until(() -> java.nio.file.Files.readString(printed).contains("Your turn") || !demo.isAlive());
      assertThat(demo.isAlive()).as(java.nio.file.Files.readString(printed)).isTrue();
      assertThat(new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor()).isZero();
      assertThat(demo.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      String out = java.nio.file.Files.readString(printed);
      assertThat(out.substring(out.indexOf("Your turn"))).containsSubsequence("Stopping:", "Stopped.");
      assertThat(out.strip()).endsWith("Stopped.");
    } finally {
      demo.destroyForcibly();
    }
  }

  @Test
  void bundledExamplesAreUsedWhenThereIsNoExamplesDirectory() {
    var examples = dev.vb365.operator.embedded.ExampleManifests.load(Path.of("no-such-directory"));
    assertThat(examples.source()).contains("bundled");
    try (var client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().build()) {
      assertThat(examples.manifests(client)).extracting(m -> m.object().getKind())
          .contains("Namespace", "Secret", "BackupJob", "JobItem").doesNotContain("Application");
    }
  }

  /**
   * The kubeconfig keepRunning writes by default lands in the working directory, which need not be the repository's
   * root (a module's directory, say): .gitignore must cover its name at any depth, i.e. with a pattern that has no
   * slash before its end (gitignore(5)).
   */
  @Test
  void theKubeconfigKeepRunningWritesIsIgnoredByGitInEveryDirectory() throws java.io.IOException {
    Path root = Path.of("").toAbsolutePath();
    while (!java.nio.file.Files.isRegularFile(root.resolve("operator/pom.xml"))) {
      root = root.getParent();
    }
    Path name = Path.of(Demo.DEFAULT_KUBECONFIG);
    List<String> anywhere = java.nio.file.Files.readAllLines(root.resolve(".gitignore")).stream()
        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!"))
        .filter(line -> !line.replaceAll("/+$", "").contains("/")).toList();
    assertThat(anywhere).as("patterns of .gitignore that match in every directory")
        .anyMatch(pattern -> name.getFileSystem().getPathMatcher("glob:" + pattern).matches(name));
  }

  private static String condition(List<Condition> conditions, String type) {
    return conditions == null ? null : conditions.stream().filter(c -> Objects.equals(c.getType(), type))
        .map(Condition::getStatus).findFirst().orElse(null);
  }
}
