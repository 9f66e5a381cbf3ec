package dev.vb365.simulator.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared reference material (OpenAPI specs, documentation pages) that lives outside the
 * repository in {@code ../shared/reference}: from the system property {@code vb365.shared.dir} (set by
 * the parent pom's surefire configuration), else by walking up from the working directory to a
 * directory that has {@code shared/reference}. Never copy these files into the repository.
 */
public final class ReferenceFiles {
  public static final String PROPERTY = "vb365.shared.dir";

  private ReferenceFiles() {
  }

  /** The reference directory, if it can be found. */
  public static Optional<Path> referenceDir() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path dir = Path.of(configured).toAbsolutePath().normalize().resolve("reference");
      if (Files.isDirectory(dir)) {
        return Optional.of(dir);
      }
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path dir = p.resolve("shared").resolve("reference");
      if (Files.isDirectory(dir)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /**
   * Skips the calling test (JUnit assumption) with a clear message when the reference files are missing,
   * or fails it when the environment variable CI is "true": in CI their absence is a setup error.
   */
  public static Path assumeAvailable() {
    Optional<Path> dir = referenceDir().filter(d -> Files.isDirectory(d.resolve("veeam-openapi")));
    if (dir.isEmpty()) {
      String message = "The shared reference files (../shared/reference with veeam-openapi/ and veeam-docs/) were not"
          + " found: set -D" + PROPERTY + "=<dir containing reference/> or run from a checkout next to shared/";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message + " (CI=true, so this is an error)");
      }
      Assumptions.abort(message);
    }
    return dir.get();
  }

  /** The spec file for an API version: v8 -> vb365_rest_v8.json, v7, v6. */
  public static Path openApiSpec(String apiVersion) {
    String v = apiVersion.toLowerCase();
    if (!v.matches("v[678]")) {
      throw new IllegalArgumentException("no spec for API version " + apiVersion + " (v6, v7 or v8)");
    }
    return assumeAvailable().resolve("veeam-openapi").resolve("vb365_rest_" + v + ".json");
  }

  /** A page of the reference documentation, e.g. "002_2f5c6cfc4ea682b2.txt". */
  public static Path docPage(String fileName) {
    return assumeAvailable().resolve("veeam-docs").resolve(fileName);
  }
}
