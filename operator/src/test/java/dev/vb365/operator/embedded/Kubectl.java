package dev.vb365.operator.embedded;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real kubectl of the pinned Kubernetes release ({@link ControlPlaneBinaries}, built by
 * tools/kube-binaries.sh when missing) against a kubeconfig: the suite needs no kubectl on the PATH.
 */
public final class Kubectl {

  public record Result(int exitCode, String stdout, String stderr) {}

  private final Path binary;
  private final Path kubeconfig;
  private final Path cacheDir;

  public Kubectl(Path kubeconfig, Path cacheDir) {
    this.binary = ControlPlaneBinaries.provision().kubectl();
    this.kubeconfig = kubeconfig;
    this.cacheDir = cacheDir;
  }

  public Path binary() {
    return binary;
  }

  public Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString(),
        "--cache-dir", cacheDir.toString(), "--request-timeout=20s"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("kubectl", ".out");
    Path err = Files.createTempFile("kubectl", ".err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("kubectl " + String.join(" ", args) + " did not finish in 60 s");
    }
    Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return result;
  }

  public String ok(String... args) throws IOException, InterruptedException {
    Result r = run(args);
    if (r.exitCode() != 0) {
      fail("kubectl " + String.join(" ", args) + " exited " + r.exitCode() + ": " + r.stderr());
    }
    return r.stdout();
  }
}
