package dev.vb365.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.vb365.operator.sync.CopyJobSpecMapper;
import dev.vb365.operator.sync.FieldError;
import dev.vb365.operator.sync.SpecValidation;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The YAML in examples/ is what users copy: each BackupJob, JobItem and BackupCopyJob must pass the
 * committed CRD's schema and CEL rules (what a real API server enforces) and the operator's own validation.
 * The files in src/test/resources/invalid-examples must fail where their first line says.
 */
class ExamplesTest {

  record Doc(String file, JsonNode node) {
    String kind() {
      return node.path("kind").asText();
    }

    @Override
    public String toString() {
      return file + " " + kind() + " " + node.at("/metadata/name").asText();
    }
  }

  /** The custom resources of this operator; examples/ has at least one of each. */
  static final List<String> KINDS = List.of("BackupJob", "JobItem", "BackupCopyJob");

  static List<Doc> docs(Path dir) throws IOException {
    List<Doc> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (MappingIterator<JsonNode> it = CrdSchema.YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
          while (it.hasNext()) {
            JsonNode node = it.next();
            if (node != null && !node.isEmpty()) {
              docs.add(new Doc(file.getFileName().toString(), node));
            }
          }
        }
      }
    }
    return docs;
  }

  static Stream<Doc> customResources() throws IOException {
    return docs(RepositoryFiles.root().resolve("examples")).stream()
        .filter(d -> KINDS.contains(d.kind()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("customResources")
  void exampleIsValid(Doc doc) {
    CrdSchema crd = CrdSchema.forKind(doc.kind());
    assertThat(crd.schemaErrors(doc.node())).as("schema errors").isEmpty();
    assertThat(crd.celFailures(doc.node())).as("CEL rules broken").isEmpty();
    assertThat(javaErrors(doc)).as("operator's validation").isEmpty();
    assertThat(doc.node().at("/apiVersion").asText()).isEqualTo("backup.vb365.dev/v1alpha1");
  }

  @Test
  void examplesCoverBothKindsEveryItemTypeAndAllScheduleTypes() throws IOException {
    List<Doc> all = customResources().toList();
    assertThat(all).extracting(Doc::kind).containsAll(KINDS);
    List<String> itemTypes = new ArrayList<>();
    List<String> scheduleTypes = new ArrayList<>();
    for (Doc doc : all) {
      doc.node().at("/spec/selectedItems").forEach(i -> itemTypes.add(i.path("type").asText()));
      doc.node().at("/spec/excludedItems").forEach(i -> itemTypes.add(i.path("type").asText()));
      if (doc.kind().equals("JobItem")) {
        itemTypes.add(doc.node().at("/spec/type").asText());
      }
      scheduleTypes.add(doc.node().at("/spec/schedulePolicy/type").asText());
    }
    assertThat(itemTypes).contains("User", "Group", "Site", "Team", "PersonalSites", "OneDriveFolders");
    assertThat(scheduleTypes).contains("Daily", "Periodically");
  }

  @Test
  void everyBackupCopyJobCopiesABackupJobOfTheExamplesToAnArchiveRepository() throws IOException {
    List<Doc> all = customResources().toList();
    List<Doc> copyJobs = all.stream().filter(d -> d.kind().equals("BackupCopyJob")).toList();
    assertThat(copyJobs).isNotEmpty();
    for (Doc copyJob : copyJobs) {
      String namespace = copyJob.node().at("/metadata/namespace").asText();
      String ref = copyJob.node().at("/spec/backupJobRef/name").asText();
      assertThat(all).as(copyJob + ": spec.backupJobRef names a BackupJob of examples/ in its namespace")
          .anyMatch(d -> d.kind().equals("BackupJob") && d.node().at("/metadata/name").asText().equals(ref)
              && d.node().at("/metadata/namespace").asText().equals(namespace));
      // The simulator's fixture (which the demo uses) has this archive repository; its backup repository is no target.
      assertThat(copyJob.node().at("/spec/repository/name").asText()).isEqualTo("Archive Repository");
    }
  }

  @Test
  void theSecretHasTheKeysTheOperatorReads() throws IOException {
    Doc secret = docs(RepositoryFiles.root().resolve("examples")).stream()
        .filter(d -> d.kind().equals("Secret")).findFirst().orElseThrow();
    assertThat(secret.node().at("/metadata/name").asText()).isEqualTo("vb365");
    JsonNode data = secret.node().get("stringData");
    assertThat(data.fieldNames()).toIterable().contains("url", "username", "password");
    assertThat(data.get("url").asText()).startsWith("https://");
    List<String> referenced = customResources().filter(d -> d.kind().equals("BackupJob"))
        .map(d -> d.node().at("/spec/connection/secretRef/name").asText()).distinct().toList();
    assertThat(referenced).containsExactly("vb365");
  }

  static Stream<Arguments> invalidExamples() throws IOException {
    Path dir = Path.of("src/test/resources/invalid-examples");
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String first = Files.readAllLines(file).get(0);
        // "# expect: schema|cel <text the error contains>"
        String[] expect = first.replaceFirst("^# expect: ", "").split(" ", 2);
        out.add(Arguments.of(file.getFileName().toString(), expect[0], expect[1], docs(dir).stream()
            .filter(d -> d.file().equals(file.getFileName().toString())).findFirst().orElseThrow()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidExamples")
  void invalidExampleIsRejected(String file, String by, String expected, Doc doc) {
    CrdSchema crd = CrdSchema.forKind(doc.kind());
    List<String> schema = crd.schemaErrors(doc.node());
    List<String> cel = crd.celFailures(doc.node());
    switch (by) {
      case "schema" -> assertThat(schema).as("schema errors").anySatisfy(e -> assertThat(e).contains(expected));
      case "cel" -> {
        assertThat(schema).as("schema errors (the CEL rule should be what catches it)").isEmpty();
        assertThat(cel).as("CEL failures").anySatisfy(e -> assertThat(e).contains(expected));
      }
      default -> throw new IllegalArgumentException(file + ": first line must be '# expect: schema|cel TEXT'");
    }
    // Unknown fields are the API server's to reject; everything else the operator rejects too.
    if (!expected.contains("additionalProperties") && !expected.contains("is not defined in the schema")) {
      assertThat(javaErrors(doc)).as("operator's validation").isNotEmpty();
    }
  }

  /** What the operator says of the resource; one that cannot even be read (an unknown enum value) is an error too. */
  private static List<FieldError> javaErrors(Doc doc) {
    try {
      if (doc.kind().equals("BackupJob")) {
        BackupJob job = Serialization.unmarshal(doc.node().toString(), BackupJob.class);
        return SpecValidation.of(job.getSpec());
      }
      if (doc.kind().equals("BackupCopyJob")) {
        BackupCopyJob copyJob = Serialization.unmarshal(doc.node().toString(), BackupCopyJob.class);
        return CopyJobSpecMapper.validate(copyJob.getSpec());
      }
      JobItem item = Serialization.unmarshal(doc.node().toString(), JobItem.class);
      return SpecValidation.of(item.getSpec());
    } catch (RuntimeException e) {
      return List.of(new FieldError("", "cannot be read: " + e.getMessage()));
    }
  }
}
