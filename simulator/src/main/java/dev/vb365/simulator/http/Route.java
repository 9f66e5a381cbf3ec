package dev.vb365.simulator.http;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One endpoint: an HTTP method and a path template written as in the spec (e.g. /v8/Jobs/{jobId}).
 * Literal segments match case-insensitively, as ASP.NET routing does.
 */
public record Route(String method, String template, Handler handler, boolean anonymous) {

  @FunctionalInterface
  public interface Handler {
    ApiResponse handle(ApiRequest request);
  }

  /** The key under which /_sim/requests counts calls, e.g. "GET /v8/Jobs/{jobId}". */
  public String key() {
    return method + " " + template;
  }

  /** Path parameters when the path fits the template, else null. */
  public Map<String, String> match(String[] pathSegments) {
    String[] t = template.substring(1).split("/");
    if (t.length != pathSegments.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < t.length; i++) {
      if (t[i].startsWith("{")) {
        if (pathSegments[i].isEmpty()) {
          return null;
        }
        params.put(t[i].substring(1, t[i].length() - 1), ApiRequest.decode(pathSegments[i]));
      } else if (!t[i].toLowerCase(Locale.ROOT).equals(pathSegments[i].toLowerCase(Locale.ROOT))) {
        return null;
      }
    }
    return params;
  }
}
