package dev.vb365.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.simulator.ApiVersion;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.ApiRequest;
import dev.vb365.simulator.http.ApiResponse;
import dev.vb365.simulator.http.Json;
import dev.vb365.simulator.http.RouteTable;
import dev.vb365.simulator.store.EventLog;

/**
 * GET /v8/Events?from=&lt;token|latest&gt;&amp;limit&amp;timeoutSeconds: the long-polling change feed.
 * limit defaults to 30 (at most 10,000); timeoutSeconds defaults to 0 (answer at once) and may be at most 600.
 */
public final class EventEndpoints {
  static final int MAX_TIMEOUT_SECONDS = 600;

  private final ApiVersion version;
  private final EventLog events;

  public EventEndpoints(ApiVersion version, EventLog events) {
    this.version = version;
    this.events = events;
  }

  public void register(RouteTable routes) {
    if (version.hasEtagsAndEvents()) {
      routes.add("GET", version.prefix() + "/Events", this::events);
    }
  }

  private ApiResponse events(ApiRequest request) {
    String from = request.query("from").filter(s -> !s.isBlank())
        .orElseThrow(() -> ApiException.invalid("Query parameter 'from' is required: a change token or 'latest'"));
    Paging paging = Paging.of(request);
    if (paging.offset() != 0) {
      throw ApiException.invalid("Query parameter 'offset' is not supported by this resource");
    }
    int timeout = request.queryInt("timeoutSeconds").orElse(0);
    if (timeout < 0 || timeout > MAX_TIMEOUT_SECONDS) {
      throw ApiException.invalid("The value " + timeout + " of query parameter 'timeoutSeconds' must be between 0 and "
          + MAX_TIMEOUT_SECONDS);
    }
    EventLog.Page page;
    try {
      page = events.read(from, paging.limit(), timeout * 1000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, null, "The server is shutting down");
    }
    ObjectNode body = Json.object();
    body.put("nextChangeToken", page.nextChangeToken());
    body.put("limit", paging.limit());
    ArrayNode results = body.putArray("results");
    page.events().forEach(results::add);
    return ApiResponse.ok(body);
  }
}
