package dev.vb365.operator.realkube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vb365.operator.embedded.Kubectl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRDs in crds/ on a real kube-apiserver: the server itself enforces their schema and CEL rules. Every example
 * a user copies is accepted, every invalid example refused with the message it expects, and `kubectl explain`
 * shows the field descriptions.
 */
class CrdsOnRealServerIT {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static RealCluster cluster;

  @BeforeAll
  static void cluster() throws Exception {
    cluster = RealCluster.get();
    // The examples live in namespace contoso; a server-side dry run needs the namespace to exist.
    cluster.kubectl.ok("apply", "-f", Repository.examples().resolve("00-namespace.yaml").toString());
  }

  @Test
  void everyExampleIsAcceptedByTheServer() throws Exception {
    List<Path> files = yamlFiles(Repository.examples()).stream()
        .filter(f -> !f.getFileName().toString().startsWith("00-")).toList();
    int customResources = 0;
    for (Path file : files) {
      // As a user applies it: client-side apply with strict field validation (kubectl's default), on the server.
      String out = cluster.kubectl.ok("apply", "--dry-run=server", "-f", file.toString());
      for (JsonNode doc : docs(file)) {
        String kind = doc.path("kind").asText();
        String name = doc.at("/metadata/name").asText();
        assertThat(out).as(file.getFileName().toString())
            .containsPattern("(?i)" + kind + "[.a-z0-9/]*/" + name + " (created|configured|unchanged) \\(server dry run\\)");
        if (kind.equals("BackupJob") || kind.equals("JobItem")) {
          customResources++;
        }
      }
    }
    assertThat(customResources).as("BackupJobs and JobItems in examples/").isGreaterThanOrEqualTo(5);
  }

  static Stream<Path> invalidExamples() throws IOException {
    return yamlFiles(Repository.invalidExamples()).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidExamples")
  void invalidExampleIsRefusedByTheServer(Path file) throws Exception {
    // "# expect: schema|cel TEXT" (the schema validator's words) and, when the server says it differently,
    // "# server: TEXT" on the second line.
    List<String> lines = Files.readAllLines(file);
    String expected = lines.get(0).replaceFirst("^# expect: \\S+ ", "");
    if (lines.size() > 1 && lines.get(1).startsWith("# server: ")) {
      expected = lines.get(1).substring("# server: ".length());
    }
    Kubectl.Result result = cluster.kubectl.run("apply", "--dry-run=server", "-f", file.toString());
    assertThat(result.exitCode()).as("kubectl apply of " + file.getFileName() + ": " + result.stdout()).isNotZero();
    assertThat(result.stderr()).contains(expected);
    assertThat(result.stderr()).doesNotContain("created").doesNotContain("configured");
  }

  @Test
  void kubectlExplainShowsTheFieldDescriptions() throws Exception {
    String explain = cluster.kubectl.ok("explain", "backupjob.spec.schedulePolicy");
    JsonNode crd = YAML.readTree(Repository.root().resolve("crds/backupjobs.backup.vb365.dev-v1.yml").toFile());
    JsonNode schedule = crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/schedulePolicy");
    assertThat(schedule.path("description").asText()).isNotBlank();
    String flat = flatten(explain);
    assertThat(flat).contains(flatten(schedule.path("description").asText()));
    Iterator<Map.Entry<String, JsonNode>> fields = schedule.path("properties").fields();
    int described = 0;
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      assertThat(explain).contains(field.getKey());
      String description = field.getValue().path("description").asText();
      if (!description.isBlank()) {
        assertThat(flat).as("description of " + field.getKey()).contains(flatten(description));
        described++;
      }
    }
    assertThat(described).isGreaterThanOrEqualTo(4);
    assertThat(cluster.kubectl.ok("explain", "jobitem.spec")).contains("jobRef");
    // The kinds and their spec and status describe themselves too (the first lines of explain).
    for (String kind : List.of("backupjob", "jobitem")) {
      JsonNode schema = YAML.readTree(Repository.root().resolve("crds/" + kind + "s.backup.vb365.dev-v1.yml").toFile())
          .at("/spec/versions/0/schema/openAPIV3Schema");
      assertThat(flatten(cluster.kubectl.ok("explain", kind))).contains(flatten(schema.path("description").asText()));
      for (String part : List.of("spec", "status")) {
        String text = schema.at("/properties/" + part + "/description").asText();
        assertThat(text).as(kind + "." + part).isNotBlank();
        assertThat(flatten(cluster.kubectl.ok("explain", kind + "." + part))).contains(flatten(text));
      }
    }
  }

  /** kubectl explain wraps and indents text: compare word sequences. */
  private static String flatten(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static List<JsonNode> docs(Path file) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (var it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode node = (JsonNode) it.next();
        if (node != null && !node.isEmpty()) {
          docs.add(node);
        }
      }
    }
    return docs;
  }
}
