package dev.vb365.operator.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders docs/api-reference.md from CRD YAML, so the reference says exactly what the API server
 * enforces and what {@code kubectl explain} shows. Per kind: names, printer columns, then one
 * section per object of the schema (spec, status and every nested object or list item), each a
 * table of its fields and the CEL rules that apply there.
 *
 * <p>Output is deterministic: CRDs in the order given, properties sorted by name, enum values,
 * rules and printer columns in schema order (the order kubectl uses). A schema keyword this class
 * does not render is an error, so the reference can never silently leave a constraint out.
 */
final class ApiReference {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  /** Keywords of a schema node that are rendered (or, for structure, walked). */
  private static final Set<String> SCHEMA_KEYWORDS = Set.of("type", "description", "properties", "items", "required",
      "enum", "pattern", "format", "default", "nullable", "minimum", "maximum", "minLength", "maxLength", "minItems",
      "maxItems", "additionalProperties", "x-kubernetes-validations", "x-kubernetes-preserve-unknown-fields");
  private static final Set<String> RULE_KEYWORDS = Set.of("rule", "message", "messageExpression", "reason",
      "fieldPath");
  /** The fields every Kubernetes object has; the schema of a CRD does not describe them. */
  private static final Set<String> ENVELOPE = Set.of("apiVersion", "kind", "metadata");

  /** One CRD: the file it comes from (for messages) and its YAML. */
  record Crd(String file, String yaml) {
  }

  private ApiReference() {
  }

  /** The whole document for these CRDs, in this order. */
  static String render(List<Crd> crds, String refreshCommand) {
    List<KindDoc> kinds = new ArrayList<>();
    for (Crd crd : crds) {
      kinds.add(KindDoc.of(crd));
    }
    StringBuilder out = new StringBuilder();
    out.append("<!-- Generated from crds/*.yml by operator/src/test/java/dev/vb365/operator/docs/ApiReference.java. "
        + "Do not edit: refresh with ").append(refreshCommand).append(" -->\n\n");
    out.append("# API reference\n\n");
    out.append("The custom resources of the vb365-operator, generated from the CustomResourceDefinitions in "
        + "[`crds/`](../crds/) (the same ones the Helm chart installs). The build fails when this page and the "
        + "CRDs disagree. How to use them: the [user guide](user-guide.md).\n\n");
    out.append("Fields are named by their full path; `[]` stands for every entry of a list. `apiVersion`, `kind` "
        + "and `metadata` are the standard fields of every Kubernetes object and are not repeated. Rules are CEL "
        + "expressions (`x-kubernetes-validations`) the API server checks on every create and update; `self` is "
        + "the object the rule is attached to. The operator checks the same rules again and reports a violation "
        + "as reason `InvalidSpec`.\n\n");
    out.append("## Contents\n\n");
    for (KindDoc kind : kinds) {
      out.append("- [").append(kind.kind).append("](#").append(kind.anchor).append(")\n");
      for (Section s : kind.sections) {
        out.append("  ".repeat(s.depth + 1)).append("- [").append(s.title).append("](#").append(s.anchor)
            .append(")\n");
      }
    }
    for (KindDoc kind : kinds) {
      out.append('\n').append(kind.body);
    }
    return out.toString();
  }

  /** A heading in the contents. */
  private record Section(String title, String anchor, int depth) {
  }

  /** Everything about one kind: its sections (for the contents) and its text. */
  private static final class KindDoc {
    final String kind;
    final String anchor;
    final List<Section> sections = new ArrayList<>();
    final Set<String> anchors = new HashSet<>();
    final StringBuilder body = new StringBuilder();

    private KindDoc(String kind) {
      this.kind = kind;
      this.anchor = slug(kind);
    }

    static KindDoc of(Crd crd) {
      JsonNode root;
      try {
        root = YAML.readTree(crd.yaml());
      } catch (IOException e) {
        throw new UncheckedIOException(crd.file() + " is not YAML", e);
      }
      JsonNode spec = root.path("spec");
      JsonNode names = spec.path("names");
      String kind = required(crd, names, "kind");
      JsonNode versions = spec.path("versions");
      if (versions.size() != 1) {
        throw new IllegalStateException(crd.file() + " has " + versions.size() + " versions; the API reference "
            + "documents exactly one version per kind: teach ApiReference about several");
      }
      JsonNode version = versions.get(0);
      KindDoc doc = new KindDoc(kind);
      doc.header(crd, spec, names, version);
      doc.printerColumns(version.path("additionalPrinterColumns"));
      JsonNode schema = version.path("schema").path("openAPIV3Schema");
      if (schema.isMissingNode()) {
        throw new IllegalStateException(crd.file() + " has no openAPIV3Schema");
      }
      TreeMap<String, JsonNode> top = properties(schema);
      ENVELOPE.forEach(top::remove);
      for (var e : top.entrySet()) {
        doc.field(null, e.getKey(), e.getValue(), 0);
      }
      return doc;
    }

