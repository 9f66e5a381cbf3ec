package dev.vb365.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A server that answers successful API calls with a body a client must not trust: an HTML page, JSON
 * cut short, a body of many megabytes, enum values no version of VB365 has, or nulls where values
 * belong. Rules match the request path (a regular expression searched in it) and only touch 2xx
 * answers; errors, faults and /_sim/ are left alone. For tests of a client's and an operator's
 * handling of broken servers; kept apart from {@code Faults}, which are about the network.
 */
public final class MalformedBodies {

  /** What the body becomes. */
  public enum Kind {
    /** An HTML sign-in page with status 200 (a proxy or portal in front of the API). */
    HTML,
    /** The first half of the JSON, with a Content-Length that says so. */
    TRUNCATED,
    /** Valid JSON of {@link #HUGE_BYTES} bytes, streamed: a list padded with thousands of objects. */
    HUGE,
    /** Every enum-like field (type, backupType, ...) set to a value no VB365 version knows. */
    UNKNOWN_ENUM,
    /** Every field of the answer's objects (the page's results) set to null. */
    NULLS
  }

  /** Bytes of a {@link Kind#HUGE} body: well beyond any answer VB365 gives to one call. */
  public static final long HUGE_BYTES = 40L * 1024 * 1024;
  /** The value {@link Kind#UNKNOWN_ENUM} writes. */
  public static final String UNKNOWN_ENUM_VALUE = "FutureKind2030";
  private static final Set<String> ENUM_FIELDS = Set.of("type", "backupType", "scheduleType", "dailyType",
      "periodicallyEvery", "lastStatus", "status", "retentionPeriodType", "itemType");

  private record Rule(Pattern path, Kind kind) {
  }

  private final List<Rule> rules = new CopyOnWriteArrayList<>();

  /** Adds a rule: successful answers to paths matching {@code pathPattern} get a body of this kind. */
  public void add(String pathPattern, Kind kind) {
    rules.add(new Rule(Pattern.compile(pathPattern), kind));
  }

  public void clear() {
    rules.clear();
  }

  Optional<Kind> kindFor(String path, int status) {
    if (status < 200 || status > 299) {
      return Optional.empty();
    }
    return rules.stream().filter(r -> r.path().matcher(path).find()).map(Rule::kind).findFirst();
  }

  /** Writes the malformed answer instead of {@code body}. */
  static void write(com.sun.net.httpserver.HttpExchange exchange, int status, JsonNode body, Map<String, String> headers,
      Kind kind) throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    switch (kind) {
      case HTML -> send(exchange, status, "text/html; charset=utf-8", ("<!DOCTYPE html><html><head><title>Sign in"
          + "</title></head><body><form action=\"/login\"><input name=\"user\"></form></body></html>")
          .getBytes(StandardCharsets.UTF_8));
      case TRUNCATED -> {
        byte[] whole = Json.MAPPER.writeValueAsBytes(body == null ? Json.object() : body);
        send(exchange, status, "application/json; charset=utf-8",
            java.util.Arrays.copyOf(whole, Math.max(1, whole.length / 2)));
      }
      case HUGE -> huge(exchange, status);
      case UNKNOWN_ENUM -> send(exchange, status, "application/json; charset=utf-8",
          Json.MAPPER.writeValueAsBytes(unknownEnums(body == null ? Json.object() : body.deepCopy())));
      case NULLS -> send(exchange, status, "application/json; charset=utf-8",
          Json.MAPPER.writeValueAsBytes(nulls(body == null ? Json.object() : body.deepCopy())));
      default -> throw new IllegalStateException(kind.name());
    }
  }

  private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String type, byte[] bytes)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Streamed (chunked), so the simulator never holds it: a client that stops reading ends it. */
  private static void huge(com.sun.net.httpserver.HttpExchange exchange, int status) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, 0);
    byte[] open = "{\"offset\":0,\"limit\":1000,\"results\":[".getBytes(StandardCharsets.UTF_8);
    byte[] element = ("{\"id\":\"00000000-0000-4000-8000-000000000000\",\"name\":\"" + "x".repeat(1000) + "\"},")
        .getBytes(StandardCharsets.UTF_8);
    byte[] close = "{\"id\":\"00000000-0000-4000-8000-000000000001\",\"name\":\"last\"}]}"
        .getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(open);
      for (long written = open.length; written < HUGE_BYTES; written += element.length) {
        out.write(element);
      }
      out.write(close);
    }
  }

  private static JsonNode unknownEnums(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (ENUM_FIELDS.contains(field.getKey()) && field.getValue().isTextual()) {
          field.setValue(TextNode.valueOf(UNKNOWN_ENUM_VALUE));
        } else {
          unknownEnums(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(MalformedBodies::unknownEnums);
    }
    return node;
  }

  /** The page's results (or the list's elements, or the object itself) with every field null. */
  private static JsonNode nulls(JsonNode node) {
    JsonNode targets = node.has("results") ? node.get("results") : node;
    if (targets instanceof ArrayNode array) {
      array.forEach(MalformedBodies::nullFields);
    } else {
      nullFields(targets);
    }
    return node;
  }

  private static void nullFields(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new java.util.ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      names.stream().filter(n -> !n.equals("_links")).forEach(object::putNull);
    }
  }
}
