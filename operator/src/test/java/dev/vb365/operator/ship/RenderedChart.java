package dev.vb365.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** The objects `helm template` renders from the chart for one set of values, parsed from YAML. */
final class RenderedChart {

  static final String RELEASE = "vb365";
  static final String NAMESPACE = "vb365-system";
  static final String FULLNAME = "vb365-vb365-operator";
  static final ObjectMapper YAML = new YAMLMapper();

  private final List<JsonNode> objects;

  private RenderedChart(List<JsonNode> objects) {
    this.objects = objects;
  }

  /** Renders with the chart's defaults plus {@code valuesYaml} (may be empty). */
  static RenderedChart template(String valuesYaml) {
    return parse(withValuesFile(valuesYaml, file -> {
      TemplateCommand command = new Helm(RepositoryLayout.chart()).template()
          .withName(RELEASE).withNamespace(NAMESPACE);
      return (file == null ? command : command.withValuesFile(file)).call();
    }));
  }

  /** Renders with a values file from the test resources (src/test/resources/ship/NAME). */
  static RenderedChart templateResource(String name) {
    return template(resource(name));
  }

  static String resource(String name) {
    try (var in = RenderedChart.class.getResourceAsStream("/ship/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource ship/" + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  interface HelmCall<T> {
    T call(Path valuesFile);
  }

  /** Runs a Helm command with the values written to a temporary file (null when there are none). */
  static <T> T withValuesFile(String valuesYaml, HelmCall<T> call) {
    if (valuesYaml == null || valuesYaml.isBlank()) {
      return call.call(null);
    }
    Path file = null;
    try {
      file = Files.createTempFile("vb365-values-", ".yaml");
      Files.writeString(file, valuesYaml);
      return call.call(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        file.toFile().delete();
      }
    }
  }

  private static RenderedChart parse(String manifests) {
    try {
      List<JsonNode> objects = new ArrayList<>();
      try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(manifests)) {
        while (documents.hasNext()) {
          JsonNode document = documents.next();
          if (document != null && !document.isNull() && !document.isMissingNode()) {
            objects.add(document);
          }
        }
      }
      return new RenderedChart(List.copyOf(objects));
    } catch (IOException e) {
      throw new AssertionError("helm template produced YAML that does not parse:\n" + manifests, e);
    }
  }

  List<JsonNode> all() {
    return objects;
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  JsonNode one(String kind) {
    List<JsonNode> found = ofKind(kind);
    assertThat(found).as("exactly one %s", kind).hasSize(1);
    return found.get(0);
  }

  JsonNode named(String kind, String name) {
    return ofKind(kind).stream()
        .filter(o -> name.equals(o.path("metadata").path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + kinds()));
  }

  JsonNode named(String kind, String name, String namespace) {
    return ofKind(kind).stream()
        .filter(o -> name.equals(o.path("metadata").path("name").asText()))
        .filter(o -> namespace.equals(o.path("metadata").path("namespace").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + namespace + "/" + name + " in " + kinds()));
  }

  /** Kinds and names, for failure messages. */
  List<String> kinds() {
    return objects.stream()
        .map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText())
        .toList();
  }

  JsonNode deployment() {
    return one("Deployment");
  }

  JsonNode operatorContainer() {
    JsonNode containers = deployment().path("spec").path("template").path("spec").path("containers");
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  /** The value of an env var of the operator container; null when it is set from a reference. */
  String env(String name) {
    return StreamSupport.stream(operatorContainer().path("env").spliterator(), false)
        .filter(e -> name.equals(e.path("name").asText()))
        .findFirst()
        .map(e -> e.has("value") ? e.get("value").asText() : null)
        .orElseThrow(() -> new AssertionError("env var " + name + " not set"));
  }

  JsonNode envVar(String name) {
    return StreamSupport.stream(operatorContainer().path("env").spliterator(), false)
        .filter(e -> name.equals(e.path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("env var " + name + " not set"));
  }
}
