package dev.vb365.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a GET or LIST response as the meta.k8s.io/v1 Table that `kubectl get` asks for, the way the real
 * API server does for custom resources: a Name column, then the CRD's additionalPrinterColumns evaluated
 * against each object (dates rendered as ages). The mock server has no Table support, so without this kubectl
 * would show only names.
 */
final class PrinterColumnTable {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** `.a.b`, `.a[0]`, `.a[?(@.k=="v")].b` (spaces around == allowed): the JSONPath subset printer columns use. */
  private static final Pattern STEP = Pattern.compile(
      "\\.([A-Za-z0-9_-]+)|\\[(\\d+)]|\\[\\?\\(@\\.([A-Za-z0-9_-]+)\\s*==\\s*[\"']([^\"']*)[\"']\\)]");

  private PrinterColumnTable() {}

  static String render(JsonNode response, JsonNode crdVersionOrNull, Instant now) {
    List<JsonNode> columns = new ArrayList<>();
    if (crdVersionOrNull != null && crdVersionOrNull.has("additionalPrinterColumns")) {
      crdVersionOrNull.get("additionalPrinterColumns").forEach(columns::add);
    } else {
      columns.add(JSON.createObjectNode().put("name", "Age").put("type", "date")
          .put("jsonPath", ".metadata.creationTimestamp"));
    }
    ObjectNode table = JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", response.path("metadata").path("resourceVersion").asText(""));
    ArrayNode definitions = table.putArray("columnDefinitions");
    definitions.addObject().put("name", "Name").put("type", "string").put("format", "name")
        .put("description", "Name of the resource").put("priority", 0);
    for (JsonNode column : columns) {
      definitions.addObject().put("name", column.path("name").asText()).put("type", column.path("type").asText("string"))
          .put("format", column.path("format").asText("")).put("description", column.path("description").asText(""))
          .put("priority", column.path("priority").asInt(0));
    }
    ArrayNode rows = table.putArray("rows");
    List<JsonNode> objects = new ArrayList<>();
    if (response.has("items")) {
      response.get("items").forEach(objects::add);
    } else {
      objects.add(response);
    }
    for (JsonNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(object.path("metadata").path("name").asText());
      for (JsonNode column : columns) {
        JsonNode value = evaluate(object, column.path("jsonPath").asText());
        if (value == null || value.isMissingNode() || value.isNull()) {
          cells.addNull();
        } else if ("date".equals(column.path("type").asText())) {
          cells.add(age(value.asText(), now));
        } else if (value.isValueNode()) {
          cells.add(value);
        } else {
          cells.add(value.toString());
        }
      }
      ObjectNode partial = row.putObject("object").put("kind", "PartialObjectMetadata")
          .put("apiVersion", "meta.k8s.io/v1");
      partial.set("metadata", object.path("metadata"));
    }
    return table.toString();
  }

  static JsonNode evaluate(JsonNode root, String path) {
    JsonNode current = root;
    Matcher m = STEP.matcher(path.trim());
    int consumed = 0;
    while (m.find()) {
      if (m.start() != consumed) {
        return null;
      }
      consumed = m.end();
      if (m.group(1) != null) {
        current = current.path(m.group(1));
      } else if (m.group(2) != null) {
        current = current.path(Integer.parseInt(m.group(2)));
      } else {
        JsonNode match = null;
        for (JsonNode element : current) {
          if (m.group(4).equals(element.path(m.group(3)).asText(null))) {
            match = element;
            break;
          }
        }
        if (match == null) {
          return null;
        }
        current = match;
      }
    }
    return consumed == path.trim().length() ? current : null;
  }

  /** Human-readable age as kubectl prints it: 45s, 12m, 5h, 3d. */
  static String age(String timestamp, Instant now) {
    try {
      Duration d = Duration.between(Instant.parse(timestamp), now);
      if (d.isNegative()) {
        return "in " + age(now.toString(), Instant.parse(timestamp));
      }
      long s = d.getSeconds();
      if (s < 120) {
        return s + "s";
      }
      if (s < 3 * 3600) {
        return (s / 60) + "m";
      }
      if (s < 2 * 86400) {
        return (s / 3600) + "h";
      }
      return (s / 86400) + "d";
    } catch (DateTimeParseException e) {
      return timestamp;
    }
  }
}
