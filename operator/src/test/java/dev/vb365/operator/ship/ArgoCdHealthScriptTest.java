package dev.vb365.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.operator.ship.ArgoCdHealthCheck.HealthStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luaj.vm2.LuaError;

/** Every case of every health_test.yaml, run through its health.lua in a Lua interpreter. */
class ArgoCdHealthScriptTest {

  private static final List<String> KINDS = List.of("BackupJob", "JobItem", "BackupCopyJob");

  record Case(String kind, String inputPath, HealthStatus expected) {
  }

  @TestFactory
  Stream<DynamicTest> healthTestCases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String kind : KINDS) {
      String script = Files.readString(dir(kind).resolve("health.lua"));
      for (Case c : cases(kind)) {
        tests.add(DynamicTest.dynamicTest(kind + " " + c.inputPath(), () -> {
          Map<String, Object> resource = RenderedChart.YAML.readValue(
              dir(kind).resolve(c.inputPath()).toFile(), new TypeReference<Map<String, Object>>() { });
          assertThat(resource.get("kind")).isEqualTo(kind);
          assertThat(ArgoCdHealthCheck.run(script, resource)).isEqualTo(c.expected());
        }));
      }
    }
    return tests.stream();
  }

  @ParameterizedTest
  @ValueSource(strings = {"BackupJob", "JobItem", "BackupCopyJob"})
  void everyTestdataFileIsATestCaseAndEveryHealthIsCovered(String kind) throws IOException {
    List<Case> cases = cases(kind);
    Set<String> referenced = cases.stream().map(Case::inputPath).collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(dir(kind).resolve("testdata"))) {
      assertThat(files.map(f -> "testdata/" + f.getFileName())).containsExactlyInAnyOrderElementsOf(referenced);
    }
    assertThat(cases).extracting(c -> c.expected().status())
        .contains("Healthy", "Progressing", "Degraded")
        .allMatch(s -> Set.of("Healthy", "Progressing", "Degraded", "Suspended", "Missing", "Unknown").contains(s));
    assertThat(cases).allSatisfy(c -> assertThat(c.expected().message()).as(c.inputPath()).isNotBlank());
  }

  /** Hand-written testdata drifts from what the operator writes; at least its reasons must be real ones. */
  @ParameterizedTest
  @ValueSource(strings = {"BackupJob", "JobItem", "BackupCopyJob"})
  void testdataUsesOnlyReasonsTheOperatorWrites(String kind) throws Exception {
    Set<String> reasons = new java.util.HashSet<>();
    for (java.lang.reflect.Field field : dev.vb365.operator.controller.Reasons.class.getFields()) {
      reasons.add((String) field.get(null));
    }
    try (Stream<Path> files = Files.list(dir(kind).resolve("testdata"))) {
      for (Path file : files.toList()) {
        for (JsonNode condition : RenderedChart.YAML.readTree(file.toFile()).path("status").path("conditions")) {
          assertThat(condition.path("reason").asText()).as(file.getFileName() + " " + condition.path("type"))
              .isIn(reasons);
        }
      }
    }
  }

  /** A kind whose health check is in examples/argocd but not in KINDS would go untested. */
  @Test
  void everyHealthCheckDirectoryIsTested() throws IOException {
    try (Stream<Path> dirs = Files.list(RepositoryLayout.healthChecks())) {
      assertThat(dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(KINDS);
    }
  }

  @Test
  void scriptsDoNotNeedTheStringLibraryArgoCdLacks() {
    // A script that used string.format or ("x"):find would fail in Argo CD; the sandbox above
    // has no string library either, so such a script fails here too.
    String usesStrings = "local hs = {}\nhs.status = string.format('%s', 'Healthy')\nreturn hs\n";
    assertThatThrownBy(() -> ArgoCdHealthCheck.run(usesStrings, Map.of("kind", "BackupJob")))
        .isInstanceOf(LuaError.class);
  }

  static Path dir(String kind) {
    return RepositoryLayout.healthChecks().resolve(kind);
  }

  static List<Case> cases(String kind) throws IOException {
    JsonNode tests = RenderedChart.YAML.readTree(dir(kind).resolve("health_test.yaml").toFile()).path("tests");
    List<Case> cases = new ArrayList<>();
    for (JsonNode test : tests) {
      JsonNode health = test.path("healthStatus");
      cases.add(new Case(kind, test.path("inputPath").asText(),
          new HealthStatus(health.path("status").asText(), health.path("message").asText(""))));
    }
    assertThat(cases).as("%s/health_test.yaml has tests", kind).isNotEmpty();
    return cases;
  }
}
