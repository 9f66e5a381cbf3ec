package dev.vb365.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.simulator.ApiVersion;
import dev.vb365.simulator.Faults;
import dev.vb365.simulator.auth.TokenService;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.ApiRequest;
import dev.vb365.simulator.http.ApiResponse;
import dev.vb365.simulator.http.FaultInjector;
import dev.vb365.simulator.http.Json;
import dev.vb365.simulator.http.RequestCounter;
import dev.vb365.simulator.http.RouteTable;
import java.io.IOException;

/**
 * The test and demo controls under /_sim/ (no token, never faulted, not counted):
 * GET /_sim/info, GET /_sim/requests, POST /_sim/requests/reset, GET and PUT /_sim/faults,
 * GET /_sim/faults/counts, POST /_sim/faults/counts/reset, POST /_sim/tokens/revoke.
 */
public final class ControlEndpoints {
  /** Faults are read strictly: a misspelt field is an error, not a silently ignored wish. */
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final ApiVersion version;
  private final RequestCounter counter;
  private final FaultInjector faults;
  private final TokenService tokens;

  public ControlEndpoints(ApiVersion version, RequestCounter counter, FaultInjector faults, TokenService tokens) {
    this.version = version;
    this.counter = counter;
    this.faults = faults;
    this.tokens = tokens;
  }

  public void register(RouteTable routes) {
    routes.addAnonymous("GET", "/_sim/info", this::info);
    routes.addAnonymous("GET", "/_sim/requests", r -> ApiResponse.ok(Json.MAPPER.valueToTree(counter.snapshot())));
    routes.addAnonymous("POST", "/_sim/requests/reset", r -> {
      counter.reset();
      return ApiResponse.noContent();
    });
    routes.addAnonymous("GET", "/_sim/faults", r -> ApiResponse.ok(Json.MAPPER.valueToTree(faults.current())));
    routes.addAnonymous("PUT", "/_sim/faults", this::setFaults);
    routes.addAnonymous("GET", "/_sim/faults/counts", r -> ApiResponse.ok(Json.MAPPER.valueToTree(
        faults.counter().snapshot())));
    routes.addAnonymous("POST", "/_sim/faults/counts/reset", r -> {
      faults.counter().reset();
      return ApiResponse.noContent();
    });
    routes.addAnonymous("POST", "/_sim/tokens/revoke", r -> {
      tokens.revokeAll();
      faults.counter().tokensRevoked();
      return ApiResponse.noContent();
    });
  }

  private ApiResponse info(ApiRequest request) {
    ObjectNode body = Json.object();
    body.put("apiVersion", version.id());
    body.put("baseUri", request.baseUri());
    body.set("faults", Json.MAPPER.valueToTree(faults.current()));
    return ApiResponse.ok(body);
  }

  private ApiResponse setFaults(ApiRequest request) {
    JsonNode body = request.json(true);
    Faults parsed;
    try {
      parsed = STRICT.treeToValue(body, Faults.class);
    } catch (IOException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw ApiException.invalid("Invalid faults: " + (cause == e ? summary(e) : cause.getMessage()));
    }
    faults.set(parsed);
    return ApiResponse.ok(Json.MAPPER.valueToTree(parsed));
  }

  private static String summary(IOException e) {
    String m = e.getMessage();
    int nl = m == null ? -1 : m.indexOf('\n');
    return nl < 0 ? String.valueOf(m) : m.substring(0, nl);
  }
}
