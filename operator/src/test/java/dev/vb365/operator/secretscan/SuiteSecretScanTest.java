package dev.vb365.operator.secretscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The suite-wide secret scan. Runs in the build's {@code secret-scan} execution (phase verify, a JVM
 * of its own, after every other test of the module has run and its JVM has exited): no log line, no
 * body the operator sent to Kubernetes, no Event and no status the harnesses saw may contain a
 * password or a token the tests used. It also requires that it read a real amount of each, so a
 * recording that broke cannot pass as a clean scan. Skipped when the build ran only some tests
 * ({@code -Dtest=...}): then there is no whole suite to scan.
 */
class SuiteSecretScanTest {

  /**
   * Whether this module's suite writes to Kubernetes (the toolkit's end-to-end tests do; the operator module's own
   * tests talk to VB365 only), so that a recording without those writes is a broken recording.
   */
  boolean suiteWritesToKubernetes() {
    return false;
  }

  @Test
  void noPasswordOrTokenInAnyLogLineEventOrStatusOfTheSuite() throws Exception {
    String selected = System.getProperty("vb365.secretScan.selectedTests", "");
    Assumptions.assumeTrue(selected.isBlank() || selected.startsWith("${"),
        "only some tests ran (-Dtest=" + selected + "): no suite to scan");
    Path dir = Path.of(System.getProperty(SuiteRecord.DIR_PROPERTY, "target/secret-scan"));
    Assumptions.assumeTrue(Files.isDirectory(dir), "no recording at " + dir);

    SecretScan.Result result = SecretScan.scan(dir);
    System.out.printf("secret scan: %d secrets, %d log lines, %d Kubernetes writes (%d status, %d Event), "
        + "%d objects at the end%n", result.secrets(), result.logLines(), result.kubernetesWrites(),
        result.statusWrites(), result.eventWrites(), result.objects());

    assertThat(result.findings()).as("secrets found in %s", dir).isEmpty();
    // Not vacuous: the suite's harnesses log in hundreds of times and write hundreds of statuses.
    assertThat(result.secrets()).as("passwords and issued tokens recorded").isGreaterThan(50);
    assertThat(result.logLines()).as("log lines").isGreaterThan(1000);
    if (suiteWritesToKubernetes()) {
      assertThat(result.statusWrites()).as("status writes").isGreaterThan(100);
      assertThat(result.eventWrites()).as("Events written").isGreaterThan(50);
      assertThat(result.objects()).as("Events and statuses at the end").isGreaterThan(100);
    }
  }
}
