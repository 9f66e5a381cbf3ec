package dev.vb365.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.simulator.Simulator;
import dev.vb365.simulator.SimulatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person at a terminal reads when a command cannot do its work: one line that says what is wrong and which
 * option fixes it, never an exception class name or a stack trace; stdout stays empty (it may be piped).
 */
class CommandLineFailuresTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int execute(String... args) {
    out.reset();
    err.reset();
    return Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private void assertOneCleanLine(String... expected) {
    String text = err();
    assertThat(text).contains(expected).doesNotContain("Exception", "\tat ", "dev.vb365", "java.");
    assertThat(text.strip().lines().filter(l -> !l.startsWith("See '")).count()).as(text).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).as("stdout").isEmpty();
  }

  private static Path password(Path dir, String text) throws IOException {
    return Files.writeString(dir.resolve("password"), text);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void exportToAClosedPort(@TempDir Path dir) throws IOException {
    int port = closedPort();
    assertThat(execute("export", "--url", "https://localhost:" + port, "--username", "admin", "--password-file",
        password(dir, "admin").toString())).isEqualTo(1);
    assertOneCleanLine("connection refused by https://localhost:" + port, "4443");
  }

  @Test
  void exportToAnUnknownHost(@TempDir Path dir) throws IOException {
    assertThat(execute("export", "--url", "https://vb365.invalid:4443", "--username", "admin", "--password-file",
        password(dir, "admin").toString())).isEqualTo(1);
    assertOneCleanLine("unknown host in https://vb365.invalid:4443");
  }

  @Test
  void exportWithAUrlThatIsNotJustTheServer(@TempDir Path dir) throws IOException {
    assertThat(execute("export", "--url", "https://vb365.example:4443/v8", "--username", "admin",
        "--password-file", password(dir, "admin").toString())).isEqualTo(2);
    assertOneCleanLine("--url must be the server's address only, without a path such as /v8");
  }

  @Test
  void exportWithAMissingPasswordFile(@TempDir Path dir) {
    assertThat(execute("export", "--url", "https://vb365.example:4443", "--username", "admin", "--password-file",
        dir.resolve("nope").toString())).isEqualTo(2);
    assertOneCleanLine("cannot read --password-file", "no such file");
  }

  @Test
  void exportToAServerWhoseCertificateIsNotTrustedAndToAPlainHttpPortWithHttps(@TempDir Path dir) throws IOException {
    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults())) {
      String pw = password(dir, simulator.password()).toString();
      assertThat(execute("export", "--url", simulator.baseUri().toString(), "--username", simulator.username(),
          "--password-file", pw)).isEqualTo(1);
      assertOneCleanLine("is not signed by a trusted CA", "--ca-file");

      // http:// to the TLS port: the server closes the connection on the plain-text request.
      String http = simulator.baseUri().toString().replace("https://", "http://");
      assertThat(execute("export", "--url", http, "--username", simulator.username(), "--password-file", pw))
          .isEqualTo(1);
      assertOneCleanLine("then the URL starts with https://");

      // A password file written by an editor ends with a line break: it is not part of the password.
      assertThat(execute("export", "--url", simulator.baseUri().toString(), "--username", simulator.username(),
          "--password-file", password(dir, simulator.password() + "\n").toString(), "--ca-file",
          simulator.caCertificateFile().toString())).isZero();
      assertThat(err()).doesNotContain("error");
    }
  }

  @Test
  void runAgainstAnUnreachableApiServerSaysSoInOneLine(@TempDir Path dir) throws IOException {
    int port = closedPort();
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "https://127.0.0.1:%d"}}]
        users: [{name: u, user: {token: t}}]
        contexts: [{name: c, context: {cluster: c, user: u}}]
        current-context: c
        """.formatted(port));
    assertThat(execute("run", "--kubeconfig", kubeconfig.toString(), "--http-port", "0")).isEqualTo(1);
    assertOneCleanLine("cannot reach the Kubernetes API at https://127.0.0.1:" + port, "from " + kubeconfig);
  }
}
