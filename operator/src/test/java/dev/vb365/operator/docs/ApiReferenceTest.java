package dev.vb365.operator.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/api-reference.md must be exactly what {@link ApiReference} renders from the committed
 * crds/*.yml; otherwise the build fails. To refresh it after the CRDs changed:
 *
 * <pre>mvn -B -pl operator -am verify -Dvb365.updateDocs=true</pre>
 *
 * (together with -Dvb365.updateCrds=true when the CRD classes changed: then the reference is rendered
 * from the CRDs this build generated, which is what crds/ is being rewritten to).
 */
class ApiReferenceTest {

  static final String REFRESH = "mvn -B -pl operator -am verify -Dvb365.updateDocs=true";

  @Test
  void committedReferenceIsRenderedFromTheCommittedCrds() throws IOException {
    List<ApiReference.Crd> crds = Boolean.getBoolean("vb365.updateCrds") ? DocsFiles.generatedCrds()
        : DocsFiles.committedCrds();
    String rendered = ApiReference.render(crds, REFRESH);
    Path committed = DocsFiles.apiReference();
    if (Boolean.getBoolean("vb365.updateDocs")) {
      Files.createDirectories(committed.getParent());
      Files.writeString(committed, rendered);
    }
    if (!Files.exists(committed)) {
      fail("docs/api-reference.md is missing. Generate it with: " + REFRESH);
    }
    String text = DocsFiles.read(committed);
    if (!text.equals(rendered)) {
      fail("docs/api-reference.md is stale: it differs from what the committed crds/*.yml give ("
          + firstDifference(text, rendered) + "). Refresh it with: " + REFRESH);
    }
  }

  @Test
  void everyFieldOfEveryCrdHasARowWithItsDescription() {
    String reference = ApiReference.render(DocsFiles.committedCrds(), REFRESH);
    int rows = 0;
    for (ApiReference.Crd crd : DocsFiles.committedCrds()) {
      JsonNode schema = schemaOf(crd);
      for (String top : List.of("spec", "status")) {
        List<Field> fields = new ArrayList<>();
        collect(top, schema.path("properties").path(top), fields);
        for (Field f : fields) {
          assertThat(reference).as(crd.file() + " " + f.path)
              .contains("| " + ApiReference.code(f.path) + " | ");
          if (!f.description.isEmpty()) {
            assertThat(reference).as(crd.file() + " " + f.path).contains(ApiReference.text(f.description));
          }
          rows++;
        }
      }
    }
    assertThat(rows).as("fields in the CRDs").isGreaterThan(100);
  }

  @Test
  void everyCelRuleIsShownWithItsMessageOnTheObjectItAppliesTo() {
    String reference = ApiReference.render(DocsFiles.committedCrds(), REFRESH);
    int rules = 0;
    for (ApiReference.Crd crd : DocsFiles.committedCrds()) {
      String kind = crd.file().startsWith("backupjobs") ? "BackupJob"
          : crd.file().startsWith("backupcopyjobs") ? "BackupCopyJob" : "JobItem";
      String kindText = reference.substring(reference.indexOf("\n## " + kind + "\n"));
      JsonNode schema = schemaOf(crd);
      List<String[]> found = new ArrayList<>();
      rules("spec", schema.path("properties").path("spec"), found);
      for (String[] r : found) {
        String row = "| " + ApiReference.code(r[1]) + " | " + ApiReference.text(r[2]) + " |";
        // The rule's row follows the "Rules on `path`" line of the object it is attached to.
        int heading = kindText.indexOf("Rules on " + ApiReference.code(r[0]) + ":");
        assertThat(heading).as(kind + " rules on " + r[0]).isNotNegative();
        int end = kindText.indexOf("\n\n", kindText.indexOf("| --- |", heading));
        assertThat(kindText.substring(heading, end)).as(kind + " " + r[0]).contains(row);
        rules++;
      }
    }
    assertThat(rules).as("CEL rules in the CRDs").isGreaterThan(20);
  }