    private void header(Crd crd, JsonNode spec, JsonNode names, JsonNode version) {
      String group = required(crd, spec, "group");
      String plural = required(crd, names, "plural");
      body.append("## ").append(kind).append("\n\n");
      String description = version.path("schema").path("openAPIV3Schema").path("description").asText("");
      if (!description.isBlank()) {
        body.append(description.strip()).append("\n\n"); // what kubectl explain shows first
      }
      body.append("- API version: `").append(group).append('/').append(required(crd, version, "name")).append('`');
      List<String> state = new ArrayList<>();
      if (version.path("served").asBoolean(false)) {
        state.add("served");
      }
      if (version.path("storage").asBoolean(false)) {
        state.add("storage");
      }
      if (version.path("deprecated").asBoolean(false)) {
        state.add("deprecated");
      }
      if (!state.isEmpty()) {
        body.append(" (").append(String.join(", ", state)).append(')');
      }
      body.append('\n');
      body.append("- Kind: `").append(kind).append("`, ").append(spec.path("scope").asText("Namespaced").toLowerCase(
          Locale.ROOT)).append('\n');
      body.append("- Plural / singular: `").append(plural).append("` / `")
          .append(names.path("singular").asText(kind.toLowerCase(Locale.ROOT))).append("`\n");
      List<String> shortNames = texts(names.path("shortNames"));
      body.append("- Short names: ").append(shortNames.isEmpty() ? "none" : codeList(shortNames)).append('\n');
      List<String> categories = texts(names.path("categories"));
      body.append("- Categories: ").append(categories.isEmpty() ? "none" : codeList(categories)).append('\n');
      List<String> subresources = new ArrayList<>();
      version.path("subresources").fieldNames().forEachRemaining(subresources::add);
      body.append("- Subresources: ").append(subresources.isEmpty() ? "none" : codeList(subresources)).append("\n\n");
      List<String> gets = new ArrayList<>();
      gets.add("`kubectl get " + plural + "`");
      shortNames.forEach(n -> gets.add("`kubectl get " + n + "`"));
      categories.forEach(c -> gets.add("`kubectl get " + c + "`"));
      body.append("List them with ").append(String.join(", ", gets.subList(0, gets.size() - 1)))
          .append(gets.size() > 1 ? " or " : "").append(gets.get(gets.size() - 1)).append(".\n\n");
    }

    private void printerColumns(JsonNode columns) {
      if (columns.isEmpty()) {
        return;
      }
      String anchor = slug(kind + "-printer-columns");
      addSection("Printer columns", anchor, 0);
      body.append("<a id=\"").append(anchor).append("\"></a>\n\n### Printer columns\n\n");
      body.append("`kubectl get` shows these columns after NAME, in this order; those marked `-o wide` only with "
          + "`kubectl get -o wide`.\n\n");
      boolean described = false;
      for (JsonNode c : columns) {
        described |= c.hasNonNull("description");
      }
      body.append("| Column | Type | JSONPath | Shown |").append(described ? " Description |" : "").append('\n');
      body.append("| --- | --- | --- | --- |").append(described ? " --- |" : "").append('\n');
      for (JsonNode c : columns) {
        body.append("| ").append(text(c.path("name").asText())).append(" | ").append(c.path("type").asText())
            .append(c.hasNonNull("format") ? " (" + c.path("format").asText() + ")" : "")
            .append(" | ").append(code(c.path("jsonPath").asText())).append(" | ")
            .append(c.path("priority").asInt(0) == 0 ? "always" : "`-o wide`").append(" |");
        if (described) {
          body.append(' ').append(text(c.path("description").asText(""))).append(" |");
        }
        body.append('\n');
      }
      body.append('\n');
    }

    /**
     * A property that gets its own section: an object with properties, or a list of such objects.
     * Other properties are rows of their parent's table only.
     */
    private void field(String parentPath, String name, JsonNode schema, int depth) {
      String path = parentPath == null ? name : parentPath + "." + name;
      checkKeywords(path, schema);
      if (isObjectWithFields(schema)) {
        objectSection(path, schema, schema.path("description").asText(""), depth);
      } else if (isList(schema) && isObjectWithFields(schema.get("items"))) {
        checkKeywords(path + "[]", schema.get("items"));
        objectSection(path + "[]", schema.get("items"), schema.path("description").asText(""), depth);
      } else if (parentPath == null) {
        throw new IllegalStateException("top-level field " + path + " is not an object with fields");
      }
    }

