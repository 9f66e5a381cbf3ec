package dev.vb365.simulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The routes one simulator serves, looked up by method and path. */
public final class RouteTable {
  private final List<Route> routes = new ArrayList<>();

  public RouteTable add(String method, String template, Route.Handler handler) {
    routes.add(new Route(method, template, handler, false));
    return this;
  }

  public RouteTable addAnonymous(String method, String template, Route.Handler handler) {
    routes.add(new Route(method, template, handler, true));
    return this;
  }

  public List<Route> routes() {
    return List.copyOf(routes);
  }

  /** A match, or a path-only match (wrong method) flagged by a null handler map, or null. */
  public Match find(String method, String path) {
    String[] segments = (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
    if (segments.length > 0 && segments[segments.length - 1].isEmpty() && segments.length > 1) {
      segments = java.util.Arrays.copyOf(segments, segments.length - 1);
    }
    boolean pathKnown = false;
    for (Route r : routes) {
      Map<String, String> params = r.match(segments);
      if (params != null) {
        if (r.method().equalsIgnoreCase(method)) {
          return new Match(r, params, true);
        }
        pathKnown = true;
      }
    }
    return pathKnown ? new Match(null, Map.of(), false) : null;
  }

  /** The matched route and its path parameters; route is null when only the method did not fit. */
  public record Match(Route route, Map<String, String> params, boolean methodAllowed) {
  }
}