  @Test
  void kindsShowTheirNamesAndPrinterColumns() {
    String reference = ApiReference.render(DocsFiles.committedCrds(), REFRESH);
    assertThat(reference)
        .containsPattern("## BackupJob\n\nA Veeam Backup for Microsoft 365 \\(VB365\\) backup job, declared in "
            + "Kubernetes[^\n]+\n\n- API version")
        .contains("\n\n- API version: `backup.vb365.dev/v1alpha1` (served, storage)\n"
            + "- Kind: `BackupJob`, namespaced\n- Plural / singular: `backupjobs` / `backupjob`\n"
            + "- Short names: `bj`\n- Categories: `vb365`\n- Subresources: `status`\n\n"
            + "List them with `kubectl get backupjobs`, `kubectl get bj` or `kubectl get vb365`.\n")
        // A string: kubectl renders a date column as an age, and a future date as <invalid>.
        .contains("| Next Run | string | `.status.nextRun` | always |\n")
        .contains("| `status.eTag` | `string` |  | Version of the VB365 job as last observed")
        .contains("| Job ID | string | `.status.jobId` | `-o wide` |\n")
        .contains("## JobItem\n")
        .contains("| Item ID | string | `.status.itemId` | `-o wide` |\n")
        .contains("| Next Run | string | `.status.nextRun` | always |\n| Age | date | `.metadata.creationTimestamp` | "
            + "always |\n\n");
  }

  @Test
  void rowsShowTypeConstraintsAndRequiredness() {
    String reference = ApiReference.render(List.of(new ApiReference.Crd("test.yml", """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        spec:
          group: example.dev
          names: {kind: Widget, plural: widgets}
          scope: Cluster
          versions:
          - name: v1
            served: true
            storage: false
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [mode]
                    properties:
                      mode:
                        type: string
                        description: "How it runs: <fast> | slow"
                        enum: [Fast, Slow]
                        default: Fast
                      window:
                        type: array
                        maxItems: 64
                        items: {type: string, maxLength: 64, pattern: "^(Mon|Tue)$"}
                        x-kubernetes-validations:
                        - {rule: "size(self) > 0", message: "not empty"}
                      ratio:
                        type: number
                        minimum: 0.5
                        maximum: 2.0
                      labels:
                        type: object
                        additionalProperties: {type: string}
                      parts:
                        type: array
                        items:
                          type: object
                          required: [name]
                          properties:
                            name: {type: string, minLength: 1, maxLength: 1}
                          x-kubernetes-validations:
                          - {rule: "self.name != 'x'", message: "no x"}
        """)), "REFRESH");
    assertThat(reference)
        .contains("| `spec.mode` | `string`<br>one of `Fast`, `Slow`<br>default `Fast` | yes | "
            + "How it runs: \\<fast\\> \\| slow |\n")
        .contains("| `spec.window[]` | list of `string`<br>at most 64 items<br>each: pattern `^(Mon\\|Tue)$`"
            + "<br>each: at most 64 characters |  |  |\n")
        .contains("| `spec.ratio` | `number`<br>0.5 to 2 |  |  |\n")
        .contains("| `spec.labels` | map of `string` |  |  |\n")
        .contains("| `spec.parts[]` | list of [object](#widget-spec-parts) |  |  |\n")
        .contains("| `spec.parts[].name` | `string`<br>exactly 1 character | yes |  |\n")
        .doesNotContain("Rules on `spec.window[]`:")
        .contains("Rules on `spec.window`:\n\n| Rule | Message |\n| --- | --- |\n| `size(self) > 0` | not empty |\n")
        .contains("<a id=\"widget-spec-parts\"></a>\n\n### `spec.parts[]`\n\n")
        .contains("Rules on `spec.parts[]`:\n\n| Rule | Message |\n| --- | --- |\n| `self.name != 'x'` | no x |\n")
        .contains("- API version: `example.dev/v1` (served)\n- Kind: `Widget`, cluster\n")
        .contains("List them with `kubectl get widgets`.\n");
  }

  @Test
  void everyTableRowHasAsManyCellsAsItsHeader() {
    String reference = ApiReference.render(DocsFiles.committedCrds(), REFRESH);
    int columns = -1;
    int tables = 0;
    for (String line : reference.split("\n")) {
      if (!line.startsWith("|")) {
        columns = -1;
        continue;
      }
      int cells = line.split("(?<!\\\\)\\|", -1).length - 2;
      if (columns < 0) {
        columns = cells;
        tables++;
      } else {
        assertThat(cells).as(line).isEqualTo(columns);
      }
    }
    assertThat(tables).isGreaterThan(20);
  }