    private void objectSection(String path, JsonNode schema, String intro, int depth) {
      String anchor = anchorOf(path);
      if (!anchors.add(anchor)) {
        throw new IllegalStateException("two sections of " + kind + " would share the anchor " + anchor);
      }
      addSection("`" + path + "`", anchor, depth);
      body.append("<a id=\"").append(anchor).append("\"></a>\n\n### `").append(path).append("`\n\n");
      if (!intro.isBlank()) {
        body.append(text(intro)).append("\n\n");
      }
      Set<String> required = new HashSet<>(texts(schema.path("required")));
      TreeMap<String, JsonNode> fields = properties(schema);
      body.append("| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n");
      for (var e : fields.entrySet()) {
        JsonNode f = e.getValue();
        checkKeywords(path + "." + e.getKey(), f);
        String rowPath = path + "." + e.getKey() + (isList(f) ? "[]" : "");
        body.append("| ").append(code(rowPath)).append(" | ").append(typeCell(rowPath, f)).append(" | ")
            .append(required.contains(e.getKey()) ? "yes" : "").append(" | ")
            .append(text(f.path("description").asText(""))).append(" |\n");
      }
      for (String name : required) {
        if (!fields.containsKey(name)) {
          throw new IllegalStateException(path + " requires " + name + ", which it does not define");
        }
      }
      body.append('\n');
      rules(path, schema);
      for (var e : fields.entrySet()) {
        JsonNode f = e.getValue();
        String fieldPath = path + "." + e.getKey();
        boolean ownSection = isObjectWithFields(f) || (isList(f) && isObjectWithFields(f.get("items")));
        // Rules on a field without a section of its own are shown here, next to its row; so are the
        // rules on a list as a whole (the rules on its entries belong to the entries' section).
        if (!ownSection || isList(f)) {
          rules(fieldPath, f);
        }
        if (!ownSection && isList(f)) {
          checkKeywords(fieldPath + "[]", f.get("items"));
          rules(fieldPath + "[]", f.get("items"));
        }
      }
      for (var e : fields.entrySet()) {
        field(path, e.getKey(), e.getValue(), depth + 1);
      }
    }

    private void rules(String path, JsonNode schema) {
      JsonNode rules = schema.path("x-kubernetes-validations");
      if (rules.isEmpty()) {
        return;
      }
      body.append("Rules on ").append(code(path)).append(":\n\n| Rule | Message |\n| --- | --- |\n");
      for (JsonNode rule : rules) {
        rule.fieldNames().forEachRemaining(k -> {
          if (!RULE_KEYWORDS.contains(k)) {
            throw new IllegalStateException("a rule on " + path + " uses " + k
                + ", which the API reference does not render: teach ApiReference about it");
          }
        });
        List<String> message = new ArrayList<>();
        if (rule.hasNonNull("message")) {
          message.add(text(rule.get("message").asText()));
        }
        if (rule.hasNonNull("messageExpression")) {
          message.add("message expression " + code(rule.get("messageExpression").asText()));
        }
        if (rule.hasNonNull("fieldPath")) {
          message.add("field " + code(rule.get("fieldPath").asText()));
        }
        if (rule.hasNonNull("reason")) {
          message.add("reason " + code(rule.get("reason").asText()));
        }
        body.append("| ").append(code(rule.path("rule").asText())).append(" | ").append(String.join("; ", message))
            .append(" |\n");
      }
      body.append('\n');
    }

    private String typeCell(String rowPath, JsonNode schema) {
      List<String> lines = new ArrayList<>();
      if (isList(schema)) {
        JsonNode items = schema.get("items");
        if (isList(items)) {
          throw new IllegalStateException(rowPath + " is a list of lists, which the API reference does not render");
        }
        lines.add("list of " + typeName(rowPath, items));
        lines.addAll(constraints(schema, ""));
        lines.addAll(constraints(items, "each: "));
      } else {
        lines.add(typeName(rowPath, schema));
        lines.addAll(constraints(schema, ""));
      }
      return String.join("<br>", lines);
    }

