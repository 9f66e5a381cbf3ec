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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Puts the pieces real clients need in front of fabric8's CRUD dispatcher: discovery documents, Table output
 * for `kubectl get`, and tolerance for the query parameters (fieldManager, fieldValidation) that the CRUD
 * dispatcher would otherwise mistake for part of the resource path.
 */
final class EmbeddedApiDispatcher extends Dispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private static final Set<String> IGNORED_PARAMS = Set.of("fieldManager", "fieldValidation", "force", "timeout");
  private static final Pattern RESOURCE_PATH = Pattern.compile(
      "^/apis/([^/]+)/([^/]+)/(?:namespaces/[^/]+/)?([^/]+)(?:/[^/]+)?$");

  private final KubernetesCrudDispatcher crud;
  private final Supplier<String> serverAddress;
  private final Clock clock;

  EmbeddedApiDispatcher(KubernetesCrudDispatcher crud, Supplier<String> serverAddress, Clock clock) {
    this.crud = crud;
    this.serverAddress = serverAddress;
    this.clock = clock;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String[] pathAndQuery = request.getPath().split("\\?", 2);
    String path = pathAndQuery[0];
    String query = pathAndQuery.length > 1 ? pathAndQuery[1] : "";
    if ("GET".equals(request.getMethod())) {
      Optional<MockResponse> discovery = discovery(path);
      if (discovery.isPresent()) {
        return discovery.get();
      }
    }
    String kept = List.of(query.split("&")).stream()
        .filter(p -> !p.isEmpty() && !IGNORED_PARAMS.contains(p.split("=", 2)[0]))
        .collect(Collectors.joining("&"));
    RecordedRequest forwarded = new RecordedRequest(request.getHttpVersion(), request.method(),
        kept.isEmpty() ? path : path + "?" + kept, request.getHeaders(), request.getBody());
    MockResponse response = crud.dispatch(forwarded);
    String accept = Optional.ofNullable(request.getHeader("Accept")).orElse("");
    if ("GET".equals(request.getMethod()) && accept.contains("as=Table") && !query.contains("watch=")
        && response.code() == 200) {
      return tableOf(path, response);
    }
    return response;
  }

  private Optional<MockResponse> discovery(String path) {
    return switch (path) {
      case "/version", "/version/" -> Optional.of(json(DiscoveryDocuments.version()));
      case "/api", "/api/" -> Optional.of(json(DiscoveryDocuments.coreVersions(serverAddress.get())));
      case "/apis", "/apis/" -> Optional.of(json(DiscoveryDocuments.groupList(crds())));
      case "/openapi/v2", "/openapi/v3" -> Optional.of(new MockResponse().setResponseCode(404)
          .setBody("{\"kind\":\"Status\",\"status\":\"Failure\",\"code\":404,\"message\":\"no OpenAPI here\"}"));
      default -> groupVersionOf(path).flatMap(gv -> DiscoveryDocuments.resourceList(gv, crds())).map(this::json);
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

  private MockResponse tableOf(String path, MockResponse response) {
    try {
      JsonNode body = JSON.readTree(response.getBody().getBytes());
      JsonNode crdVersion = null;
      Matcher m = RESOURCE_PATH.matcher(path);
      if (m.matches()) {
        crdVersion = crdVersion(m.group(1), m.group(2), m.group(3));
      }
      return json(PrinterColumnTable.render(body, crdVersion, clock.instant()));
    } catch (IOException e) {
      return response;
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
