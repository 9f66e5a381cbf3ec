package dev.vb365.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.simulator.ApiVersion;
import dev.vb365.simulator.auth.TokenService;
import dev.vb365.simulator.auth.TokenThrottle;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.ApiRequest;
import dev.vb365.simulator.http.ApiResponse;
import dev.vb365.simulator.http.Json;
import dev.vb365.simulator.http.LenientObject;
import dev.vb365.simulator.http.RouteTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * POST /{v}/token with the password and refresh_token grants, as form or JSON body. From v7, unless the
 * client sends disable_antiforgery_token=true, the tokens are bound to an antiforgery token returned in
 * the XSRF-TOKEN cookie and the X-XSRF-TOKEN header; requests that change something must then echo it in
 * the X-XSRF-TOKEN header.
 */
public final class TokenEndpoint {
  public static final String ANTIFORGERY_HEADER = "X-XSRF-TOKEN";

  private final ApiVersion version;
  private final TokenService tokens;
  private final TokenThrottle throttle;
  private final BooleanSupplier throttled;
  private Runnable onThrottled = () -> { };
  private final String username;
  private final String password;

  public TokenEndpoint(ApiVersion version, TokenService tokens, TokenThrottle throttle, BooleanSupplier throttled,
      String username, String password) {
    this.version = version;
    this.tokens = tokens;
    this.throttle = throttle;
    this.throttled = throttled;
    this.username = username;
    this.password = password;
  }

  /** Called for each request refused with 429 (the simulator counts them). */
  public TokenEndpoint onThrottled(Runnable action) {
    this.onThrottled = action;
    return this;
  }

  public void register(RouteTable routes) {
    routes.addAnonymous("POST", version.prefix() + "/token", this::token);
  }

  private ApiResponse token(ApiRequest request) {
    if (throttled.getAsBoolean()) {
      Optional<Duration> wait = throttle.acquire();
      if (wait.isPresent()) {
        onThrottled.run();
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        throw new ApiException(429, null, "Quota Exceeded", Map.of("Retry-After", Long.toString(seconds)));
      }
    }
    LenientObject body = LenientObject.of(parse(request), "");
    String grant = body.requiredText("grant_type");
    boolean antiforgery = version.hasAntiforgery() && !body.bool("disable_antiforgery_token").orElse(false);
    TokenService.Issued issued = switch (grant) {
      case "password" -> {
        String user = body.requiredText("username");
        String pass = body.requiredText("password");
        if (!constantTimeEquals(user, username) || !constantTimeEquals(pass, password)) {
          throw new ApiException(400, null, "invalid_grant: the user name or password is incorrect");
        }
        yield tokens.issue(username, antiforgery);
      }
      case "refresh_token" -> tokens.refresh(body.requiredText("refresh_token"), antiforgery).orElseThrow(() ->
          new ApiException(400, null, "invalid_grant: the refresh token is invalid, expired or already used"));
      case "urn:ietf:params:oauth:grant-type:jwt-bearer", "operator" -> throw ApiException.invalid(
          "The grant type '" + grant + "' of 'grant_type' is not supported by the simulator");
      default -> throw ApiException.invalid("The value '" + grant + "' of 'grant_type' is not valid. Valid values: "
          + "password, refresh_token, urn:ietf:params:oauth:grant-type:jwt-bearer, operator");
    };
    ObjectNode out = Json.object();
    out.put("access_token", issued.accessToken());
    out.put("token_type", "bearer");
    out.put("expires_in", issued.expiresInSeconds());
    out.put("refresh_token", issued.refreshToken());
    out.put("userName", issued.grant().user());
    out.put(".issued", Json.time(issued.grant().issued()));
    out.put(".expires", Json.time(issued.grant().expires()));
    ApiResponse response = ApiResponse.ok(out);
    if (issued.grant().antiforgeryToken() != null) {
      response = response.withHeader("Set-Cookie", "XSRF-TOKEN=" + issued.grant().antiforgeryToken() + "; Path=/; Secure")
          .withHeader(ANTIFORGERY_HEADER, issued.grant().antiforgeryToken());
    }
    return response;
  }

  private static JsonNode parse(ApiRequest request) {
    if (request.contentType().startsWith("application/x-www-form-urlencoded")) {
      ObjectNode form = Json.object();
      String raw = new String(request.body(), StandardCharsets.UTF_8);
      for (String pair : raw.split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          form.put(ApiRequest.decode(eq < 0 ? pair : pair.substring(0, eq)),
              eq < 0 ? "" : ApiRequest.decode(pair.substring(eq + 1)));
        }
      }
      return form;
    }
    return request.json(true);
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
