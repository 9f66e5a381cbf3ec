package dev.vb365.operator.secretscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan finds a planted secret wherever it is, in each form it could leak in, and counts what it read. */
class SecretScanTest {

  private static final String PASSWORD = "Planted-Pa55word!";
  private static final String TOKEN = "eyJplantedTokenValue0123456789";

  @Test
  void aCleanRecordingHasNoFindingsAndIsCounted(@TempDir Path dir) throws Exception {
    write(dir, "x", "x", "x");

    SecretScan.Result result = SecretScan.scan(dir);

    assertThat(result.findings()).isEmpty();
    assertThat(result.secrets()).isEqualTo(2);
    assertThat(result.logLines()).isEqualTo(2);
    assertThat(result.kubernetesWrites()).isEqualTo(2);
    assertThat(result.statusWrites()).isEqualTo(1);
    assertThat(result.eventWrites()).isEqualTo(1);
    assertThat(result.objects()).isEqualTo(1);
  }

  @Test
  void aPlantedPasswordOrTokenIsFoundInTheLogTheEventsAndTheStatuses(@TempDir Path dir) throws Exception {
    write(dir, "login failed for password " + PASSWORD, "\"message\":\"token " + TOKEN + "\"",
        "\"conditions\":[{\"message\":\"" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "\"}]");

    SecretScan.Result result = SecretScan.scan(dir);

    assertThat(result.findings()).extracting(SecretScan.Finding::file).containsExactlyInAnyOrder(
        SuiteRecord.LOG, SuiteRecord.KUBERNETES, SuiteRecord.OBJECTS);
    assertThat(result.findings().toString()).as("a finding does not repeat the secret")
        .doesNotContain(PASSWORD).doesNotContain(TOKEN);
  }

  @Test
  void aBase64EncodedSecretIsFound(@TempDir Path dir) throws Exception {
    write(dir, "Authorization: Basic " + Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)),
        "x", "x");

    assertThat(SecretScan.scan(dir).findings()).hasSize(1);
  }

  /** A log line with {@code log}, an Event write and a status write (the second holding {@code write}), an object. */
  private static void write(Path dir, String log, String write, String object) throws Exception {
    Files.writeString(dir.resolve(SuiteRecord.SECRETS), PASSWORD + "\n" + TOKEN + "\nshort\n");
    Files.writeString(dir.resolve(SuiteRecord.LOG), "12:00:00 INFO started\n12:00:01 WARN " + log + "\n");
    Files.writeString(dir.resolve(SuiteRecord.KUBERNETES),
        "POST /api/v1/namespaces/a/events {\"reason\":\"Synced\"}\n"
            + "PUT /apis/backup.vb365.dev/v1alpha1/namespaces/a/backupjobs/j/status " + write + "\n");
    Files.writeString(dir.resolve(SuiteRecord.OBJECTS), "BackupJob " + object + "\n");
  }
}
