package dev.vb365.operator.realkube;

import static org.awaitility.Awaitility.await;

import dev.vb365.operator.secretscan.SuiteRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator as users run it: {@code java -jar vb365-operator.jar run} in a process of its own, configured by
 * environment variables (as the chart's Deployment does) and a kubeconfig, serving /metrics, /healthz, /readyz.
 */
final class OperatorRun implements AutoCloseable {

  private static final Pattern PORT = Pattern.compile("metrics and health on http://0\\.0\\.0\\.0:(\\d+)");

  private final Process process;
  private final Path log;
  private int port = -1;
  private boolean recorded;

  private OperatorRun(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** The packaged jar (the failsafe tier runs after `package`). */
  static Path jar() {
    Path jar = Path.of(System.getProperty("vb365.operator.jar", "../operator/target/vb365-operator.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: the real-Kubernetes tier runs after `mvn package`");
    }
    return jar;
  }

  /** The packaged toolkit jar (demo, bench, chaos), built by this module's `package`. */
  static Path toolkitJar() {
    Path jar = Path.of(System.getProperty("vb365.toolkit.jar", "target/vb365-toolkit.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: the real-Kubernetes tier runs after `mvn package`");
    }
    return jar;
  }

  /**
   * Starts {@code run --kubeconfig FILE --http-port 0 ARGS} with exactly these VB365_* variables (none inherited)
   * and waits until it has started (its HTTP port is known); {@link #awaitReady()} waits for /readyz.
   */
  static OperatorRun start(Path kubeconfig, Map<String, String> environment, List<String> args, Path log) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-jar", jar().toString(), "run", "--kubeconfig", kubeconfig.toString(), "--http-port", "0"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("VB365_") || k.equals("KUBECONFIG"));
    builder.environment().putAll(environment);
    try {
      OperatorRun run = new OperatorRun(builder.start(), log);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
        if (!run.process.isAlive()) {
          throw new IllegalStateException("the operator exited with code " + run.process.exitValue() + ":\n"
              + run.log());
        }
        Matcher m = PORT.matcher(run.log());
        if (m.find()) {
          run.port = Integer.parseInt(m.group(1));
          return true;
        }
        return false;
      });
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until /readyz answers 200 (started, every watch healthy). */
  OperatorRun awaitReady() {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> probe("/readyz") == 200);
    return this;
  }

  int probe(String path) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  String metrics() {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** SIGTERM, as the kubelet stops a pod; returns the exit code. */
  int stop() {
    process.destroy();
    return awaitExit();
  }

  /** SIGKILL: the process dies at once, as a node failure or an OOM kill does. */
  void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  private int awaitExit() {
    try {
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    record();
    return process.isAlive() ? -1 : process.exitValue();
  }

  private void record() {
    if (!recorded) {
      recorded = true;
      SuiteRecord.processLog(log);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
    record();
  }
}
