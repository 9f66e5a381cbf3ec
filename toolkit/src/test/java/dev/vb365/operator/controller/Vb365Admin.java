package dev.vb365.operator.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A VB365 administrator changing jobs behind the operator's back: plain HTTPS calls with a token of
 * its own (JDK HTTP client, not the operator's VB365 client), as someone in the VB365 console would.
 */
final class Vb365Admin {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Simulator simulator;
  private final String v;
  private final HttpClient http;
  private final Map<String, Long> writes = new ConcurrentHashMap<>();
  private String token;

  Vb365Admin(Simulator simulator) {
    this.simulator = simulator;
    this.v = "/" + simulator.apiVersion();
    this.http = HttpClient.newBuilder().sslContext(trusting(simulator)).build();
  }

  private static SSLContext trusting(Simulator simulator) {
    try (InputStream pem = Files.newInputStream(simulator.caCertificateFile())) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String token() {
    if (token == null) {
      String form = "grant_type=password&username=" + enc(simulator.username()) + "&password="
          + enc(simulator.password()) + "&disable_antiforgery_token=true";
      JsonNode answer = send(HttpRequest.newBuilder(uri(v + "/token"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), false);
      token = answer.path("access_token").asText();
    }
    return token;
  }

  JsonNode get(String path) {
    return send(authorized(path).GET().build(), true);
  }

  void put(String path, JsonNode body) {
    send(authorized(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build(), true);
  }

  JsonNode post(String path, JsonNode body) {
    return send(authorized(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), true);
  }

  void delete(String path) {
    send(authorized(path).DELETE().build(), true);
  }

  JsonNode job(String jobId) {
    return get(v + "/Jobs/" + jobId);
  }

  List<JsonNode> jobs() {
    return list(get(v + "/Jobs?limit=10000"));
  }

  /** The entries of a v8 page or of a v6/v7 array. */
  static List<JsonNode> list(JsonNode pageOrArray) {
    List<JsonNode> out = new ArrayList<>();
    (pageOrArray.isArray() ? pageOrArray : pageOrArray.path("results")).forEach(out::add);
    return out;
  }

  List<JsonNode> jobsNamed(String name) {
    return jobs().stream().filter(j -> name.equalsIgnoreCase(j.path("name").asText())).toList();
  }

  List<JsonNode> items(String jobId, String list) {
    return list(get(v + "/Jobs/" + jobId + "/" + list + "?limit=10000"));
  }

  /** Changes the job's settings as the console would: GET, change, PUT of the settings. */
  void editJob(String jobId, Consumer<ObjectNode> change) {
    JsonNode job = job(jobId);
    ObjectNode body = JSON.createObjectNode();
    for (String field : List.of("name", "description", "repositoryId", "backupType", "isEnabled", "schedulePolicy")) {
      if (job.has(field)) {
        body.set(field, job.get(field).deepCopy());
      }
    }
    change.accept(body);
    put(v + "/Jobs/" + jobId, body);
    wrote("PUT " + v + "/Jobs/{jobId}");
  }

  JsonNode copyJob(String copyJobId) {
    return get(v + "/CopyJobs/" + copyJobId);
  }

  List<JsonNode> copyJobs() {
    return list(get(v + "/CopyJobs?limit=10000"));
  }

  /** Edits a copy job as the console would: its settings as read, changed by {@code change}, in one PUT. */
  void editCopyJob(String copyJobId, Consumer<ObjectNode> change) {
    JsonNode copy = copyJob(copyJobId);
    ObjectNode body = JSON.createObjectNode();
    for (String field : List.of("backupJobId", "repositoryId", "isEnabled", "schedulePolicy")) {
      if (copy.has(field)) {
        body.set(field, copy.get(field).deepCopy());
      }
    }
    change.accept(body);
    put(v + "/CopyJobs/" + copyJobId, body);
    wrote("PUT " + v + "/CopyJobs/{id}");
  }

  void deleteCopyJob(String copyJobId) {
    delete(v + "/CopyJobs/" + copyJobId);
    wrote("DELETE " + v + "/CopyJobs/{id}");
  }

  /** Creates the backup job's copy job, as someone in the console would (Immediate, to the repository given). */
  String createCopyJob(String backupJobId, String organizationId, String repositoryId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("backupJobId", backupJobId).put("organizationId", organizationId).put("repositoryId", repositoryId);
    body.putObject("schedulePolicy").put("type", "Immediate");
    String id = post(v + "/CopyJobs", body).path("id").asText();
    wrote("POST " + v + "/CopyJobs");
    return id;
  }

  void deleteJob(String jobId) {
    delete(v + "/Jobs/" + jobId);
    wrote("DELETE " + v + "/Jobs/{jobId}");
  }

  void startJob(String jobId) {
    post(v + "/Jobs/" + jobId + "/start", JSON.createObjectNode().put("full", false));
    wrote("POST " + v + "/Jobs/{jobId}/start");
  }

  /** Creates a job with one user item, as someone in the console would. */
  String createJob(String organizationId, String repositoryId, String name, String userId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", name).put("description", "made in the console").put("organizationId", organizationId)
        .put("repositoryId", repositoryId).put("backupType", "SelectedItems");
    body.putObject("schedulePolicy").put("type", "Daily").put("dailyType", "Everyday").put("dailyTime", "22:00:00");
    ObjectNode item = body.putArray("selectedItems").addObject();
    item.put("type", "User").putObject("user").put("id", userId);
    item.put("mailbox", true).put("archiveMailbox", true).put("oneDrive", true).put("personalSite", true);
    String id = post("/v8/Jobs", body).path("id").asText();
    wrote("POST " + v + "/Jobs");
    return id;
  }

  /** The writes this admin made, by the simulator's "METHOD template" keys. */
  Map<String, Long> writes() {
    return new TreeMap<>(writes);
  }

  void resetWrites() {
    writes.clear();
  }

  private void wrote(String call) {
    writes.merge(call, 1L, Long::sum);
  }

  /** Adds a user item (all processing options on) to the job's selected items. */
  void addUser(String jobId, String userId) {
    ArrayNode items = JSON.createArrayNode();
    ObjectNode item = items.addObject();
    item.put("type", "User");
    item.putObject("user").put("id", userId);
    item.put("mailbox", true).put("archiveMailbox", true).put("oneDrive", true).put("personalSite", true);
    post(v + "/Jobs/" + jobId + "/SelectedItems", items);
    wrote("POST " + v + "/Jobs/{jobId}/SelectedItems");
  }

  String userId(String organizationId, String upn) {
    for (JsonNode user : list(get(v + "/Organizations/" + organizationId + "/Users?userName=" + enc(upn)
        + "&limit=100"))) {
      if (upn.equalsIgnoreCase(user.path("name").asText())) {
        return user.path("id").asText();
      }
    }
    throw new IllegalArgumentException("no user " + upn);
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token());
  }

  private URI uri(String path) {
    return URI.create(simulator.baseUri() + path);
  }

  private JsonNode send(HttpRequest request, boolean authorized) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 401 && authorized) {
        token = null;
      }
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(request.method() + " " + request.uri().getPath() + ": HTTP "
            + response.statusCode() + " " + response.body());
      }
      return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
