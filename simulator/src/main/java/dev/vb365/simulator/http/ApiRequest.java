package dev.vb365.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A parsed API request: path parameters from the matched template, query parameters (names matched
 * case-insensitively, as ASP.NET binds them), headers and the raw body.
 */
public final class ApiRequest {
  private final String method;
  private final String path;
  private final Map<String, String> pathParams;
  private final Map<String, String> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final String baseUri;
  private volatile String principal;

  public ApiRequest(String method, String path, Map<String, String> pathParams, String rawQuery,
      Map<String, List<String>> headers, byte[] body, String baseUri) {
    this.method = method;
    this.path = path;
    this.pathParams = pathParams;
    this.query = parseQuery(rawQuery);
    this.headers = headers;
    this.body = body;
    this.baseUri = baseUri;
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
    }
    return out;
  }

  public static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** Scheme, host and port the client used, e.g. https://localhost:4443, for HAL links. */
  public String baseUri() {
    return baseUri;
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  public UUID pathUuid(String name) {
    return LenientObject.parseUuid(pathParams.get(name), name);
  }

  public Optional<String> query(String name) {
    return Optional.ofNullable(query.get(name.toLowerCase(Locale.ROOT)));
  }

  public Optional<Integer> queryInt(String name) {
    return query(name).filter(s -> !s.isEmpty()).map(s -> {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        throw ApiException.invalid("The value '" + s + "' of query parameter '" + name + "' is not a valid integer");
      }
    });
  }

  public Optional<Boolean> queryBool(String name) {
    return query(name).filter(s -> !s.isEmpty()).map(s -> {
      if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(s);
      }
      throw ApiException.invalid("The value '" + s + "' of query parameter '" + name + "' is not a valid boolean");
    });
  }

  public Optional<UUID> queryUuid(String name) {
    return query(name).filter(s -> !s.isEmpty()).map(s -> LenientObject.parseUuid(s, name));
  }

  public <E extends Enum<E>> Optional<E> queryEnum(String name, Class<E> type) {
    return query(name).filter(s -> !s.isEmpty()).map(s -> LenientObject.parseEnum(s, type, name));
  }

  public Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return Optional.of(e.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  public String contentType() {
    return header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
  }

  public byte[] body() {
    return body;
  }

  public boolean hasBody() {
    return body.length > 0 && !new String(body, StandardCharsets.UTF_8).isBlank();
  }

  /** The body as JSON; a body that is not JSON is a 400, as is a missing one when required. */
  public JsonNode json(boolean required) {
    if (!hasBody()) {
      if (required) {
        throw ApiException.invalid("The request body is required");
      }
      return null;
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("The request body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw ApiException.invalid("The request body cannot be read");
    }
  }

  /** The authenticated user name, set by the authentication step. */
  public String principal() {
    return principal;
  }

  public void principal(String user) {
    this.principal = user;
  }
}