  @Test
  void outputDoesNotDependOnTheOrderOfPropertiesInTheCrd() throws IOException {
    List<ApiReference.Crd> crds = DocsFiles.committedCrds();
    List<ApiReference.Crd> reversed = new ArrayList<>();
    for (ApiReference.Crd crd : crds) {
      JsonNode root = ApiReference.YAML.readTree(crd.yaml());
      reverseProperties(root);
      reversed.add(new ApiReference.Crd(crd.file(), ApiReference.YAML.writeValueAsString(root)));
    }
    assertThat(reversed.get(0).yaml()).isNotEqualTo(crds.get(0).yaml());
    assertThat(ApiReference.render(reversed, REFRESH)).isEqualTo(ApiReference.render(crds, REFRESH));
  }

  @Test
  void aSchemaKeywordTheReferenceCannotShowFailsTheBuild() {
    ApiReference.Crd crd = new ApiReference.Crd("odd.yml", """
        spec:
          group: example.dev
          names: {kind: Odd, plural: odds}
          versions:
          - name: v1
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      port: {x-kubernetes-int-or-string: true}
        """);
    assertThatThrownBy(() -> ApiReference.render(List.of(crd), REFRESH))
        .hasMessageContaining("spec.port").hasMessageContaining("x-kubernetes-int-or-string");
  }

  @Test
  void markdownEscaping() {
    assertThat(ApiReference.code("a|b")).isEqualTo("`a\\|b`");
    assertThat(ApiReference.code("x `y` z")).isEqualTo("``x `y` z``");
    assertThat(ApiReference.text("Default: <namespace>-<name>; member* options\n  next"))
        .isEqualTo("Default: \\<namespace\\>-\\<name\\>; member\\* options next");
    assertThat(ApiReference.slug("BackupJob-spec.selectedItems[].user")).isEqualTo("backupjob-spec-selecteditems-user");
  }

  // ---- an independent walk of the schema

  record Field(String path, String description) {
  }

  private static JsonNode schemaOf(ApiReference.Crd crd) {
    try {
      return ApiReference.YAML.readTree(crd.yaml()).at("/spec/versions/0/schema/openAPIV3Schema");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(String path, JsonNode schema, List<Field> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode f = e.getValue();
      boolean list = f.path("type").asText().equals("array");
      String p = path + "." + e.getKey() + (list ? "[]" : "");
      out.add(new Field(p, f.path("description").asText("")));
      collect(p, list ? f.path("items") : f, out);
    }
  }

  /** [object path, rule, message] of every rule, the object path as the reference names it. */
  private static void rules(String path, JsonNode schema, List<String[]> out) {
    for (JsonNode r : schema.path("x-kubernetes-validations")) {
      out.add(new String[] {path, r.path("rule").asText(), r.path("message").asText()});
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      rules(path + "." + e.getKey(), e.getValue(), out);
    }
    if (schema.has("items")) {
      rules(path + "[]", schema.get("items"), out);
    }
  }

  private static void reverseProperties(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.get("properties") instanceof ObjectNode props) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        props.fields().forEachRemaining(entries::add);
        props.removeAll();
        for (int i = entries.size() - 1; i >= 0; i--) {
          props.set(entries.get(i).getKey(), entries.get(i).getValue());
        }
      }
      object.elements().forEachRemaining(ApiReferenceTest::reverseProperties);
    } else if (node != null && node.isArray()) {
      node.elements().forEachRemaining(ApiReferenceTest::reverseProperties);
    }
  }

  private static String firstDifference(String committed, String generated) {
    String[] a = committed.split("\n", -1);
    String[] b = generated.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String left = i < a.length ? a[i] : "<end of file>";
      String right = i < b.length ? b[i] : "<end of file>";
      if (!left.equals(right)) {
        return "line " + (i + 1) + ": committed \"" + abbreviate(left) + "\", generated \"" + abbreviate(right) + "\"";
      }
    }
    return "line endings";
  }

  private static String abbreviate(String line) {
    String t = line.trim();
    return t.length() > 120 ? t.substring(0, 117) + "..." : t;
  }
}
