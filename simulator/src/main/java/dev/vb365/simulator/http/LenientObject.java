package dev.vb365.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A JSON object read the way the VB365 (.NET) server reads request bodies: property names are matched
 * case-insensitively, unknown properties are ignored, strings such as "true" or "5" are converted, but a
 * value that cannot be converted, an unknown enum value or a missing required field is a 400 whose
 * message names the field by its path.
 */
public final class LenientObject {
  private final ObjectNode node;
  private final String path;
  private final Map<String, String> names = new HashMap<>();

  private LenientObject(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
    }
  }

  public static LenientObject of(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw ApiException.invalid("'" + (path.isEmpty() ? "body" : path) + "' must be a JSON object");
    }
    return new LenientObject((ObjectNode) node, path);
  }

  public String path(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  public ObjectNode node() {
    return node;
  }

  /** The value of a property, or null when absent or JSON null. */
  public JsonNode raw(String name) {
    String actual = names.get(name.toLowerCase(Locale.ROOT));
    if (actual == null) {
      return null;
    }
    JsonNode value = node.get(actual);
    return value == null || value.isNull() ? null : value;
  }

  public boolean has(String name) {
    return raw(name) != null;
  }

  public Optional<String> text(String name) {
    JsonNode v = raw(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v.isContainerNode()) {
      throw ApiException.invalid("'" + path(name) + "' must be a string");
    }
    return Optional.of(v.asText());
  }

  public String requiredText(String name) {
    return text(name).filter(s -> !s.isBlank())
        .orElseThrow(() -> ApiException.invalid("'" + path(name) + "' is required"));
  }

  public Optional<Boolean> bool(String name) {
    JsonNode v = raw(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v.isBoolean()) {
      return Optional.of(v.booleanValue());
    }
    if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
      return Optional.of(Boolean.parseBoolean(v.asText()));
    }
    throw ApiException.invalid("'" + path(name) + "' must be a boolean, got " + v);
  }

  public Optional<Integer> integer(String name) {
    JsonNode v = raw(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return Optional.of(v.intValue());
    }
    if (v.isTextual()) {
      try {
        return Optional.of(Integer.parseInt(v.asText().trim()));
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw ApiException.invalid("'" + path(name) + "' must be an integer, got " + v);
  }

  public Optional<UUID> uuid(String name) {
    return text(name).map(s -> parseUuid(s, path(name)));
  }

  public UUID requiredUuid(String name) {
    return uuid(name).orElseThrow(() -> ApiException.invalid("'" + path(name) + "' is required"));
  }

  public <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
    return text(name).map(s -> parseEnum(s, type, path(name)));
  }

  public Optional<LenientObject> object(String name) {
    JsonNode v = raw(name);
    return v == null ? Optional.empty() : Optional.of(of(v, path(name)));
  }

  public Optional<List<JsonNode>> array(String name) {
    JsonNode v = raw(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isArray()) {
      throw ApiException.invalid("'" + path(name) + "' must be an array");
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return Optional.of(out);
  }

  public static UUID parseUuid(String text, String field) {
    try {
      if (text.length() == 36) {
        return UUID.fromString(text);
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw ApiException.invalid("The value '" + text + "' of '" + field + "' is not a valid UUID");
  }

  /** Enum names are matched case-insensitively, as Newtonsoft's StringEnumConverter does. */
  public static <E extends Enum<E>> E parseEnum(String text, Class<E> type, String field) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(text.trim())) {
        return e;
      }
    }
    String valid = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    throw ApiException.invalid("The value '" + text + "' of '" + field + "' is not valid. Valid values: " + valid);
  }
}
