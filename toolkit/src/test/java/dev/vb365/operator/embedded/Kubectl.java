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

  /** `kubectl apply -f -` with the YAML on stdin. */
  public String applyStdin(String yaml) throws IOException, InterruptedException {
    return okWithInput(yaml, "apply", "-f", "-");
  }

  /** Runs kubectl with {@code input} on its stdin; fails the test unless it exits 0. */
  public String okWithInput(String input, String... args) throws IOException, InterruptedException {
    Path in = Files.createTempFile("kubectl", ".in");
    Files.writeString(in, input, StandardCharsets.UTF_8);
    try {
      Result r = run(in, args);
      if (r.exitCode() != 0) {
        fail("kubectl " + String.join(" ", args) + " exited " + r.exitCode() + ": " + r.stderr());
      }
      return r.stdout();
    } finally {
      Files.deleteIfExists(in);
    }
  }

  public Result run(String... args) throws IOException, InterruptedException {
    return run(null, args);
  }

  private Result run(Path stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--kubeconfig", kubeconfig.toString(),
        "--cache-dir", cacheDir.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("kubectl", ".out");
    Path err = Files.createTempFile("kubectl", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    if (stdin != null) {
      builder.redirectInput(stdin.toFile());
    }
    Process process = builder.start();
    long limit = processLimitSeconds(args);
    if (!process.waitFor(limit, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("kubectl " + String.join(" ", args) + " did not finish in " + limit + " s");
    }
    Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return result;
  }

  /** 60 s, or longer when the command says it may wait longer (--timeout=120s). */
  private static long processLimitSeconds(String... args) {
    long limit = 60;
    for (String arg : args) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^--timeout=(\\d+)s$").matcher(arg);
      if (m.matches()) {
        limit = Math.max(limit, Long.parseLong(m.group(1)) + 15);
      }
    }
    return limit;
  }

  public String ok(String... args) throws IOException, InterruptedException {
    Result r = run(args);
    if (r.exitCode() != 0) {
      fail("kubectl " + String.join(" ", args) + " exited " + r.exitCode() + ": " + r.stderr());
    }
    return r.stdout();
  }
}
