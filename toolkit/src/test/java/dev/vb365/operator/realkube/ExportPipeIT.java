package dev.vb365.operator.realkube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.cli.ExistingJobs;
import dev.vb365.operator.embedded.Vb365Admin;
import dev.vb365.simulator.Simulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `export ... | kubectl apply -f -` as the README shows it, with the packaged jar and the real kubectl against a real
 * API server (server-side dry run: the server parses and validates every document): stdout is pure YAML, whatever
 * the operator logs.
 */
class ExportPipeIT {

  @Test
  void exportPipesIntoKubectlApply(@TempDir Path dir) throws Exception {
    RealCluster cluster = RealCluster.get();
    String namespace = cluster.newNamespace("export");
    try (Simulator simulator = Simulator.start(ExistingJobs.simulatorOptions(dir))) {
      List<String> created = ExistingJobs.create(new Vb365Admin(simulator));
      Path password = Files.writeString(dir.resolve("password"), simulator.password() + "\n");
      dev.vb365.operator.secretscan.SuiteRecord.secret(simulator.password());
      String script = String.join(" ", "java", "-jar", OperatorRun.jar().toAbsolutePath().toString(), "export",
          "--url", simulator.baseUri().toString(), "--username", simulator.username(), "--password-file",
          password.toString(), "--ca-file", simulator.caCertificateFile().toString(), "--namespace", namespace,
          "--connection-secret", "vb365")
          + " | kubectl apply --dry-run=server -f -";
      ProcessBuilder builder = new ProcessBuilder("bash", "-o", "pipefail", "-c", script)
          .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
      builder.environment().put("PATH", cluster.kubectl.binary().getParent() + ":" + System.getenv("PATH"));
      builder.environment().put("KUBECONFIG", cluster.plane.adminKubeconfig().toString());
      Process process = builder.start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(dir.resolve("out"), StandardCharsets.UTF_8);
      String err = Files.readString(dir.resolve("err"), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(out + err).isZero();
      assertThat(out.lines().filter(l -> l.endsWith("created (server dry run)")).count()).as(out)
          .isEqualTo(created.size());
      assertThat(err).contains("Exported " + created.size() + " job(s)");
    }
  }
}
