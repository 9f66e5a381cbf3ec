package dev.vb365.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vb365.simulator.testsupport.OpenApiContract;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small test client for a running simulator. It trusts the simulator's CA (host names verified), logs
 * in once, and, when given a contract, checks every response it receives, and every request not marked
 * as deliberately invalid, against the official spec: so each behaviour test is also a fidelity test.
 */
final class SimClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Simulator simulator;
  private final HttpClient http;
  private final OpenApiContract contract;
  private String accessToken;
  private int requestsValidated;
  private int responsesValidated;

  record Response(int status, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  SimClient(Simulator simulator, OpenApiContract contract) {
    this.simulator = simulator;
    this.contract = contract;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (simulator.caCertificateFile() != null) {
      builder.sslContext(trusting(simulator));
    }
    this.http = builder.build();
  }

  private static SSLContext trusting(Simulator simulator) {
    try (InputStream in = Files.newInputStream(simulator.caCertificateFile())) {
      X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("vb365-simulator-ca", ca);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String v() {
    return "/" + simulator.apiVersion();
  }

  /** Logs in with the password grant (JSON body, antiforgery disabled) unless already logged in. */
  String token() {
    if (accessToken == null) {
      Response r = send("POST", v() + "/token", Map.of("Content-Type", "application/json"),
          "{\"grant_type\":\"password\",\"username\":\"" + simulator.username() + "\",\"password\":\""
              + simulator.password() + "\"" + (simulator.apiVersion().equals("v6") ? "" : ",\"disable_antiforgery_token\":true")
              + "}", true);
      if (r.status() != 200) {
        throw new AssertionError("login failed: " + r);
      }
      accessToken = r.json().get("access_token").asText();
    }
    return accessToken;
  }

  void forgetToken() {
    accessToken = null;
  }

  Response get(String path) {
    return call("GET", path, null);
  }

  Response post(String path, Object body) {
    return call("POST", path, body);
  }

  Response put(String path, Object body) {
    return call("PUT", path, body);
  }

  Response delete(String path) {
    return call("DELETE", path, null);
  }

  /** An authenticated call whose request is expected to conform to the spec. */
  Response call(String method, String path, Object body) {
    return send(method, path, authJson(body), text(body), true);
  }

  /** An authenticated call with a request that deliberately breaks the spec; only the response is checked. */
  Response callInvalid(String method, String path, Object body) {
    return send(method, path, authJson(body), text(body), false);
  }

  /** An authenticated call to something the spec does not have (a path or method of another version): nothing is checked. */
  Response callOutsideSpec(String method, String path, Object body) {
    return send(method, path, authJson(body), text(body), false, false);
  }

  private Map<String, String> authJson(Object body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + token());
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    return headers;
  }

  private static String text(Object body) {
    if (body == null || body instanceof String) {
      return (String) body;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Sends anything; validates the request when {@code checkRequest} and the response when a contract is set. */
  Response send(String method, String path, Map<String, String> headers, String body, boolean checkRequest) {
    return send(method, path, headers, body, checkRequest, true);
  }

  private Response send(String method, String path, Map<String, String> headers, String body, boolean checkRequest,
      boolean checkResponse) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUri() + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Response r = new Response(response.statusCode(), response.headers().map(), response.body());
    if (contract != null && checkResponse && !path.startsWith("/_sim/")) {
      if (checkRequest) {
        contract.assertConforms("Request " + method + " " + path + " " + body,
            contract.requestProblems(method, path, headers, body));
        requestsValidated++;
      }
      Map<String, String> responseHeaders = new LinkedHashMap<>();
      response.headers().firstValue("Content-Type").ifPresent(ct -> responseHeaders.put("Content-Type", ct));
      contract.assertConforms("Response " + r.status() + " to " + method + " " + path + ": " + r.body(),
          contract.responseProblems(method, path, r.status(), responseHeaders, r.body()));
      responsesValidated++;
    }
    return r;
  }

  /** Requests this client checked against the spec (and found conforming) so far. */
  int requestsValidated() {
    return requestsValidated;
  }

  /** Responses this client checked against the spec (and found conforming) so far. */
  int responsesValidated() {
    return responsesValidated;
  }

  @Override
  public String toString() {
    return "SimClient[" + simulator.baseUri() + "]";
  }
}
