package dev.vb365.operator.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vb365.operator.embedded.Vb365Admin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The `bench-backend` child process, seen from `bench`: started with the same java and class path, it prints its
 * endpoints as one line of JSON. {@link #close()} closes its stdin (it exits on that) and kills it if it lingers; a
 * shutdown hook does the same when the benchmark is interrupted, and the child also exits when its stdin closes
 * because this process died.
 */
final class BenchBackend implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One simulator of the backend: where it is, and its /_sim/ request counters. */
  static final class SimulatorEndpoint {
    final URI baseUri;
    final String apiVersion;
    final String username;
    final String password;
    final Path caFile;
    private final HttpClient http;

    SimulatorEndpoint(JsonNode node) {
      this.baseUri = URI.create(node.path("url").asText());
      this.apiVersion = node.path("apiVersion").asText();
      this.username = node.path("username").asText();
      this.password = node.path("password").asText();
      this.caFile = Path.of(node.path("caFile").asText());
      this.http = HttpClient.newBuilder().sslContext(Vb365Admin.trusting(caFile))
          .connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** API calls by "METHOD path-template" since the last reset (the /_sim/ calls themselves are not counted). */
    Map<String, Long> requestCounts() {
      String body = send(HttpRequest.newBuilder(baseUri.resolve("/_sim/requests")).GET());
      try {
        return new TreeMap<>(JSON.readValue(body, new TypeReference<Map<String, Long>>() { }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void resetRequestCounts() {
      send(HttpRequest.newBuilder(baseUri.resolve("/_sim/requests/reset")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Vb365Admin admin() {
      return new Vb365Admin(baseUri, apiVersion, username, password, caFile);
    }

    /** Control calls are idempotent enough (a read, a reset at a phase boundary): retried on I/O trouble. */
    private String send(HttpRequest.Builder request) {
      try {
        for (int attempt = 1; ; attempt++) {
          try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
              throw new IllegalStateException("simulator control call answered " + response.statusCode());
            }
            return response.body();
          } catch (IOException e) {
            if (attempt >= 5) {
              throw new UncheckedIOException("simulator control call failed " + attempt + " times", e);
            }
            Thread.sleep(1000L * attempt);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private final Process process;
  private final Thread hook;
  /** The embedded API's URL (no authentication), or null when the backend runs a real kube-apiserver. */
  final String kubernetesUrl;
  /** The real kube-apiserver's administrator kubeconfig, or null with the embedded API. */
  final Path kubeconfig;
  final String namespace;
  final String secret;
  final SimulatorEndpoint operatorSimulator;
  final SimulatorEndpoint directSimulator;

  private BenchBackend(Process process, Thread hook, JsonNode line) {
    this.process = process;
    this.hook = hook;
    this.kubernetesUrl = line.hasNonNull("kubernetesUrl") ? line.path("kubernetesUrl").asText() : null;
    this.kubeconfig = line.hasNonNull("kubeconfig") ? Path.of(line.path("kubeconfig").asText()) : null;
    this.namespace = line.path("namespace").asText();
    this.secret = line.path("secret").asText();
    this.operatorSimulator = new SimulatorEndpoint(line.path("operatorSimulator"));
    this.directSimulator = new SimulatorEndpoint(line.path("directSimulator"));
  }

  /** Starts the child and waits (up to {@code timeout}) for its line of endpoints. */
  static BenchBackend start(long latencyMs, int eventLogCapacity, boolean realKubernetes, Duration timeout)
      throws IOException {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), ToolkitMain.class.getName(), "bench-backend",
        "--latency-ms", Long.toString(latencyMs), "--event-log-capacity", Integer.toString(eventLogCapacity),
        "--kubernetes", realKubernetes ? "real" : "embedded"));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Thread hook = new Thread(process::destroyForcibly, "vb365-bench-backend-kill");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      String[] line = new String[1];
      Thread readerThread = new Thread(() -> {
        try {
          // The endpoints are the first line that is a JSON object (a logger might write to stdout before it).
          for (String l = reader.readLine(); l != null; l = reader.readLine()) {
            if (l.startsWith("{\"")) {
              line[0] = l;
              break;
            }
          }
        } catch (IOException ignored) {
          // the process ended: reported below
        }
      }, "vb365-bench-backend-read");
      readerThread.setDaemon(true);
      readerThread.start();
      readerThread.join(timeout.toMillis());
      if (line[0] == null) {
        throw new IllegalStateException("the benchmark backend (simulator and Kubernetes API) did not start within "
            + timeout.toSeconds() + " s" + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")"));
      }
      return new BenchBackend(process, hook, JSON.readTree(line[0]));
    } catch (RuntimeException | IOException | InterruptedException e) {
      process.destroyForcibly();
      removeHook(hook);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting the benchmark backend", e);
      }
      if (e instanceof IOException io) {
        throw io;
      }
      throw (RuntimeException) e;
    }
  }

  long pid() {
    return process.pid();
  }

  /** A client configuration for the backend's Kubernetes API, default namespace the benchmark's. */
  io.fabric8.kubernetes.client.Config kubernetesConfig() {
    if (kubeconfig == null) {
      return new io.fabric8.kubernetes.client.ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
          .withMasterUrl(kubernetesUrl).withNamespace(namespace).withRequestTimeout(60_000).build();
    }
    try {
      io.fabric8.kubernetes.client.Config config = io.fabric8.kubernetes.client.Config.fromKubeconfig(
          java.nio.file.Files.readString(kubeconfig));
      config.setNamespace(namespace);
      config.setRequestTimeout(60_000);
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One kind of request the Kubernetes API served: how many, and its total service time. */
  record KubernetesFigure(long count, double seconds) {}

  /** The real API server's counters at the last reset (its metrics cannot be reset). */
  private Map<String, KubernetesFigure> realBaseline = Map.of();

  /** The key of the embedded API's busy time (count 0) in {@link #kubernetesRequests()}. */
  static final String BUSY = "(busy)";

  private final HttpClient kubernetesHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

  /** The embedded Kubernetes API's requests since the last reset, by "METHOD kind[/subresource]". */
  Map<String, KubernetesFigure> kubernetesRequests() {
    if (kubeconfig != null) {
      return ApiServerMetrics.since(realBaseline, ApiServerMetrics.requests(kubernetesConfig()));
    }
    try {
      HttpResponse<String> response = kubernetesHttp.send(HttpRequest.newBuilder(
          URI.create(kubernetesUrl + "/_embedded/requests")).timeout(Duration.ofSeconds(60)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      Map<String, KubernetesFigure> out = new TreeMap<>();
      // "busySeconds" (a number, not a kind): wall time with at least one request in service, under the key BUSY.
      JSON.readTree(response.body()).fields().forEachRemaining(e -> out.put(e.getKey().equals("busySeconds") ? BUSY
          : e.getKey(), new KubernetesFigure(e.getValue().path("count").asLong(), e.getValue().isNumber()
              ? e.getValue().asDouble() : e.getValue().path("seconds").asDouble())));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  void resetKubernetesRequests() {
    if (kubeconfig != null) {
      realBaseline = ApiServerMetrics.requests(kubernetesConfig());
      return;
    }
    try {
      kubernetesHttp.send(HttpRequest.newBuilder(URI.create(kubernetesUrl + "/_embedded/requests/reset"))
          .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      removeHook(hook);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs: it kills the child
    }
  }
}
