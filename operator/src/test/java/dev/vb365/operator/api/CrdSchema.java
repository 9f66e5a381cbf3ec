package dev.vb365.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Kubernetes API server would check of a BackupJob or JobItem, done here because the mock
 * API server checks nothing: the openAPIV3Schema of the committed CRD (strict: unknown fields are
 * errors, as with kubectl's default field validation) and its CEL rules, evaluated with CEL-Java.
 */
final class CrdSchema {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final CelCompiler CEL = CelCompilerFactory.standardCelCompilerBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("self", SimpleType.DYN)
      .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  final String file;
  final JsonNode openApiSchema;
  private final Schema strictSchema;

  private CrdSchema(String file) {
    this.file = file;
    try {
      JsonNode crd = YAML.readTree(RepositoryFiles.read(RepositoryFiles.crdCopies(file).get(0)));
      this.openApiSchema = crd.at("/spec/versions/0/schema/openAPIV3Schema");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode strict = openApiSchema.deepCopy();
    // The envelope every object has; the CRD schema lists only spec and status.
    ObjectNode props = (ObjectNode) strict.get("properties");
    props.putObject("apiVersion").put("type", "string");
    props.putObject("kind").put("type", "string");
    props.putObject("metadata").put("type", "object");
    forbidUnknownFields(strict);
    strictSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(strict);
  }

  static CrdSchema forKind(String kind) {
    return switch (kind) {
      case "BackupJob" -> new CrdSchema("backupjobs.backup.vb365.dev-v1.yml");
      case "JobItem" -> new CrdSchema("jobitems.backup.vb365.dev-v1.yml");
      case "BackupCopyJob" -> new CrdSchema("backupcopyjobs.backup.vb365.dev-v1.yml");
      default -> throw new IllegalArgumentException("no CRD for kind " + kind);
    };
  }

  private static void forbidUnknownFields(JsonNode schema) {
    if (schema instanceof ObjectNode object) {
      if (object.has("properties") && !object.has("x-kubernetes-preserve-unknown-fields")
          && !object.has("additionalProperties")) {
        object.put("additionalProperties", false);
      }
      object.elements().forEachRemaining(CrdSchema::forbidUnknownFields);
    } else if (schema != null && schema.isArray()) {
      schema.elements().forEachRemaining(CrdSchema::forbidUnknownFields);
    }
  }

  /** Schema violations, as "path: message". */
  List<String> schemaErrors(JsonNode object) {
    List<String> out = new ArrayList<>();
    strictSchema.validate(object).forEach(e -> out.add(e.getInstanceLocation() + ": " + e.getMessage()));
    return out;
  }

  /** A CEL rule at a place of the schema. */
  record Rule(String schemaPath, String rule, String message, List<String> properties) {
  }

  /** Every x-kubernetes-validations rule of the schema. */
  List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    collectRules(openApiSchema, "", rules);
    return rules;
  }

  private static void collectRules(JsonNode schema, String path, List<Rule> out) {
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      List<String> properties = new ArrayList<>();
      schema.path("properties").fieldNames().forEachRemaining(properties::add);
      out.add(new Rule(path, rule.path("rule").asText(), rule.path("message").asText(), properties));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      collectRules(e.getValue(), path + "." + e.getKey(), out);
    }
    if (schema.has("items")) {
      collectRules(schema.get("items"), path + "[]", out);
    }
  }

  static CelRuntime.Program compile(String rule) throws CelValidationException, CelEvaluationException {
    return RUNTIME.createProgram(CEL.compile(rule).getAst());
  }

  /** The messages of the CEL rules the object breaks, as "path: message". */
  List<String> celFailures(JsonNode object) {
    List<String> out = new ArrayList<>();
    evaluate(openApiSchema, object, "", out);
    return out;
  }

  private static void evaluate(JsonNode schema, JsonNode instance, String path, List<String> out) {
    if (instance == null || instance.isMissingNode() || instance.isNull()) {
      return;
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      try {
        Object result = compile(rule.path("rule").asText()).eval(Map.of("self", toCel(instance)));
        if (!Boolean.TRUE.equals(result)) {
          out.add(path + ": " + rule.path("message").asText());
        }
      } catch (CelValidationException | CelEvaluationException e) {
        out.add(path + ": rule " + rule.path("rule").asText() + " cannot be evaluated: " + e.getMessage());
      }
    }
    if (instance.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        evaluate(e.getValue(), instance.get(e.getKey()), path + "." + e.getKey(), out);
      }
    }
    if (instance.isArray() && schema.has("items")) {
      for (int i = 0; i < instance.size(); i++) {
        evaluate(schema.get("items"), instance.get(i), path + "[" + i + "]", out);
      }
    }
  }

  /** JSON to the values CEL-Java understands: maps, lists, Long, Double, String, Boolean. */
  static Object toCel(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), toCel(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(toCel(n)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asText();
  }

  static JsonNode emptyObject() {
    return JsonNodeFactory.instance.objectNode();
  }
}