    private String typeName(String path, JsonNode schema) {
      if (isObjectWithFields(schema)) {
        return "[object](#" + anchorOf(path) + ")";
      }
      String type = schema.path("type").asText("");
      if (type.equals("object") && schema.has("additionalProperties")) {
        JsonNode values = schema.get("additionalProperties");
        if (values.isBoolean()) {
          return values.asBoolean() ? "map of any values" : "object with no fields";
        }
        if (isObjectWithFields(values) || isList(values)) {
          throw new IllegalStateException(path + " is a map of structured values, which the API reference does "
              + "not render");
        }
        checkKeywords(path + "{}", values);
        return "map of " + typeName(path, values);
      }
      if (type.equals("object") && schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
        return "object (any fields)";
      }
      if (type.isEmpty()) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
          return "any value";
        }
        throw new IllegalStateException(path + " has no type");
      }
      return "`" + type + "`" + (schema.hasNonNull("format") ? " (" + schema.get("format").asText() + ")" : "");
    }

    private static List<String> constraints(JsonNode schema, String prefix) {
      List<String> out = new ArrayList<>();
      if (schema.has("enum")) {
        List<String> values = new ArrayList<>();
        schema.get("enum").forEach(v -> values.add(code(v.isTextual() ? v.asText() : v.toString())));
        out.add(prefix + "one of " + String.join(", ", values));
      }
      if (schema.hasNonNull("pattern")) {
        out.add(prefix + "pattern " + code(schema.get("pattern").asText()));
      }
      String length = range(schema.get("minLength"), schema.get("maxLength"), "character");
      if (length != null) {
        out.add(prefix + length);
      }
      String count = range(schema.get("minItems"), schema.get("maxItems"), "item");
      if (count != null) {
        out.add(prefix + count);
      }
      String value = range(schema.get("minimum"), schema.get("maximum"), null);
      if (value != null) {
        out.add(prefix + value);
      }
      if (schema.path("nullable").asBoolean(false)) {
        out.add(prefix + "may be null");
      }
      if (schema.has("default")) {
        JsonNode d = schema.get("default");
        out.add(prefix + "default " + code(d.isTextual() ? d.asText() : json(d)));
      }
      return out;
    }

    /** "1 to 255 characters", "at most 5000 items", "-720 to 840"; null without bounds. */
    private static String range(JsonNode min, JsonNode max, String unit) {
      if (min == null && max == null) {
        return null;
      }
      String lo = min == null ? null : number(min);
      String hi = max == null ? null : number(max);
      String text;
      if (lo != null && hi != null) {
        text = lo.equals(hi) ? "exactly " + lo : lo + " to " + hi;
      } else if (lo != null) {
        text = "at least " + lo;
      } else {
        text = "at most " + hi;
      }
      if (unit == null) {
        return text;
      }
      String bound = hi != null ? hi : lo;
      return text + " " + unit + (bound.equals("1") ? "" : "s");
    }

    private void addSection(String title, String anchor, int depth) {
      sections.add(new Section(title, anchor, depth));
    }

    private String anchorOf(String path) {
      return slug(kind + "-" + path);
    }
  }

  // ---- schema helpers

  private static boolean isObjectWithFields(JsonNode schema) {
    return schema != null && schema.path("properties").size() > 0;
  }

  private static boolean isList(JsonNode schema) {
    return schema != null && schema.path("type").asText("").equals("array") && schema.has("items");
  }

  private static TreeMap<String, JsonNode> properties(JsonNode schema) {
    TreeMap<String, JsonNode> sorted = new TreeMap<>();
    schema.path("properties").fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static void checkKeywords(String path, JsonNode schema) {
    schema.fieldNames().forEachRemaining(k -> {
      if (!SCHEMA_KEYWORDS.contains(k)) {
        throw new IllegalStateException("the schema of " + path + " uses " + k
            + ", which the API reference does not render: teach ApiReference about it");
      }
    });
  }

  private static String required(Crd crd, JsonNode node, String field) {
    String value = node.path(field).asText("");
    if (value.isEmpty()) {
      throw new IllegalStateException(crd.file() + " has no " + field);
    }
    return value;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** A schema number as people write it: 840 rather than 840.0. */
  private static String number(JsonNode n) {
    return new BigDecimal(n.asText()).stripTrailingZeros().toPlainString();
  }

  private static String json(JsonNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- Markdown

  /** An HTML id: lower case letters, digits and single hyphens. */
  static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  private static String codeList(List<String> values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(code(v)));
    return String.join(", ", out);
  }

  /**
   * A code span safe inside a table cell: fenced with more backticks than it contains, and pipes
   * escaped (GitHub-flavoured Markdown splits cells on every unescaped pipe, even in code).
   */
  static String code(String s) {
    int longest = 0;
    int run = 0;
    for (char c : s.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
    return fence + pad + s.replace("|", "\\|") + pad + fence;
  }

  /** Plain text safe inside a table cell: Markdown punctuation escaped, whitespace on one line. */
  static String text(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.strip().replaceAll("\\s+", " ").toCharArray()) {
      if ("\\`*_[]<>|&".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
