package dev.vb365.operator.cli;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobStatus;
import dev.vb365.operator.api.ConditionTypes;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** BackupJobs as `kubectl get backupjobs -A` would list them, with the eTag the operator last saw. */
final class BackupJobTable {

  private static final List<String> HEADER =
      List.of("NAMESPACE", "NAME", "READY", "SYNCED", "DRIFTED", "LAST STATUS", "NEXT RUN", "ETAG");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
      .withZone(ZoneOffset.UTC);

  private BackupJobTable() {}

  static String render(List<BackupJob> jobs, String indent) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    jobs.stream().sorted(Comparator.comparing((BackupJob j) -> j.getMetadata().getNamespace())
            .thenComparing(j -> j.getMetadata().getName()))
        .forEach(job -> {
          BackupJobStatus status = Optional.ofNullable(job.getStatus()).orElseGet(BackupJobStatus::new);
          rows.add(List.of(job.getMetadata().getNamespace(), job.getMetadata().getName(),
              condition(status, ConditionTypes.READY), condition(status, ConditionTypes.SYNCED),
              condition(status, ConditionTypes.DRIFTED), orDash(status.getLastStatus()), when(status.getNextRun()),
              orDash(status.getETag())));
        });
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 3) + "s", row.get(i)));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  static Optional<Condition> find(BackupJob job, String type) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static String condition(BackupJobStatus status, String type) {
    if (status.getConditions() == null) {
      return "-";
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).map(Condition::getStatus)
        .findFirst().orElse("-");
  }

  static String when(String timestamp) {
    if (timestamp == null || timestamp.isBlank()) {
      return "-";
    }
    try {
      return WHEN.format(Instant.parse(timestamp));
    } catch (DateTimeParseException e) {
      return timestamp;
    }
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }
}
