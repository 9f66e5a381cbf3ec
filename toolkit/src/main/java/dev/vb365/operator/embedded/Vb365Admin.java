package dev.vb365.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.simulator.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Someone who changes VB365 jobs directly through the REST API (as the VB365 console does), behind the
 * operator's back: plain HTTPS calls with a bearer token, deliberately not the operator's client. The demo uses
 * it to cause drift, tests to create jobs before an export. It records the calls it makes by the simulator's
 * route keys, so that a summary of the simulator's request counts can leave them out.
 */
public final class Vb365Admin {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUri;
  private final String username;
  private final String password;
  private final HttpClient http;
  private final String v;
  private final Map<String, Long> calls = new TreeMap<>();
  private String token;

  public Vb365Admin(Simulator simulator) {
    this(simulator.baseUri(), simulator.apiVersion(), simulator.username(), simulator.password(),
        simulator.caCertificateFile());
  }

  /** For a simulator in another process (the benchmark's): its base URI, version, credentials and CA file. */
  public Vb365Admin(URI baseUri, String apiVersion, String username, String password, java.nio.file.Path caFile) {
    this.baseUri = baseUri;
    this.username = username;
    this.password = password;
    this.v = "/" + apiVersion;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (caFile != null) {
      builder.sslContext(trusting(caFile));
    }
    this.http = builder.build();
  }

  /** The API calls made so far, as the simulator counts them ("PUT /v8/Jobs/{jobId}" = 1). */
  public synchronized Map<String, Long> callsMade() {
    return Map.copyOf(calls);
  }

  public JsonNode organization(String name) {
    return findByName(list(v + "/Organizations", v + "/Organizations"), "name", name, "organization");
  }

  public JsonNode repository(String name) {
    return findByName(list(v + "/BackupRepositories", v + "/BackupRepositories"), "name", name, "repository");
  }

  public JsonNode user(String organizationId, String upn) {
    return findByName(list(v + "/Organizations/" + organizationId + "/Users?userName=" + encode(upn),
        v + "/Organizations/{organizationId}/Users"), "name", upn, "user");
  }

  public JsonNode group(String organizationId, String name) {
    return findByName(list(v + "/Organizations/" + organizationId + "/Groups?groupName=" + encode(name),
        v + "/Organizations/{organizationId}/Groups"), "name", name, "group");
  }

  public JsonNode site(String organizationId, String url) {
    return findByName(list(v + "/Organizations/" + organizationId + "/Sites", v + "/Organizations/{organizationId}/Sites"),
        "url", url, "site");
  }

  /** The teams of that display name (several when the name is not unique). */
  public List<JsonNode> teams(String organizationId, String displayName) {
    return list(v + "/Organizations/" + organizationId + "/Teams?displayName=" + encode(displayName),
        v + "/Organizations/{organizationId}/Teams").stream()
        .filter(t -> displayName.equalsIgnoreCase(t.path("displayName").asText())).toList();
  }

  public JsonNode job(String jobId) {
    return send("GET", v + "/Jobs/" + jobId, v + "/Jobs/{jobId}", null);
  }

  /** The jobs VB365 has with exactly this name. */
  public List<JsonNode> jobsNamed(String name) {
    return list(v + "/Jobs?limit=10000", v + "/Jobs").stream().filter(j -> name.equals(j.path("name").asText()))
        .toList();
  }

  /**
   * POST /v8/Jobs with the body as given (organizationId, repositoryId, name, items, schedulePolicy, ...); on v6 and
   * v7, which create jobs under their organization, POST /{v}/Organizations/{organizationId}/Jobs.
   */
  public JsonNode createJob(ObjectNode body) {
    if (!"/v8".equals(v)) {
      return send("POST", v + "/Organizations/" + body.path("organizationId").asText() + "/Jobs",
          v + "/Organizations/{organizationId}/Jobs", body);
    }
    return send("POST", v + "/Jobs", v + "/Jobs", body);
  }

  /** Every backup copy job VB365 has (one listing). */
  public List<JsonNode> copyJobs() {
    return list(v + "/CopyJobs?limit=10000", v + "/CopyJobs");
  }

  /** POST /{v}/CopyJobs with the body as given (backupJobId, organizationId on v8, repositoryId, schedulePolicy). */
  public JsonNode createCopyJob(ObjectNode body) {
    return send("POST", v + "/CopyJobs", v + "/CopyJobs", body);
  }

  /** PUT /{v}/CopyJobs/{id} with the body as given (v8: the settings it has are changed). */
  public void editCopyJob(String copyJobId, ObjectNode body) {
    send("PUT", v + "/CopyJobs/" + copyJobId, v + "/CopyJobs/{id}", body);
  }

  public void deleteCopyJob(String copyJobId) {
    send("DELETE", v + "/CopyJobs/" + copyJobId, v + "/CopyJobs/{id}", null);
  }

  /** PUT /v8/Jobs/{id}: VB365 changes only the fields the body has. */
  public void editJob(String jobId, ObjectNode body) {
    send("PUT", v + "/Jobs/" + jobId, v + "/Jobs/{jobId}", body);
  }

  /** GET of any API path (with its query), e.g. "/v8/Jobs?limit=10000", for checks against VB365's state. */
  public JsonNode get(String pathAndQuery) {
    return send("GET", pathAndQuery, pathAndQuery.split("\\?", 2)[0], null);
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  private List<JsonNode> list(String path, String route) {
    JsonNode answer = send("GET", path, route, null);
    List<JsonNode> out = new ArrayList<>();
    (answer.isArray() ? answer : answer.path("results")).forEach(out::add);
    return out;
  }

  private static JsonNode findByName(List<JsonNode> list, String field, String name, String what) {
    List<JsonNode> found = list.stream().filter(n -> name.equalsIgnoreCase(n.path(field).asText())).toList();
    if (found.size() != 1) {
      throw new IllegalStateException(found.size() + " " + what + "s named " + name);
    }
    return found.get(0);
  }

  private JsonNode send(String method, String path, String route, JsonNode body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + token())
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = exchange(request.build(), method + " " + route);
    if (response.statusCode() == 401) {
      // The token was revoked or expired (the simulator can do both on purpose): log in again, once.
      synchronized (this) {
        token = null;
      }
      response = exchange(request.setHeader("Authorization", "Bearer " + token()).build(), method + " " + route);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
          + response.body());
    }
    return parse(response.body());
  }

  private synchronized String token() {
    if (token == null) {
      String form = Map.of("grant_type", "password", "username", username, "password",
              password, "disable_antiforgery_token", "true").entrySet().stream()
          .map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + v + "/token"))
          .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build();
      HttpResponse<String> response = exchange(request, "POST " + v + "/token");
      if (response.statusCode() != 200) {
        throw new IllegalStateException("login to the simulator failed: HTTP " + response.statusCode());
      }
      token = parse(response.body()).path("access_token").asText();
    }
    return token;
  }

  private HttpResponse<String> exchange(HttpRequest request, String routeKey) {
    synchronized (this) {
      calls.merge(routeKey, 1L, Long::sum);
    }
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A TLS context that trusts exactly the CA in this PEM file (the simulator's). */
  public static SSLContext trusting(java.nio.file.Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("vb365-simulator-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust the simulator's CA: " + e.getMessage(), e);
    }
  }
}
