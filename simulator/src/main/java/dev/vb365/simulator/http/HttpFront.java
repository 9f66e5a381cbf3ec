package dev.vb365.simulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.vb365.simulator.auth.TokenService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP(S) listener. For each API request, in order: count it by route template, inject faults, find
 * the route (404/405 otherwise), check the bearer token (and antiforgery token), run the handler and write
 * the answer (unless a lost-response fault drops it); errors become RESTExceptionInfo bodies. Paths under /_sim/ go to the control routes: no
 * token, no faults, not counted.
 */
public final class HttpFront implements AutoCloseable {
  /** Enough threads for many concurrent long polls of GET /Events. */
  public static final int THREADS = 200;
  private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, each keep-alive
    // response then waits for the client's delayed ACK (about 40 ms). Read once, before the first server.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final RouteTable api;
  private final RouteTable control;
  private final TokenService tokens;
  private final FaultInjector faults;
  private final RequestCounter counter;
  private final Function<ApiException, ObjectNode> errorBody;
  private final String scheme;
  private final MalformedBodies malformed = new MalformedBodies();

  public HttpFront(InetSocketAddress address, TlsMaterial tls, RouteTable api, RouteTable control, TokenService tokens,
      FaultInjector faults, RequestCounter counter, Function<ApiException, ObjectNode> errorBody) throws IOException {
    this.api = api;
    this.control = control;
    this.tokens = tokens;
    this.faults = faults;
    this.counter = counter;
    this.errorBody = errorBody;
    if (tls == null) {
      server = HttpServer.create(address, 256);
      scheme = "http";
    } else {
      HttpsServer https = HttpsServer.create(address, 256);
      https.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
      server = https;
      scheme = "https";
    }
    AtomicInteger n = new AtomicInteger();
    executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "vb365-sim-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String scheme() {
    return scheme;
  }

  /** Rules that replace successful API answers with malformed bodies (none unless a test adds some). */
  public MalformedBodies malformedBodies() {
    return malformed;
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (path.startsWith("/_sim/") || path.equals("/_sim")) {
        dispatch(exchange, control, method, path, body, false, true);
        return;
      }
      RouteTable.Match match = api.find(method, path);
      String route = match != null && match.route() != null ? match.route().key() : method + " (unmatched)";
      counter.count(route);
      switch (faults.apply(path, route)) {
        case RESET -> {
          // Closing an exchange before sending headers closes the connection: the client sees it dropped.
          return;
        }
        case ERROR -> {
          int status = faults.current().errorStatusOrDefault();
          Integer retryAfter = faults.current().retryAfterSeconds();
          write(exchange, status, errorBody.apply(new ApiException(status, null,
              "Simulated fault: the server answered " + status + " instead of processing the request")),
              retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter.toString()));
          return;
        }
        case LOSE_RESPONSE -> dispatch(exchange, api, method, path, body, true, false);
        default -> dispatch(exchange, api, method, path, body, true, true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.debug("I/O error while serving a request: {}", e.toString());
    } catch (RuntimeException e) {
      LOG.error("Unexpected error while serving a request", e);
    }
  }

  /** Runs the request; with {@code answer} false the outcome is not sent (the connection closes unanswered). */
  private void dispatch(HttpExchange exchange, RouteTable routes, String method, String path, byte[] body,
      boolean authenticate, boolean answer) throws IOException {
    ApiResponse response;
    try {
      RouteTable.Match match = routes.find(method, path);
      if (match == null) {
        throw new ApiException(404, null, "No HTTP resource was found that matches the request URI '" + path + "'");
      }
      if (match.route() == null) {
        throw new ApiException(405, null, "The requested resource does not support http method '" + method + "'");
      }
      String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host"))
          .orElse("localhost:" + port());
      ApiRequest request = new ApiRequest(method, path, match.params(), exchange.getRequestURI().getRawQuery(),
          exchange.getRequestHeaders(), body, scheme + "://" + host);
      if (authenticate && !match.route().anonymous()) {
        authenticate(request);
      }
      response = match.route().handler().handle(request);
    } catch (ApiException e) {
      if (!answer) {
        return;
      }
      write(exchange, e.status(), errorBody.apply(e), e.status() == 401
          ? Map.of("WWW-Authenticate", "Bearer") : e.headers());
      return;
    }
    if (answer) {
      Optional<MalformedBodies.Kind> broken = authenticate ? malformed.kindFor(path, response.status())
          : Optional.empty();
      if (broken.isPresent()) {
        MalformedBodies.write(exchange, response.status(), response.body(), response.headers(), broken.get());
      } else {
        write(exchange, response.status(), response.body(), response.headers());
      }
    }
  }

  private void authenticate(ApiRequest request) {
    String header = request.header("Authorization").orElse("");
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiException(401, null, "Authorization has been denied for this request: no bearer token");
    }
    TokenService.Grant grant = tokens.authenticate(header.substring(7).trim()).orElseThrow(() ->
        new ApiException(401, null, "Authorization has been denied for this request: the token is invalid or expired"));
    if (grant.antiforgeryToken() != null && !SAFE_METHODS.contains(request.method())
        && !grant.antiforgeryToken().equals(request.header("X-XSRF-TOKEN").orElse(null))) {
      throw new ApiException(400, null, "The antiforgery token is missing or invalid: send the X-XSRF-TOKEN header "
          + "returned with the access token, or request tokens with disable_antiforgery_token=true");
    }
    request.principal(grant.user());
  }

  private static void write(HttpExchange exchange, int status, com.fasterxml.jackson.databind.JsonNode body,
      Map<String, String> headers) throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
