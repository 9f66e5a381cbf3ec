package dev.vb365.operator.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.UncheckedIOException;

/**
 * The YAML `export` prints: a short header, then one document per job with its notes as comments, each followed by
 * its BackupCopyJob when the job has a backup copy job.
 */
public final class ExportYaml {

  private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .stringQuotingChecker(new TimesStayStrings())
      .build());

  /** "22:00" must stay a string for every YAML reader: YAML 1.1 reads 22:00 as a base-60 number. */
  private static final class TimesStayStrings extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || value.matches("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");
    }
  }

  private ExportYaml() {}

  public static String write(JobExporter.Result result, String source) {
    StringBuilder out = new StringBuilder();
    long copies = result.copyJobs();
    out.append("# BackupJobs exported from ").append(source).append(": ").append(result.exported().size())
        .append(result.exported().size() == 1 ? " job" : " jobs");
    if (copies > 0) {
      out.append(" and ").append(copies).append(copies == 1 ? " backup copy job" : " backup copy jobs");
    }
    out.append(".\n");
    out.append("# Each adopts its existing VB365 job (spec.jobId): applying them creates no new jobs.\n");
    if (copies > 0) {
      out.append("# Each BackupCopyJob, after its BackupJob, adopts that job's copy job (spec.copyJobId).\n");
    }
    result.exported().stream().findFirst().map(e -> e.backupJob().getSpec().getDeletionPolicy()).ifPresent(policy ->
        out.append("# deletionPolicy ").append(policy).append(switch (policy) {
          case Orphan -> copies > 0 ? ": deleting a BackupJob or BackupCopyJob leaves its VB365 job or copy job in "
              + "place.\n" : ": deleting a BackupJob leaves its VB365 job in place.\n";
          case Delete -> copies > 0 ? ": deleting a BackupJob or BackupCopyJob deletes its VB365 job or copy job "
              + "too.\n" : ": deleting a BackupJob deletes its VB365 job too.\n";
        }));
    for (JobExporter.Exported exported : result.exported()) {
      out.append("---\n");
      out.append("# VB365 job \"").append(oneLine(exported.job().name())).append("\" of ")
          .append(oneLine(exported.organizationName())).append('\n');
      for (String note : exported.notes()) {
        out.append("# note: ").append(oneLine(note)).append('\n');
      }
      out.append(yaml(exported.backupJob()));
      JobExporter.ExportedCopy copy = exported.copy();
      if (copy != null) {
        out.append("---\n");
        out.append("# VB365 backup copy job \"").append(oneLine(copy.copyJob().name())).append("\" of job \"")
            .append(oneLine(exported.job().name())).append("\"\n");
        for (String note : copy.notes()) {
          out.append("# note: ").append(oneLine(note)).append('\n');
        }
        out.append(yaml(copy.backupCopyJob()));
      }
    }
    for (JobExporter.Skipped skipped : result.skipped()) {
      out.append("# skipped VB365 job \"").append(oneLine(skipped.job().name())).append("\" (")
          .append(skipped.job().id()).append("): ").append(oneLine(skipped.reason())).append('\n');
    }
    for (JobExporter.SkippedCopy skipped : result.skippedCopies()) {
      out.append("# skipped VB365 backup copy job \"").append(oneLine(skipped.copyJob().name())).append("\" (")
          .append(skipped.copyJob().id()).append(") of BackupJob ").append(skipped.backupJobName()).append(": ")
          .append(oneLine(skipped.reason())).append('\n');
    }
    return out.toString();
  }

  /** A BackupJob or BackupCopyJob as YAML, without its status. */
  public static String yaml(HasMetadata resource) {
    JsonNode tree = KUBERNETES.convertValue(resource, JsonNode.class);
    if (tree instanceof ObjectNode object) {
      object.remove("status"); // the operator's to write
    }
    try {
      return YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("[\\r\\n]+", " ");
  }
}
