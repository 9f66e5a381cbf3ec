package dev.vb365.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAPI v3 as a Kubernetes API server serves it ({@code /openapi/v3}, then one document per group version), for
 * what kubectl does with it: {@code kubectl explain} reads the field descriptions of the CRDs' schemas, and {@code
 * kubectl apply} checks that the PATCH operation of each kind takes {@code fieldValidation} (then it leaves the
 * validation to the server, which the embedded API does for custom resources with {@link UnknownFields}). The
 * built-in kinds people apply to the demo (Namespace, Secret, ConfigMap) get permissive schemas: the embedded API
 * does not validate them.
 */
final class OpenApiDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Built-in kinds of the core group version that kubectl may apply here: plural, kind, namespaced. */
  private static final List<String[]> CORE = List.of(new String[] {"namespaces", "Namespace", "false"},
      new String[] {"secrets", "Secret", "true"}, new String[] {"configmaps", "ConfigMap", "true"});

  private OpenApiDocuments() {
  }

  /** The documents by path ("api/v1", "apis/{group}/{version}"), built from the CRDs stored now. */
  static Map<String, String> documents(List<JsonNode> crds) {
    Map<String, String> docs = new LinkedHashMap<>();
    ObjectNode core = document();
    for (String[] kind : CORE) {
      addKind(core, "", "v1", kind[0], kind[1], Boolean.parseBoolean(kind[2]),
          JSON.createObjectNode().put("type", "object").put("x-kubernetes-preserve-unknown-fields", true));
    }
    docs.put("api/v1", core.toString());
    Map<String, ObjectNode> byGroupVersion = new LinkedHashMap<>();
    for (JsonNode crd : crds) {
      JsonNode spec = crd.path("spec");
      String group = spec.path("group").asText();
      for (JsonNode version : spec.path("versions")) {
        if (!version.path("served").asBoolean(true)) {
          continue;
        }
        ObjectNode doc = byGroupVersion.computeIfAbsent("apis/" + group + "/" + version.path("name").asText(),
            k -> document());
        ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
        ObjectNode properties = schema.withObjectProperty("properties");
        properties.putObject("apiVersion").put("type", "string").put("description", "APIVersion defines the "
            + "versioned schema of this representation of an object.");
        properties.putObject("kind").put("type", "string").put("description", "Kind is a string value "
            + "representing the REST resource this object represents.");
        properties.putObject("metadata").put("type", "object").put("description", "Standard object's metadata.");
        addKind(doc, group, version.path("name").asText(), spec.path("names").path("plural").asText(),
            spec.path("names").path("kind").asText(), "Namespaced".equals(spec.path("scope").asText()), schema);
      }
    }
    byGroupVersion.forEach((path, doc) -> docs.put(path, doc.toString()));
    return docs;
  }

  /** The index kubectl reads first: each group version and where its document is, with a content hash. */
  static String index(Map<String, String> documents) {
    ObjectNode index = JSON.createObjectNode();
    ObjectNode paths = index.putObject("paths");
    documents.forEach((path, doc) -> paths.putObject(path).put("serverRelativeURL", "/openapi/v3/" + path + "?hash="
        + hash(doc)));
    return index.toString();
  }

  /** The document for a request path such as "/openapi/v3/apis/backup.vb365.dev/v1alpha1". */
  static Optional<String> document(String requestPath, List<JsonNode> crds) {
    return Optional.ofNullable(documents(crds).get(requestPath.replaceFirst("^/openapi/v3/", "")));
  }

  private static ObjectNode document() {
    ObjectNode doc = JSON.createObjectNode().put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Kubernetes (vb365 demo's embedded API)").put("version", "v1");
    doc.putObject("paths");
    doc.putObject("components").putObject("schemas");
    return doc;
  }

  private static void addKind(ObjectNode doc, String group, String version, String plural, String kind,
      boolean namespaced, ObjectNode schema) {
    List<String> parts = new java.util.ArrayList<>(List.of(group.split("\\.")));
    java.util.Collections.reverse(parts);
    String reversedGroup = group.isEmpty() ? "io.k8s.api.core" : String.join(".", parts);
    String schemaName = reversedGroup + "." + version + "." + kind;
    ArrayNode gvk = schema.putArray("x-kubernetes-group-version-kind");
    gvk.addObject().put("group", group).put("version", version).put("kind", kind);
    ((ObjectNode) doc.path("components").path("schemas")).set(schemaName, schema);
    String base = (group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version)
        + (namespaced ? "/namespaces/{namespace}/" : "/") + plural + "/{name}";
    ObjectNode patch = ((ObjectNode) doc.path("paths")).putObject(base).putObject("patch");
    patch.putObject("x-kubernetes-group-version-kind").put("group", group).put("version", version).put("kind", kind);
    patch.putArray("parameters").addObject().put("name", "fieldValidation").put("in", "query")
        .put("description", "Strict: refuse unknown fields (the embedded API checks custom resources only)")
        .putObject("schema").put("type", "string");
    patch.putObject("responses").putObject("200").put("description", "OK").putObject("content")
        .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/" + schemaName);
  }

  private static String hash(String doc) {
    try {
      return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(doc.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
