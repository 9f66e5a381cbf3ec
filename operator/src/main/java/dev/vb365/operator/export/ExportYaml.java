package dev.vb365.operator.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import dev.vb365.operator.api.BackupJob;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.UncheckedIOException;

/** The YAML `export` prints: a short header, then one document per job with its notes as comments. */
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
    out.append("# BackupJobs exported from ").append(source).append(": ").append(result.exported().size())
        .append(result.exported().size() == 1 ? " job" : " jobs").append(".\n");
    out.append("# Each adopts its existing VB365 job (spec.jobId): applying them creates no new jobs.\n");
    result.exported().stream().findFirst().map(e -> e.backupJob().getSpec().getDeletionPolicy()).ifPresent(policy ->
        out.append("# deletionPolicy ").append(policy).append(switch (policy) {
          case Orphan -> ": deleting a BackupJob leaves its VB365 job in place.\n";
          case Delete -> ": deleting a BackupJob deletes its VB365 job too.\n";
        }));
    for (JobExporter.Exported exported : result.exported()) {
      out.append("---\n");
      out.append("# VB365 job \"").append(oneLine(exported.job().name())).append("\" of ")
          .append(oneLine(exported.organizationName())).append('\n');
      for (String note : exported.notes()) {
        out.append("# note: ").append(oneLine(note)).append('\n');
      }
      out.append(yaml(exported.backupJob()));
    }
    for (JobExporter.Skipped skipped : result.skipped()) {
      out.append("# skipped VB365 job \"").append(oneLine(skipped.job().name())).append("\" (")
          .append(skipped.job().id()).append("): ").append(oneLine(skipped.reason())).append('\n');
    }
    return out.toString();
  }

  public static String yaml(BackupJob job) {
    JsonNode tree = KUBERNETES.convertValue(job, JsonNode.class);
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
