package dev.vb365.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the pieces real clients need in front of fabric8's CRUD dispatcher: discovery documents, Table output
 * for `kubectl get`, tolerance for the query parameters (fieldManager, fieldValidation) that the CRUD
 * dispatcher would otherwise mistake for part of the resource path, field selectors on lists (`kubectl
 * describe` finds an object's Events with one), and strategic merge patches (what `kubectl apply` sends for
 * built-in kinds such as Secrets), applied as JSON merge patches. Where the CRUD mock differs from a real API
 * server in what the demo tells people to do, it behaves as the real one: JSON merge patches follow RFC 7386
 * ({@link MergePatch}: lists replace), custom resources are checked for fields their schema does not declare
 * ({@link UnknownFields}: refused with fieldValidation=Strict, else pruned), OpenAPI v3 is served for kubectl
 * explain and apply ({@link OpenApiDocuments}), the protobuf kubectl sends for {@code create namespace} and {@code
 * create secret} is read ({@link ProtobufObjects}) or refused at once, and a request that fails inside the mock is
 * answered with 500 instead of never.
 */
final class EmbeddedApiDispatcher extends Dispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private static final String AUTHORIZATION = "/apis/authorization.k8s.io/v1/";
  /**
   * A BackupJob, JobItem or BackupCopyJob (or its status):
   * /apis/backup.vb365.dev/v1alpha1/namespaces/{ns}/{plural}/{name}.
   */
  private static final Pattern OPERATOR_RESOURCES = Pattern.compile(
      "^/apis/backup\\.vb365\\.dev/[^/]+/namespaces/[^/]+/(backupjobs|jobitems|backupcopyjobs)/([^/]+)");
  private static final Set<String> IGNORED_PARAMS = Set.of("fieldManager", "fieldValidation", "force", "timeout");
  private static final Pattern RESOURCE_PATH = Pattern.compile(
      "^/apis/([^/]+)/([^/]+)/(?:namespaces/[^/]+/)?([^/]+)(?:/[^/]+)?$");

  /** A collection: /api/{v}/[namespaces/{ns}/]{plural} or /apis/{g}/{v}/[namespaces/{ns}/]{plural}. */
  private static final Pattern LIST_PATH = Pattern.compile(
      "^(?:/api/(v1)|/apis/([^/]+/[^/]+))(?:/namespaces/[^/]+)?/([^/]+)/?$");
  private static final Pattern CORE_EVENTS = Pattern.compile("^/api/v1/(?:namespaces/[^/]+/)?events(?:/[^/]+)?$");
  /** The columns `kubectl get events` shows from a real API server. */
  private static final JsonNode EVENT_COLUMNS = parse("""
      {"additionalPrinterColumns": [
        {"name": "Last Seen", "type": "date", "jsonPath": ".lastTimestamp"},
        {"name": "Type", "type": "string", "jsonPath": ".type"},
        {"name": "Reason", "type": "string", "jsonPath": ".reason"},
        {"name": "Object", "type": "string", "jsonPath": ".involvedObject.name"},
        {"name": "Message", "type": "string", "jsonPath": ".message"}]}""");

  private final KubernetesCrudDispatcher crud;
  /**
   * Core Events live in a store of their own: the CRUD dispatcher serialises all writes on one lock and scans
   * every stored object on each of them, so with Events in the same store each Event written made every later
   * BackupJob write slower (and the reverse). Their resourceVersions count separately, which only a client that
   * compares versions across kinds could notice.
   */
  private final KubernetesCrudDispatcher events = new KubernetesCrudDispatcher(List.of());
  private final Supplier<String> serverAddress;
  private final Clock clock;
  /** Share (0..1) of writes to the operator's resources that another writer beats: see injectConflicts. */
  private volatile double conflictShare;
  private volatile Set<String> conflictKinds = Set.of("backupjobs", "jobitems");
  private final java.util.concurrent.atomic.AtomicLong conflictsInjected = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong conflictsAttempted = new java.util.concurrent.atomic.AtomicLong();

  EmbeddedApiDispatcher(KubernetesCrudDispatcher crud, Supplier<String> serverAddress, Clock clock) {
    this.crud = crud;
    this.serverAddress = serverAddress;
    this.clock = clock;
  }

  /** Served (outside the tally): GET the tally as JSON, POST .../reset to clear it. */
  static final String TALLY_PATH = "/_embedded/requests";
  private final RequestTally tally = new RequestTally();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String[] pathAndQuery = request.getPath().split("\\?", 2);
    String path = pathAndQuery[0];
    String query = pathAndQuery.length > 1 ? pathAndQuery[1] : "";
    if (path.startsWith(TALLY_PATH)) {
      return tally(request, path);
    }
    long start = System.nanoTime();
    tally.begin();
    try {
      return serve(request, path, query);
    } catch (RuntimeException e) {
      // Without this the mock server never answers (kubectl waits forever) and logs the exception's trace.
      return status(500, "InternalError", "the demo's embedded Kubernetes API could not serve " + request.getMethod()
          + " " + path + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } finally {
      tally.end();
      tally.record(request.getMethod(), path, query, System.nanoTime() - start);
    }
  }

  private MockResponse tally(RecordedRequest request, String path) {
    if ("POST".equals(request.getMethod()) && path.equals(TALLY_PATH + "/reset")) {
      tally.reset();
      return json("{}");
    }
    if ("GET".equals(request.getMethod()) && path.equals(TALLY_PATH)) {
      com.fasterxml.jackson.databind.node.ObjectNode out = JSON.createObjectNode();
      out.put("busySeconds", tally.busyNanos() / 1e9);
      tally.snapshot().forEach((key, figure) -> out.putObject(key).put("count", figure.count())
          .put("seconds", figure.nanos() / 1e9));
      return json(out.toString());
    }
    return new MockResponse().setResponseCode(404);
  }

  private MockResponse serve(RecordedRequest request, String path, String query) {
    if ("POST".equals(request.getMethod()) && path.startsWith(AUTHORIZATION)) {
      return accessReview(path, request);
    }
    Matcher operatorResource = OPERATOR_RESOURCES.matcher(path);
    boolean concurrentWrite = conflictShare > 0 && operatorResource.find()
        && conflictKinds.contains(operatorResource.group(1))
        && ("PUT".equals(request.getMethod()) || "PATCH".equals(request.getMethod()))
        && java.util.concurrent.ThreadLocalRandom.current().nextDouble() < conflictShare;
    if (concurrentWrite) {
      writeConcurrently(request, path);
      if ("PUT".equals(request.getMethod())) {
        // The CRUD dispatcher does not check the resourceVersion of an update (it does that of a patch):
        // answer as a real API server would, now that the resource has changed.
        conflictsInjected.incrementAndGet();
        return conflict(operatorResource.group(1), operatorResource.group(2));
      }
    }
    if ("GET".equals(request.getMethod()) && httpStreamingWatch(request, query)) {
      // The mock server streams watches over WebSocket only (what fabric8 clients and the operator use); kubectl's
      // get -w asks for a chunked HTTP stream, which it cannot send: say so instead of a bare 400.
      return status(405, "MethodNotAllowed", "the demo's embedded Kubernetes API cannot stream watches to kubectl "
          + "(kubectl get -w); run kubectl get without -w again, or run the demo on a real API server: "
          + "demo --kubernetes real");
    }
    if ("GET".equals(request.getMethod())) {
      Optional<MockResponse> discovery = discovery(path);
      if (discovery.isPresent()) {
        return discovery.get();
      }
    }
    if (Optional.ofNullable(request.getHeader("Content-Type")).orElse("").startsWith(ProtobufObjects.CONTENT_TYPE)) {
      Optional<com.fasterxml.jackson.databind.node.ObjectNode> decoded = ProtobufObjects.toJson(
          request.getBody().getBytes());
      if (decoded.isEmpty()) {
        return status(415, "UnsupportedMediaType", "the demo's embedded Kubernetes API reads protobuf only for "
            + "Namespaces, Secrets and ConfigMaps; send this object as JSON or YAML instead, e.g. "
            + "kubectl create ... --dry-run=client -o yaml | kubectl apply -f -");
      }
      RecordedRequest json = new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
          request.getHeaders().newBuilder().set("Content-Type", "application/json").build(),
          new Buffer().writeUtf8(decoded.get().toString()));
      return asJson(serve(json, path, query));
    }
    boolean strict = Arrays.asList(query.split("&")).contains("fieldValidation=Strict");
    Matcher custom = RESOURCE_PATH.matcher(path);
    JsonNode schema = custom.matches() ? schemaOf(custom.group(1), custom.group(2), custom.group(3)) : null;
    if ("PATCH".equals(request.getMethod()) && mergePatch(request)) {
      return applyMergePatch(request, path, schema, strict);
    }
    if (schema != null && ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))) {
      Optional<MockResponse> refused = checkFields(request, schema, strict);
      if (refused.isPresent()) {
        return refused.get();
      }
      request = pruned(request, schema);
    }
    String fieldSelector = null;
    List<String> kept = new ArrayList<>();
    for (String param : query.split("&")) {
      String name = param.split("=", 2)[0];
      if ("fieldSelector".equals(name)) {
        fieldSelector = URLDecoder.decode(param.substring(name.length() + 1), StandardCharsets.UTF_8);
      } else if (!param.isEmpty() && !IGNORED_PARAMS.contains(name)) {
        kept.add(param);
      }
    }
    RecordedRequest forwarded = new RecordedRequest(request.getHttpVersion(), request.method(),
        kept.isEmpty() ? path : path + "?" + String.join("&", kept), headers(request), body(request));
    MockResponse response = (CORE_EVENTS.matcher(path).matches() ? events : crud).dispatch(forwarded);
    if (concurrentWrite && response.code() == 409) {
      conflictsInjected.incrementAndGet();
    }
    if (fieldSelector != null && "GET".equals(request.getMethod()) && response.code() == 200
        && !query.contains("watch=")) {
      response = FieldSelector.parse(fieldSelector).filter(response);
    }
    String accept = Optional.ofNullable(request.getHeader("Accept")).orElse("");
    if ("GET".equals(request.getMethod()) && !query.contains("watch=") && response.code() == 200) {
      return accept.contains("as=Table") ? tableOf(path, response) : typedList(path, response);
    }
    return response;
  }

  /**
   * Makes another writer change a share of the BackupJobs and JobItems just before an update or patch of them
   * (spec, metadata or status) is served, so that a write based on the version read before fails with 409 Conflict
   * as on a real API server: the chaos scenario's way to make sure the operator copes with conflicts however often
   * they come.
   */
  void injectConflicts(double share, Set<String> plurals) {
    if (share < 0 || share > 1) {
      throw new IllegalArgumentException("share must be between 0 and 1, was " + share);
    }
    conflictKinds = Set.copyOf(plurals);
    conflictShare = share;
  }

  long conflictsInjected() {
    return conflictsInjected.get();
  }

  private static MockResponse conflict(String plural, String name) {
    com.fasterxml.jackson.databind.node.ObjectNode status = JSON.createObjectNode().put("kind", "Status")
        .put("apiVersion", "v1").put("status", "Failure")
        .put("message", "Operation cannot be fulfilled on " + plural + ".backup.vb365.dev \"" + name + "\": the object "
            + "has been modified; please apply your changes to the latest version and try again")
        .put("reason", "Conflict").put("code", 409);
    status.putObject("metadata");
    status.putObject("details").put("name", name).put("group", "backup.vb365.dev").put("kind", plural);
    return new MockResponse().setResponseCode(409).setHeader("Content-Type", "application/json")
        .setBody(status.toString());
  }

  /**
   * Another writer changes the resource (an annotation) just before this write is served: a write based on the
   * version the writer read then fails with 409 Conflict, as on a real API server, and the writer's cache sees a
   * newer version to retry with (a bare 409 without a newer version would be a conflict no client can resolve).
   */
  private void writeConcurrently(RecordedRequest request, String path) {
    String resource = path.endsWith("/status") ? path.substring(0, path.length() - "/status".length()) : path;
    String patch = "{\"metadata\":{\"annotations\":{\"chaos.vb365.dev/concurrent-write\":\""
        + conflictsAttempted.incrementAndGet() + "\"}}}";
    crud.dispatch(new RecordedRequest(request.getHttpVersion(), io.fabric8.mockwebserver.dsl.HttpMethod.PATCH, resource,
        request.getHeaders().newBuilder().set("Content-Type", "application/merge-patch+json").build(),
        new Buffer().writeUtf8(patch)));
  }

  /**
   * The embedded API has no authorization: every self-review says everything is allowed. JOSDK asks with a
   * SelfSubjectRulesReview before leader election, kubectl auth can-i with a SelfSubjectAccessReview.
   */
  private MockResponse accessReview(String path, RecordedRequest request) {
    try {
      JsonNode review = JSON.readTree(request.getBody().getBytes());
      com.fasterxml.jackson.databind.node.ObjectNode answer = review.isObject()
          ? (com.fasterxml.jackson.databind.node.ObjectNode) review : JSON.createObjectNode();
      com.fasterxml.jackson.databind.node.ObjectNode status = answer.putObject("status");
      if (path.endsWith("/selfsubjectrulesreviews")) {
        com.fasterxml.jackson.databind.node.ObjectNode all = status.putArray("resourceRules").addObject();
        all.putArray("verbs").add("*");
        all.putArray("apiGroups").add("*");
        all.putArray("resources").add("*");
        status.putArray("nonResourceRules").addObject().putArray("verbs").add("*");
        status.put("incomplete", false);
      } else if (path.endsWith("/selfsubjectaccessreviews")) {
        status.put("allowed", true);
      } else {
        return new MockResponse().setResponseCode(404);
      }
      return json(answer.toString()).setResponseCode(201);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean httpStreamingWatch(RecordedRequest request, String query) {
    boolean watch = Arrays.stream(query.split("&")).anyMatch(p -> p.equals("watch=true") || p.equals("watch=1"));
    return watch && !"websocket".equalsIgnoreCase(Optional.ofNullable(request.getHeader("Upgrade")).orElse(""));
  }

  /**
   * The CRUD store answers without a Content-Type; a client that sent protobuf (kubectl create namespace) then
   * decodes the JSON answer as protobuf and fails. Such an answer is copied with the header set (the store's own
   * response objects are not changed: doing that to every answer broke large lists read over HTTP/2).
   */
  private static MockResponse asJson(MockResponse response) {
    if (response.getWebSocketListener() != null || response.header("Content-Type") != null) {
      return response;
    }
    MockResponse copy = new MockResponse().setResponseCode(response.code()).setHeaders(response.getHeaders());
    copy.setHeader("Content-Type", "application/json");
    return response.getBody() == null ? copy : copy.setBody(response.getBody().getBytes());
  }

  private static boolean mergePatch(RecordedRequest request) {
    String type = Optional.ofNullable(request.getHeader("Content-Type")).orElse("");
    return type.startsWith("application/merge-patch+json") || type.startsWith("application/strategic-merge-patch+json");
  }

  /**
   * A JSON merge patch as a real API server applies it (RFC 7386): read the object, patch it, check a
   * resourceVersion the patch carries (optimistic locking), check the fields, and store the result. On a /status
   * path only the status changes.
   */
  private MockResponse applyMergePatch(RecordedRequest request, String path, JsonNode schema, boolean strict) {
    boolean status = path.endsWith("/status");
    String objectPath = status ? path.substring(0, path.length() - "/status".length()) : path;
    KubernetesCrudDispatcher store = CORE_EVENTS.matcher(path).matches() ? events : crud;
    MockResponse current = store.handleGet(objectPath);
    if (current.code() != 200) {
      return current;
    }
    try {
      JsonNode before = JSON.readTree(current.getBody().getBytes());
      JsonNode patch = withoutDirectives(JSON.readTree(request.getBody().getBytes()));
      String expected = patch.path("metadata").path("resourceVersion").asText(null);
      String actual = before.path("metadata").path("resourceVersion").asText(null);
      if (expected != null && !expected.equals(actual)) {
        Matcher m = RESOURCE_PATH.matcher(objectPath);
        return status(409, "Conflict", "Operation cannot be fulfilled on " + (m.matches() ? m.group(3) : "object")
            + " \"" + before.path("metadata").path("name").asText() + "\": the object has been modified; please "
            + "apply your changes to the latest version and try again");
      }
      JsonNode after = MergePatch.apply(before, patch);
      if (status) {
        com.fasterxml.jackson.databind.node.ObjectNode kept = before.deepCopy();
        kept.set("status", after.get("status"));
        after = kept;
      }
      if (schema != null) {
        List<String> unknown = UnknownFields.of(after, schema);
        if (!unknown.isEmpty() && strict) {
          return strictError(before.path("kind").asText(), unknown);
        }
        UnknownFields.prune(after, schema);
      }
      ((com.fasterxml.jackson.databind.node.ObjectNode) after.path("metadata")).put("resourceVersion", actual);
      return store.dispatch(new RecordedRequest(request.getHttpVersion(), io.fabric8.mockwebserver.dsl.HttpMethod.PUT,
          path, request.getHeaders().newBuilder().set("Content-Type", "application/json").build(),
          new Buffer().writeUtf8(after.toString())));
    } catch (IOException e) {
      return status(400, "BadRequest", "the patch is not JSON: " + e.getMessage());
    }
  }

  /** With fieldValidation=Strict, fields the CRD's schema does not declare refuse the write. */
  private static Optional<MockResponse> checkFields(RecordedRequest request, JsonNode schema, boolean strict) {
    if (!strict) {
      return Optional.empty();
    }
    try {
      JsonNode object = JSON.readTree(request.getBody().getBytes());
      List<String> unknown = UnknownFields.of(object, schema);
      return unknown.isEmpty() ? Optional.empty() : Optional.of(strictError(object.path("kind").asText(), unknown));
    } catch (IOException e) {
      return Optional.of(status(400, "BadRequest", "the body is not JSON: " + e.getMessage()));
    }
  }

  /** Without Strict, undeclared fields are dropped (a real API server prunes them). */
  private static RecordedRequest pruned(RecordedRequest request, JsonNode schema) {
    try {
      JsonNode object = JSON.readTree(request.getBody().getBytes());
      if (UnknownFields.of(object, schema).isEmpty()) {
        return request;
      }
      UnknownFields.prune(object, schema);
      return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(), request.getHeaders(),
          new Buffer().writeUtf8(object.toString()));
    } catch (IOException e) {
      return request;
    }
  }

  /** The words of a real API server's strict decoding error. */
  private static MockResponse strictError(String kind, List<String> unknown) {
    return status(400, "BadRequest", kind + " in version \"v1alpha1\" cannot be handled as a " + kind
        + ": strict decoding error: " + String.join(", ", unknown.stream().map(u -> "unknown field \""
        + u.substring(1) + "\"").toList()));
  }

  private static MockResponse status(int code, String reason, String message) {
    com.fasterxml.jackson.databind.node.ObjectNode status = JSON.createObjectNode().put("kind", "Status")
        .put("apiVersion", "v1").put("status", "Failure").put("message", message).put("reason", reason)
        .put("code", code);
    status.putObject("metadata");
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody(status.toString());
  }

  /** The openAPIV3Schema of a custom resource's version, or null (not a custom resource). */
  private JsonNode schemaOf(String group, String version, String plural) {
    JsonNode crdVersion = crdVersion(group, version, plural);
    return crdVersion == null ? null : crdVersion.path("schema").path("openAPIV3Schema");
  }

  /** kubectl apply patches built-in kinds with a strategic merge patch, which the CRUD dispatcher refuses. */
  private static boolean strategicMergePatch(RecordedRequest request) {
    return "PATCH".equals(request.getMethod()) && Optional.ofNullable(request.getHeader("Content-Type")).orElse("")
        .startsWith("application/strategic-merge-patch+json");
  }

  private static io.fabric8.mockwebserver.http.Headers headers(RecordedRequest request) {
    if (!strategicMergePatch(request)) {
      return request.getHeaders();
    }
    return request.getHeaders().newBuilder().set("Content-Type", "application/merge-patch+json").build();
  }

  /**
   * For the maps of Namespaces, Secrets and ConfigMaps a strategic merge patch means what a JSON merge patch
   * means; its directives ($patch, $setElementOrder/..., $retainKeys) are dropped.
   */
  private static Buffer body(RecordedRequest request) {
    if (!strategicMergePatch(request)) {
      return request.getBody();
    }
    try {
      JsonNode patch = JSON.readTree(request.getBody().getBytes());
      return new Buffer().writeUtf8(withoutDirectives(patch).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode withoutDirectives(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (name.startsWith("$")) {
          object.remove(name);
        } else {
          withoutDirectives(object.get(name));
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(EmbeddedApiDispatcher::withoutDirectives);
    }
    return node;
  }

  private Optional<MockResponse> discovery(String path) {
    return switch (path) {
      case "/version", "/version/" -> Optional.of(json(DiscoveryDocuments.version()));
      case "/api", "/api/" -> Optional.of(json(DiscoveryDocuments.coreVersions(serverAddress.get())));
      case "/apis", "/apis/" -> Optional.of(json(DiscoveryDocuments.groupList(crds())));
      case "/openapi/v2" -> Optional.of(status(404, "NotFound", "the embedded API serves OpenAPI v3 only"));
      case "/openapi/v3", "/openapi/v3/" -> Optional.of(json(OpenApiDocuments.index(OpenApiDocuments.documents(
          crds()))));
      default -> path.startsWith("/openapi/v3/") ? Optional.of(OpenApiDocuments.document(path, crds()).map(this::json)
          .orElseGet(() -> status(404, "NotFound", "no OpenAPI document " + path)))
          : groupVersionOf(path).flatMap(gv -> DiscoveryDocuments.resourceList(gv, crds())).map(this::json);
    };
  }

  /** "/api/v1" -> "v1", "/apis/g/v" -> "g/v"; anything deeper is a resource path, not discovery. */
  private static Optional<String> groupVersionOf(String path) {
    String[] parts = path.replaceAll("/+$", "").split("/");
    if (parts.length == 3 && "api".equals(parts[1])) {
      return Optional.of(parts[2]);
    }
    if (parts.length == 4 && "apis".equals(parts[1])) {
      return Optional.of(parts[2] + "/" + parts[3]);
    }
    return Optional.empty();
  }

  /**
   * The CRUD dispatcher calls every list "List"; typed clients such as kubectl describe's expect "EventList" and
   * otherwise see no items.
   */
  private MockResponse typedList(String path, MockResponse response) {
    Matcher m = LIST_PATH.matcher(path);
    if (!m.matches()) {
      return response;
    }
    try {
      JsonNode body = JSON.readTree(response.getBody().getBytes());
      if (!(body instanceof com.fasterxml.jackson.databind.node.ObjectNode list) || !"List".equals(body.path("kind")
          .asText())) {
        return response;
      }
      String groupVersion = m.group(1) != null ? m.group(1) : m.group(2);
      Optional<String> kind = DiscoveryDocuments.kindOf(groupVersion, m.group(3), crds());
      if (kind.isEmpty()) {
        return response;
      }
      list.put("kind", kind.get() + "List");
      return json(list.toString());
    } catch (IOException e) {
      return response;
    }
  }

  private MockResponse tableOf(String path, MockResponse response) {
    try {
      JsonNode body = JSON.readTree(response.getBody().getBytes());
      JsonNode crdVersion = null;
      Matcher m = RESOURCE_PATH.matcher(path);
      if (m.matches()) {
        crdVersion = crdVersion(m.group(1), m.group(2), m.group(3));
      } else if (CORE_EVENTS.matcher(path).matches()) {
        crdVersion = EVENT_COLUMNS;
      }
      return json(PrinterColumnTable.render(body, crdVersion, clock.instant()));
    } catch (IOException e) {
      return response;
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode crdVersion(String group, String version, String plural) {
    for (JsonNode crd : crds()) {
      JsonNode spec = crd.path("spec");
      if (group.equals(spec.path("group").asText()) && plural.equals(spec.path("names").path("plural").asText())) {
        for (JsonNode v : spec.path("versions")) {
          if (version.equals(v.path("name").asText())) {
            return v;
          }
        }
      }
    }
    return null;
  }

  private List<JsonNode> crds() {
    MockResponse response = crud.handleGet(CRDS);
    List<JsonNode> items = new ArrayList<>();
    if (response.code() == 200) {
      try {
        JSON.readTree(response.getBody().getBytes()).path("items").forEach(items::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return items;
  }

  private MockResponse json(String body) {
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
        .setBody(new Buffer().writeUtf8(body));
  }
}
