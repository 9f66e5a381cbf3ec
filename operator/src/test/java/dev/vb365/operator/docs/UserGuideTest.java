package dev.vb365.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vb365.operator.api.BackupCopyJobSpec;
import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.api.JobItemSpec;
import dev.vb365.operator.sync.CopyJobSpecMapper;
import dev.vb365.operator.sync.FieldError;
import dev.vb365.operator.sync.SpecValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hand-written user guide must stay true to what exists: the fields, chart values, metrics,
 * alerts and annotation it names, the resources it shows, and the links between the documents.
 */
class UserGuideTest {

  private static final ObjectMapper STRICT_YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```\\s*$");
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
  private static final Pattern FIELD_PATH = Pattern.compile(
      "(?<![\\w.])((?:spec|status)(?:\\.[A-Za-z][A-Za-z0-9]*(?:\\[\\d*\\])?)+)");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern METRIC = Pattern.compile("\\b(?:vb365|operator_sdk)_[a-z0-9_]+");
  private static final Pattern ALERT = Pattern.compile("\\bVB365[A-Z][A-Za-z]+\\b");

  private final String guide = DocsFiles.read(DocsFiles.userGuide());

  @Test
  void everyFieldPathTheGuideNamesIsInTheCrds() throws IOException {
    Set<String> known = new HashSet<>();
    for (ApiReference.Crd crd : DocsFiles.committedCrds()) {
      JsonNode schema = ApiReference.YAML.readTree(crd.yaml()).at("/spec/versions/0/schema/openAPIV3Schema");
      schemaPaths("", schema, known);
    }
    Set<String> named = new TreeSet<>();
    Matcher spans = CODE_SPAN.matcher(withoutFencedBlocks(guide));
    while (spans.find()) {
      Matcher m = FIELD_PATH.matcher(spans.group(1));
      while (m.find()) {
        named.add(m.group(1));
      }
    }
    assertThat(named).as("field paths in the guide").hasSizeGreaterThan(30);
    for (String path : named) {
      assertThat(known).as("`" + path + "` in docs/user-guide.md is not a field of BackupJob, JobItem or BackupCopyJob")
          .contains(path.replaceAll("\\[\\d*\\]", ""));
    }
  }

  @Test
  void resourcesShownInTheGuideAreValidAndMatchTheExamples() throws IOException {
    Map<String, JsonNode> examples = new HashMap<>();
    try (Stream<Path> files = Files.list(DocsFiles.root().resolve("examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        for (JsonNode doc : yamlDocuments(DocsFiles.read(f))) {
          examples.put(doc.path("kind").asText() + "/" + doc.at("/metadata/name").asText(), doc);
        }
      }
    }
    Map<String, Set<String>> schemaPaths = new HashMap<>();
    for (ApiReference.Crd crd : DocsFiles.committedCrds()) {
      JsonNode root = ApiReference.YAML.readTree(crd.yaml());
      Set<String> paths = new HashSet<>();
      schemaPaths("", root.at("/spec/versions/0/schema/openAPIV3Schema"), paths);
      schemaPaths.put(root.at("/spec/names/kind").asText(), paths);
    }
    int checked = 0;
    Matcher blocks = FENCE.matcher(guide);
    while (blocks.find()) {
      if (!blocks.group(1).equals("yaml")) {
        continue;
      }
      for (JsonNode doc : yamlDocuments(blocks.group(2))) {
        String kind = doc.path("kind").asText();
        if (!doc.path("apiVersion").asText().equals("backup.vb365.dev/v1alpha1")) {
          continue;
        }
        String name = kind + "/" + doc.at("/metadata/name").asText();
        Set<String> used = new TreeSet<>();
        instancePaths("spec", doc.path("spec"), used);
        assertThat(schemaPaths.get(kind)).as(name + " in the guide uses fields its CRD does not have")
            .containsAll(used);
        List<FieldError> errors = switch (kind) {
          case "BackupJob" -> SpecValidation.of(STRICT_YAML.treeToValue(doc.path("spec"), BackupJobSpec.class));
          case "JobItem" -> SpecValidation.of(STRICT_YAML.treeToValue(doc.path("spec"), JobItemSpec.class));
          case "BackupCopyJob" -> CopyJobSpecMapper.validate(
              STRICT_YAML.treeToValue(doc.path("spec"), BackupCopyJobSpec.class));
          default -> throw new AssertionError("the guide shows an unknown kind " + kind);
        };
        assertThat(errors).as(name + " in the guide").isEmpty();
        if (examples.containsKey(name)) {
          assertThat(doc).as(name + " in the guide differs from the file in examples/")
              .isEqualTo(examples.get(name));
        }
        checked++;
      }
    }
    assertThat(checked).as("BackupJobs, JobItems and BackupCopyJobs shown in the guide").isGreaterThanOrEqualTo(3);
  }

  @Test
  void chartValuesMetricsAlertsAndTheAnnotationTheGuideNamesExist() throws IOException {
    Path chart = DocsFiles.root().resolve("helm/vb365-operator");
    JsonNode values = ApiReference.YAML.readTree(DocsFiles.read(chart.resolve("values.yaml")));

    Set<String> keys = new TreeSet<>();
    Matcher set = Pattern.compile("--set ([A-Za-z][A-Za-z.]*)=").matcher(guide);
    while (set.find()) {
      keys.add(set.group(1));
    }
    Matcher spans = CODE_SPAN.matcher(withoutFencedBlocks(guide));
    while (spans.find()) {
      String span = spans.group(1).replaceFirst("=.*$", "");
      if (span.matches("[a-z][A-Za-z]*(\\.[A-Za-z]+)+") && values.has(span.substring(0, span.indexOf('.')))) {
        keys.add(span);
      }
    }
    assertThat(keys).as("chart values in the guide").hasSizeGreaterThan(5);
    for (String key : keys) {
      assertThat(values.at("/" + key.replace('.', '/')).isMissingNode())
          .as("chart value " + key + " named in the guide is not in values.yaml").isFalse();
    }

    String monitoring = DocsFiles.read(chart.resolve("templates/prometheusrule.yaml"))
        + DocsFiles.read(chart.resolve("files/grafana/vb365-operator.json"));
    Set<String> exported = matches(METRIC, monitoring);
    Set<String> metrics = matches(METRIC, guide);
    assertThat(metrics).as("metrics in the guide").hasSizeGreaterThan(5);
    for (String metric : metrics) {
      assertThat(exported).as(metric + " in the guide is not used by the chart's PrometheusRule or dashboard")
          .anyMatch(m -> m.equals(metric) || m.startsWith(metric + "_"));
    }
    Set<String> alerts = matches(Pattern.compile("alert: (\\w+)"), monitoring).stream()
        .map(a -> a.substring("alert: ".length())).collect(java.util.stream.Collectors.toSet());
    assertThat(matches(ALERT, guide)).as("alerts in the guide").isNotEmpty().isSubsetOf(alerts);

    assertThat(guide).contains(ConditionTypes.RUN_REQUESTED_AT_ANNOTATION);
  }

  @Test
  void linksBetweenTheDocumentsResolve() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(DocsFiles.userGuide(), DocsFiles.apiReference(),
        DocsFiles.root().resolve("README.md")));
    int links = 0;
    for (Path doc : documents) {
      // Code (a regular expression such as [a-z](...)) is not a link.
      Matcher m = LINK.matcher(CODE_SPAN.matcher(withoutFencedBlocks(DocsFiles.read(doc))).replaceAll(""));
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue;
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
        String where = DocsFiles.root().relativize(doc) + ": link " + target;
        assertThat(Files.exists(resolved)).as(where + " points to a missing file").isTrue();
        if (anchor != null) {
          assertThat(anchors(DocsFiles.read(resolved))).as(where + " points to a missing anchor").contains(anchor);
        }
        links++;
      }
    }
    assertThat(links).isGreaterThan(50);
  }

  // ---- helpers

  private static String withoutFencedBlocks(String markdown) {
    return FENCE.matcher(markdown).replaceAll("");
  }

  private static Set<String> matches(Pattern p, String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static List<JsonNode> yamlDocuments(String yaml) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = ApiReference.YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  /** Field paths of a schema without list markers: "spec.selectedItems.user.name". */
  private static void schemaPaths(String path, JsonNode schema, Set<String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      out.add(p);
      JsonNode f = e.getValue();
      schemaPaths(p, f.has("items") ? f.get("items") : f, out);
    }
  }

  /** Field paths an object uses, in the same form. */
  private static void instancePaths(String path, JsonNode node, Set<String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        out.add(path + "." + e.getKey());
        instancePaths(path + "." + e.getKey(), e.getValue(), out);
      });
    } else if (node.isArray()) {
      node.forEach(n -> instancePaths(path, n, out));
    }
  }

  /** Explicit HTML anchors and the ids GitHub gives headings. */
  private static Set<String> anchors(String markdown) {
    Set<String> out = new HashSet<>();
    Matcher ids = Pattern.compile("<a id=\"([^\"]+)\"").matcher(markdown);
    while (ids.find()) {
      out.add(ids.group(1));
    }
    Map<String, Integer> seen = new HashMap<>();
    Matcher headings = Pattern.compile("(?m)^#{1,6} (.+)$").matcher(withoutFencedBlocks(markdown));
    while (headings.find()) {
      String slug = headings.group(1).trim().toLowerCase(Locale.ROOT)
          .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
      int n = seen.merge(slug, 1, Integer::sum);
      out.add(n == 1 ? slug : slug + "-" + (n - 1));
    }
    return out;
  }
}
