package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunRequestsTest {

  private static BackupJob job(String annotation, String handled) {
    BackupJob job = new BackupJob();
    job.setMetadata(new ObjectMetaBuilder().withName("finance").withNamespace("contoso")
        .withAnnotations(annotation == null ? Map.of() : Map.of("backup.vb365.dev/run-requested-at", annotation))
        .build());
    BackupJobStatus status = new BackupJobStatus();
    status.setLastRunRequest(handled);
    job.setStatus(status);
    return job;
  }

  @Test
  void onlyANewNonEmptyValueIsARunRequest() {
    assertThat(RunRequests.pending(job(null, null))).isNull();
    assertThat(RunRequests.pending(job(" ", null))).isNull();
    assertThat(RunRequests.pending(job("2026-03-01T10:00:00Z", null))).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(RunRequests.pending(job("2026-03-01T10:00:00Z", "2026-03-01T10:00:00Z"))).isNull();
    assertThat(RunRequests.pending(job("again", "2026-03-01T10:00:00Z"))).isEqualTo("again");
  }
}
