package dev.vb365.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a status, an optional JSON body and extra headers. */
public record ApiResponse(int status, JsonNode body, Map<String, String> headers) {

  public static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, body, Map.of());
  }

  public static ApiResponse created(JsonNode body) {
    return new ApiResponse(201, body, Map.of());
  }

  public static ApiResponse noContent() {
    return new ApiResponse(204, null, Map.of());
  }

  public static ApiResponse of(int status, JsonNode body) {
    return new ApiResponse(status, body, Map.of());
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiResponse(status, body, h);
  }
}
