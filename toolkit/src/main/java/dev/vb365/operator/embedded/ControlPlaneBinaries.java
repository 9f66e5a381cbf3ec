package dev.vb365.operator.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the real Kubernetes binaries (kube-apiserver, etcd, kubectl) of the pinned release are: the
 * layout fabric8's kube-api-test uses, {@code ${KUBE_API_TEST_DIR:-~/.kubeapitest}/k8s/<version>-linux-<arch>/},
 * so that either this repository's {@code tools/kube-binaries.sh} (built from Go modules) or kube-api-test's
 * own download of the official binaries fills it. {@code VB365_K8S_BINARIES} names another directory.
 */
public record ControlPlaneBinaries(Path directory) {

  /** The release the project tests against; tools/kube-binaries.sh builds the same one. */
  public static final String VERSION = "1.36.3";

  public Path kubeApiServer() {
    return directory.resolve("kube-apiserver");
  }

  public Path etcd() {
    return directory.resolve("etcd");
  }

  public Path kubectl() {
    return directory.resolve("kubectl");
  }

  /** The directory the binaries belong in, whether or not they are there. */
  public static ControlPlaneBinaries expected() {
    String explicit = System.getenv("VB365_K8S_BINARIES");
    if (explicit != null && !explicit.isBlank()) {
      return new ControlPlaneBinaries(Path.of(explicit));
    }
    String base = Optional.ofNullable(System.getenv("KUBE_API_TEST_DIR")).filter(s -> !s.isBlank())
        .orElse(System.getProperty("user.home") + "/.kubeapitest");
    return new ControlPlaneBinaries(Path.of(base, "k8s", VERSION + "-linux-" + arch()));
  }

  /** The binaries, if all three are there and executable. */
  public static Optional<ControlPlaneBinaries> find() {
    ControlPlaneBinaries expected = expected();
    return expected.present() ? Optional.of(expected) : Optional.empty();
  }

  public boolean present() {
    return List.of(kubeApiServer(), etcd(), kubectl()).stream().allMatch(Files::isExecutable);
  }

  /**
   * The binaries, built first by {@code tools/kube-binaries.sh} (found by walking up from the working directory)
   * when they are missing; fails with the script's message when that is impossible (no Go, no script).
   */
  public static ControlPlaneBinaries provision() {
    Optional<ControlPlaneBinaries> found = find();
    if (found.isPresent()) {
      return found.get();
    }
    Path script = script().orElseThrow(() -> new IllegalStateException("the Kubernetes " + VERSION
        + " binaries are not in " + expected().directory() + " and tools/kube-binaries.sh is not found above "
        + Path.of("").toAbsolutePath() + " to build them"));
    try {
      Process build = new ProcessBuilder("bash", script.toString()).inheritIO().start();
      int code = build.waitFor();
      if (code != 0) {
        throw new IllegalStateException(script + " failed (exit code " + code + "): see its message above");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the Kubernetes binaries", e);
    }
    return find().orElseThrow(() -> new IllegalStateException(script + " ended without the binaries in "
        + expected().directory()));
  }

  private static Optional<Path> script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("tools/kube-binaries.sh");
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static String arch() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    return arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
  }
}
