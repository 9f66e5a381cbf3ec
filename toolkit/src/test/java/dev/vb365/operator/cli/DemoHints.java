package dev.vb365.operator.cli;

import dev.vb365.operator.embedded.ControlPlaneBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The commands `demo --keep-running` prints under "Your turn", read from its output and run as a user would
 * paste them: in bash, after the printed {@code export KUBECONFIG=...}, with the kubectl built here first on the
 * PATH.
 */
public final class DemoHints {

  /** What a command printed and how it ended; {@code timedOut} when it was stopped after its time. */
  public record Outcome(String command, int exitCode, String output, boolean timedOut) {
    public boolean ok() {
      return exitCode == 0 && !timedOut;
    }
  }

  /** A {@code demo --keep-running} run on a thread of its own, for tests that use what it serves. */
  public static final class KeepRunning implements AutoCloseable {
    private final Demo demo;
    private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    private final java.util.concurrent.atomic.AtomicInteger exit = new java.util.concurrent.atomic.AtomicInteger(-1);
    private final Thread thread;

    /** Starts the demo with these options (keepRunning is forced on) and waits for its "Your turn" section. */
    public KeepRunning(Path kubeconfig, boolean realKubernetes, Duration startup) {
      demo = new Demo(new Demo.Options(true, kubeconfig, Path.of("no-such-dir"), Duration.ofSeconds(60),
          realKubernetes), new java.io.PrintStream(buffer, true, StandardCharsets.UTF_8));
      thread = new Thread(() -> {
        try {
          exit.set(demo.run());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "demo-keep-running");
      thread.start();
      org.awaitility.Awaitility.await().atMost(startup)
          .until(() -> printed().contains("Your turn") || !thread.isAlive());
    }

    public Demo demo() {
      return demo;
    }

    public String printed() {
      return buffer.toString(StandardCharsets.UTF_8);
    }

    /** Ends it as Ctrl+C would; its exit code. */
    public int stop() throws InterruptedException {
      demo.stop();
      thread.join(Duration.ofSeconds(30).toMillis());
      return exit.get();
    }

    @Override
    public void close() {
      demo.close();
    }
  }

  private final String export;
  private final List<String> commands;

  private DemoHints(String export, List<String> commands) {
    this.export = export;
    this.commands = commands;
  }

  /** The hints of a demo's output: the export line and every kubectl or curl command after it, in order. */
  public static DemoHints of(String printed) {
    int at = printed.indexOf("Your turn");
    if (at < 0) {
      throw new IllegalStateException("the demo printed no 'Your turn' section:\n" + printed);
    }
    String export = null;
    List<String> commands = new ArrayList<>();
    for (String line : printed.substring(at).split("\n")) {
      String text = line.strip();
      if (text.startsWith("export KUBECONFIG=")) {
        export = text;
      } else if (text.startsWith("kubectl ")) {
        commands.add(text);
      } else if (text.startsWith("calls ") && text.contains("curl ")) {
        commands.add(text.substring(text.indexOf("curl ")));
      }
    }
    if (export == null) {
      throw new IllegalStateException("the demo printed no export KUBECONFIG line:\n" + printed);
    }
    return new DemoHints(export, List.copyOf(commands));
  }

  public List<String> commands() {
    return commands;
  }

  /** The first printed command that starts with {@code prefix}. */
  public String command(String prefix) {
    return commands.stream().filter(c -> c.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no printed command starts with " + prefix + ": " + commands));
  }

  /** Runs {@code command} as printed; stops it after {@code limit} (a watch never ends by itself). */
  public Outcome run(String command, Path workDir, Duration limit) {
    try {
      Path log = Files.createTempFile("demo-hint-", ".log");
      ProcessBuilder builder = new ProcessBuilder("bash", "-c", export + "\n" + command).directory(workDir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("PATH", ControlPlaneBinaries.provision().directory() + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
      env.remove("KUBECONFIG");
      Process process = builder.start();
      boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      return new Outcome(command, finished ? process.exitValue() : -1, output, !finished);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code command} and fails unless it exits 0 within a minute; its output. */
  public String ok(String command, Path workDir) {
    Outcome outcome = run(command, workDir, Duration.ofSeconds(60));
    if (!outcome.ok()) {
      throw new AssertionError("the printed command `" + command + "` " + (outcome.timedOut() ? "did not end"
          : "exited " + outcome.exitCode()) + ":\n" + outcome.output());
    }
    return outcome.output();
  }

  /**
   * Runs every printed command in order, as a newcomer following them would, and checks what each should do: the
   * run-now annotation starts one run, the edited HR example (a schedule change and one item less) reaches VB365
   * with one job edit and one item removal, the second tenant's Secret holds what the operator reads, deleting HR
   * (Orphan) keeps its VB365 job, and with a real API server `get -w` streams the table.
   */
  public void exercise(Demo demo, Path workDir) throws IOException {
    var sandbox = demo.sandbox();
    var counts = (java.util.function.Supplier<Map<String, Long>>) () -> sandbox.simulator().requestCounts();
    for (String command : commands) {
      Map<String, Long> before = counts.get();
      if (command.contains(" -w")) {
        Outcome watch = run(command, workDir, Duration.ofSeconds(4));
        org.assertj.core.api.Assertions.assertThat(watch.timedOut()).as(watch.output()).isTrue();
        org.assertj.core.api.Assertions.assertThat(watch.output()).containsPattern("contoso +finance +True +True");
        continue;
      }
      if (command.startsWith("kubectl apply -f ")) {
        Path file = workDir.resolve(command.substring("kubectl apply -f ".length()).trim());
        String yaml = Files.readString(file);
        String edited = yaml.replace("periodicallyEvery: Hours4", "periodicallyEvery: Hours8")
            .replace("  - type: Site\n    site: {url: https://contoso.sharepoint.com/sites/hr}\n", "");
        org.assertj.core.api.Assertions.assertThat(edited).as("the HR example changed shape").isNotEqualTo(yaml)
            .doesNotContain("type: Site");
        Files.writeString(file, edited);
        ok(command, workDir);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
          var hr = demo.sandbox().simulator().jobIds().stream().map(id -> new dev.vb365.operator.embedded.Vb365Admin(
              sandbox.simulator()).job(id.toString())).filter(j -> j.path("name").asText().equals("HR")).findFirst()
              .orElseThrow();
          org.assertj.core.api.Assertions.assertThat(hr.at("/schedulePolicy/periodicallyEvery").asText())
              .isEqualTo("Hours8");
          org.assertj.core.api.Assertions.assertThat(delta(before, counts.get())).containsEntry("PUT /v8/Jobs/{jobId}",
              1L).containsEntry("DELETE /v8/Jobs/{jobId}/SelectedItems", 1L);
        });
        continue;
      }
      String output = ok(command, workDir);
      if (command.startsWith("kubectl annotate ")) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
            delta(before, counts.get()).getOrDefault("POST /v8/Jobs/{jobId}/start", 0L) == 1L);
      } else if (command.startsWith("kubectl get backupjobs")) {
        org.assertj.core.api.Assertions.assertThat(output).containsPattern("contoso +finance");
      } else if (command.startsWith("kubectl explain ")) {
        org.assertj.core.api.Assertions.assertThat(output).contains("When the job runs", "dailyTime");
      } else if (command.startsWith("kubectl create secret ")) {
        var secret = sandbox.client().secrets().inNamespace("fabrikam").withName("vb365").get();
        org.assertj.core.api.Assertions.assertThat(secret.getData()).containsOnlyKeys("url", "username", "password",
            "ca.crt");
      } else if (command.startsWith("kubectl delete bj hr ")) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.client()
            .resources(dev.vb365.operator.api.BackupJob.class).inNamespace("contoso").withName("hr").get() == null);
        org.assertj.core.api.Assertions.assertThat(delta(before, counts.get())).doesNotContainKey(
            "DELETE /v8/Jobs/{jobId}");
      } else if (command.startsWith("curl ")) {
        org.assertj.core.api.Assertions.assertThat(output).contains("/v8/Jobs");
      }
    }
  }

  private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> out = new java.util.TreeMap<>();
    after.forEach((k, v) -> {
      long d = v - before.getOrDefault(k, 0L);
      if (d != 0) {
        out.put(k, d);
      }
    });
    return out;
  }
}
