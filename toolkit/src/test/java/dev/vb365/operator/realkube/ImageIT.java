package dev.vb365.operator.realkube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vb365.simulator.Simulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image the build writes (operator/target/vb365-operator-image.tar, no Docker engine involved), taken apart and
 * run the way a container runtime runs it: its config read (user, entrypoint, port, labels), its layers unpacked in
 * order into a root filesystem, which is mounted read-only with a tmpfs on /tmp, /proc mounted, /etc/hosts and the
 * ServiceAccount's token, CA and namespace mounted where a pod has them, and the image's own entrypoint started in it
 * as uid 65532 with the environment the chart's Deployment sets. It must answer /healthz and /readyz and reconcile a
 * BackupJob against the simulator, on a real API server, with the chart's rights.
 */
class ImageIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theImageRunsAsAContainerWould(@TempDir Path dir) throws Exception {
    Path image = Path.of(System.getProperty("vb365.operator.image", "../operator/target/vb365-operator-image.tar"));
    assertThat(image).as("the build writes the image").exists();
    Path unpacked = Files.createDirectories(dir.resolve("image"));
    run(List.of("tar", "-xf", image.toString(), "-C", unpacked.toString()), Duration.ofMinutes(2));
    // An OCI image layout: index -> manifest -> config and layers, each a blob named by its digest.
    JsonNode index = JSON.readTree(unpacked.resolve("index.json").toFile());
    JsonNode manifest = JSON.readTree(blob(unpacked, index.path("manifests").get(0).path("digest").asText()).toFile());
    JsonNode config = JSON.readTree(blob(unpacked, manifest.path("config").path("digest").asText()).toFile())
        .path("config");

    assertThat(config.path("User").asText()).isEqualTo("65532:65532");
    List<String> entrypoint = new ArrayList<>();
    config.path("Entrypoint").forEach(a -> entrypoint.add(a.asText()));
    List<String> cmd = new ArrayList<>();
    config.path("Cmd").forEach(a -> cmd.add(a.asText()));
    assertThat(entrypoint).first().isEqualTo("/opt/java/bin/java");
    assertThat(cmd).containsExactly("run");
    assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(config.path("Labels").path("org.opencontainers.image.title").asText()).isEqualTo("vb365-operator");
    assertThat(config.path("Labels").path("org.opencontainers.image.version").asText()).isNotBlank();

    // The layers, in order, make the root filesystem.
    Path root = Files.createDirectories(dir.resolve("rootfs"));
    for (JsonNode layer : manifest.path("layers")) {
      assertThat(layer.path("mediaType").asText()).isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
      run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", blob(unpacked, layer.path("digest").asText())
          .toString(), "-C", root.toString()),
          Duration.ofMinutes(2));
    }
    assertThat(root.resolve("opt/java/bin/java")).isExecutable();
    assertThat(root.resolve("app/jib-classpath-file")).exists();
    long layers = manifest.path("layers").size();
    try (var files = Files.walk(root)) {
      System.out.printf("image: %.1f MB, %d layers, root filesystem %d files%n", Files.size(image) / 1048576.0,
          layers, files.count());
    }
    // Mount points a runtime creates.
    for (String mountPoint : List.of("proc", "var/run/secrets/kubernetes.io/serviceaccount", "tmp")) {
      Files.createDirectories(root.resolve(mountPoint));
    }
    Files.writeString(root.resolve("etc/hosts"), "");

    try (RealCluster cluster = RealCluster.start();
        Simulator simulator = Simulator.start(ChartOnRealServerIT.demoDirectory(cluster))) {
      ChartInstall chart = ChartInstall.install(cluster, "");
      cluster.kubectl.ok("apply", "-f", Repository.examples().resolve("00-namespace.yaml").toString());
      cluster.connectionSecret("contoso", "vb365", simulator);
      Path serviceAccount = Files.createDirectories(dir.resolve("serviceaccount"));
      Files.writeString(serviceAccount.resolve("token"), cluster.plane.serviceAccountToken(ChartInstall.NAMESPACE,
          chart.fullname, Duration.ofHours(1)));
      Files.copy(cluster.plane.caCertificate(), serviceAccount.resolve("ca.crt"));
      Files.writeString(serviceAccount.resolve("namespace"), ChartInstall.NAMESPACE);

      // The pod's environment: the image's, the Deployment's, and what the kubelet adds.
      Map<String, String> env = new LinkedHashMap<>();
      config.path("Env").forEach(e -> env.put(e.asText().split("=", 2)[0], e.asText().split("=", 2)[1]));
      env.putAll(chart.environment());
      int port = freePort();
      env.put("VB365_HTTP_PORT", Integer.toString(port));
      env.put("KUBERNETES_SERVICE_HOST", cluster.plane.url().getHost());
      env.put("KUBERNETES_SERVICE_PORT", Integer.toString(cluster.plane.url().getPort()));
      env.put("HOSTNAME", "vb365-operator-image-test");

      StringBuilder script = new StringBuilder("set -e\n");
      String r = root.toString();
      script.append("mount --bind ").append(r).append(' ').append(r).append('\n')
          .append("mount -t proc proc ").append(r).append("/proc\n")
          .append("mount -t tmpfs -o mode=1777 tmpfs ").append(r).append("/tmp\n")
          .append("mount --bind /etc/hosts ").append(r).append("/etc/hosts\n")
          .append("mount --bind ").append(serviceAccount).append(' ').append(r)
          .append("/var/run/secrets/kubernetes.io/serviceaccount\n")
          .append("mount -o remount,bind,ro ").append(r).append('\n')
          .append("CHROOT=$(command -v chroot)\n").append("exec env -i");
      env.forEach((k, v) -> script.append(' ').append(quote(k + "=" + v)));
      script.append(" \"$CHROOT\" --userspec=65532:65532 ").append(r);
      entrypoint.forEach(a -> script.append(' ').append(quote(a)));
      cmd.forEach(a -> script.append(' ').append(quote(a)));
      Path log = dir.resolve("container.log");
      long started = System.nanoTime();
      Process container = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c",
          script.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
          assertThat(container.isAlive()).as(Files.readString(log)).isTrue();
          return status(http, port, "/healthz") == 200 && status(http, port, "/readyz") == 200;
        });
        System.out.printf("container ready after %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
        cluster.kubectl.applyStdin(ChartOnRealServerIT.backupJob("contoso", "from-image", "From the image",
            "  connection: {secretRef: {name: vb365}}\n"));
        cluster.kubectl.ok("-n", "contoso", "wait", "--for=condition=Ready", "--timeout=90s", "backupjob/from-image");
        assertThat(simulator.jobIds()).hasSize(1);
        assertThat(Files.readString(log)).contains("Starting against").doesNotContain(" ERROR ");
      } finally {
        container.destroy();
        if (!container.waitFor(20, TimeUnit.SECONDS)) {
          container.destroyForcibly();
        }
      }
      assertThat(cluster.audit().forbidden(chart.serviceAccountUser())).as("requests refused with 403").isEmpty();
    }
  }

  private static Path blob(Path layout, String digest) {
    return layout.resolve("blobs").resolve(digest.substring(0, digest.indexOf(':'))).resolve(digest.substring(
        digest.indexOf(':') + 1));
  }

  private static int status(HttpClient http, int port, String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void run(List<String> command, Duration limit) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }
}
