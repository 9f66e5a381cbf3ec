package dev.vb365.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.simulator.ApiVersion;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.ApiRequest;
import dev.vb365.simulator.http.ApiResponse;
import dev.vb365.simulator.http.Json;
import dev.vb365.simulator.http.RouteTable;
import dev.vb365.simulator.model.Directory;
import dev.vb365.simulator.model.DirectoryIndex;
import dev.vb365.simulator.store.Job;
import dev.vb365.simulator.store.SimulatorState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Read-only resources: Organizations with their Users, Groups, Sites and Teams; BackupRepositories; Proxies. */
public final class DirectoryEndpoints {
  private enum LocationFilter { Cloud, OnPremises, Hybrid, CloudOrHybrid, OnPremisesOrHybrid, Any }

  /** The sites' locationFilter has only these three values (every version). */
  private enum SiteLocationFilter { Cloud, OnPremises, Any }

  private enum DataSource { PreferLocal, Production, PreferLocalResynced }

  private enum SkuType { Other, Education }

  private final ApiVersion version;
  private final DirectoryIndex directory;
  private final SimulatorState state;
  private final Representation representation;

  public DirectoryEndpoints(ApiVersion version, DirectoryIndex directory, SimulatorState state,
      Representation representation) {
    this.version = version;
    this.directory = directory;
    this.state = state;
    this.representation = representation;
  }

  public void register(RouteTable routes) {
    String v = version.prefix();
    routes.add("GET", v + "/Organizations", this::organizations);
    routes.add("GET", v + "/Organizations/{organizationId}", this::organization);
    routes.add("GET", v + "/Organizations/{organizationId}/Users", this::users);
    routes.add("GET", v + "/Organizations/{organizationId}/Users/{userId}", this::user);
    routes.add("GET", v + "/Organizations/{organizationId}/Groups", this::groups);
    routes.add("GET", v + "/Organizations/{organizationId}/Groups/{groupId}", this::group);
    routes.add("GET", v + "/Organizations/{organizationId}/Sites", this::sites);
    routes.add("GET", v + "/Organizations/{organizationId}/Sites/{siteId}", this::site);
    routes.add("GET", v + "/Organizations/{organizationId}/Teams", this::teams);
    routes.add("GET", v + "/Organizations/{organizationId}/Teams/{teamId}", this::team);
    routes.add("GET", v + "/BackupRepositories", this::repositories);
    routes.add("GET", v + "/BackupRepositories/{repositoryId}", this::repository);
    routes.add("GET", v + "/Proxies", this::proxies);
    routes.add("GET", v + "/Proxies/{proxyId}", this::proxy);
  }

  /** A top-level list: a page in v8, a plain array in v6/v7. */
  private ApiResponse list(ApiRequest request, List<? extends JsonNode> all) {
    if (!version.pagesTopLevelLists()) {
      ArrayNode array = Json.array();
      all.forEach(array::add);
      return ApiResponse.ok(array);
    }
    Paging paging = Paging.of(request);
    return ApiResponse.ok(representation.page(paging.offset(), paging.limit(), paging.slice(all)));
  }

  /** Directory object lists are pages in every version, with a setId naming the cached set. */
  private ApiResponse directoryPage(ApiRequest request, Directory.Organization org, String collection,
      List<? extends JsonNode> all) {
    Paging paging = Paging.of(request);
    request.queryUuid("setId");
    request.queryEnum("dataSource", DataSource.class);
    ObjectNode page = representation.page(paging.offset(), paging.limit(), paging.slice(all));
    page.put("setId", UUID.nameUUIDFromBytes((org.id() + "/" + collection).getBytes(StandardCharsets.UTF_8)).toString());
    return ApiResponse.ok(page);
  }

  private ApiResponse organizations(ApiRequest request) {
    extendedView(request);
    Stream<Directory.Organization> orgs = directory.organizations().stream();
    if (version == ApiVersion.V8) {
      UUID msid = request.queryUuid("msid").orElse(null);
      orgs = orgs.filter(o -> msid == null || msid.equals(o.msid()));
    }
    return list(request, orgs.map(o -> organizationBody(o, request)).toList());
  }

  private ApiResponse organization(ApiRequest request) {
    extendedView(request);
    return ApiResponse.ok(organizationBody(org(request), request));
  }

  /** v6 declares extendedView required on both organization resources, and refuses a request without it. */
  private void extendedView(ApiRequest request) {
    if (request.queryBool("extendedView").isEmpty() && version == ApiVersion.V6) {
      throw ApiException.invalid("Query parameter 'extendedView' is required");
    }
  }

  private ObjectNode organizationBody(Directory.Organization o, ApiRequest request) {
    List<Instant> backups = state.jobs().stream().filter(j -> j.organizationId().equals(o.id()))
        .map(Job::lastBackup).filter(Objects::nonNull).sorted().toList();
    return representation.organization(o, backups.isEmpty() ? null : backups.get(0),
        backups.isEmpty() ? null : backups.get(backups.size() - 1), request.baseUri());
  }

  private Directory.Organization org(ApiRequest request) {
    return directory.organization(request.pathUuid("organizationId"), "organizationId");
  }

  private static Predicate<String> filter(ApiRequest request, String parameter) {
    return request.query(parameter).filter(s -> !s.isEmpty()).map(NameFilter::of).orElse(s -> true);
  }

  private static Predicate<String> location(ApiRequest request) {
    LocationFilter f = request.queryEnum("locationFilter", LocationFilter.class).orElse(LocationFilter.Any);
    return type -> switch (f) {
      case Any -> true;
      case CloudOrHybrid -> type.equals("Cloud") || type.equals("Hybrid");
      case OnPremisesOrHybrid -> type.equals("OnPremises") || type.equals("Hybrid");
      default -> type.equals(f.name());
    };
  }

  private ApiResponse users(ApiRequest request) {
    Directory.Organization org = org(request);
    Predicate<String> userName = filter(request, "userName");
    Predicate<String> displayName = filter(request, "displayName");
    Predicate<String> location = location(request);
    String sku = version == ApiVersion.V8
        ? request.queryEnum("detectedSkuType", SkuType.class).map(Enum::name).orElse(null) : null;
    List<ObjectNode> users = org.users().stream()
        .filter(u -> userName.test(u.name()) && displayName.test(u.displayName()) && location.test(u.locationType()))
        .filter(u -> sku == null || sku.equals(u.detectedSkuType()))
        .map(u -> representation.user(org, u, request.baseUri())).toList();
    return directoryPage(request, org, "users", users);
  }

  private ApiResponse user(ApiRequest request) {
    Directory.Organization org = org(request);
    String id = request.pathParam("userId");
    return ApiResponse.ok(representation.user(org, directory.user(org, id).orElseThrow(() ->
        ApiException.notFound("User with ID '" + id + "' was not found in organization '" + org.name() + "'")),
        request.baseUri()));
  }

  private ApiResponse groups(ApiRequest request) {
    Directory.Organization org = org(request);
    Predicate<String> groupName = filter(request, "groupName");
    Predicate<String> displayName = filter(request, "displayName");
    Predicate<String> location = location(request);
    List<ObjectNode> groups = org.groups().stream()
        .filter(g -> groupName.test(g.name()) && displayName.test(g.displayName()) && location.test(g.locationType()))
        .map(g -> representation.group(org, g, request.baseUri())).toList();
    return directoryPage(request, org, "groups", groups);
  }

  private ApiResponse group(ApiRequest request) {
    Directory.Organization org = org(request);
    String id = request.pathParam("groupId");
    return ApiResponse.ok(representation.group(org, directory.group(org, id).orElseThrow(() ->
        ApiException.notFound("Group with ID '" + id + "' was not found in organization '" + org.name() + "'")),
        request.baseUri()));
  }

  private ApiResponse sites(ApiRequest request) {
    Directory.Organization org = org(request);
    boolean personal = request.queryBool("includePersonalSites").orElse(false);
    request.queryBool("includeSearchSites");
    // Every simulated site is in the cloud (isCloud true): OnPremises finds none.
    boolean onPremisesOnly = request.queryEnum("locationFilter", SiteLocationFilter.class)
        .orElse(SiteLocationFilter.Any) == SiteLocationFilter.OnPremises;
    String keyword = version == ApiVersion.V6 ? null : request.query("filter").filter(s -> !s.isEmpty()).orElse(null);
    String parentId = request.query("parentId").filter(s -> !s.isEmpty()).orElse(null);
    String parentUrl = parentId == null || parentId.equalsIgnoreCase("root") ? null
        : directory.site(org, parentId).map(Directory.Site::url).orElseThrow(() ->
            ApiException.notFound("Site with ID '" + parentId + "' (parentId) was not found"));
    List<ObjectNode> sites = org.sites().stream()
        .filter(s -> !onPremisesOnly)
        .filter(s -> personal || !s.isPersonal())
        .filter(s -> keyword == null || containsIgnoreCase(s.title(), keyword) || containsIgnoreCase(s.url(), keyword))
        .filter(s -> parentId == null || (parentUrl == null ? s.parentUrl() == null : parentUrl.equals(s.parentUrl())))
        .map(s -> representation.site(org, s, request.baseUri(), false)).toList();
    return directoryPage(request, org, "sites", sites);
  }

  private static boolean containsIgnoreCase(String text, String keyword) {
    return text.toLowerCase().contains(keyword.toLowerCase());
  }

  private ApiResponse site(ApiRequest request) {
    Directory.Organization org = org(request);
    String id = request.pathParam("siteId");
    return ApiResponse.ok(representation.site(org, directory.site(org, id).orElseThrow(() ->
        ApiException.notFound("Site with ID '" + id + "' was not found in organization '" + org.name() + "'")),
        request.baseUri(), false));
  }

  private ApiResponse teams(ApiRequest request) {
    Directory.Organization org = org(request);
    Predicate<String> displayName = filter(request, "displayName");
    List<ObjectNode> teams = org.teams().stream().filter(t -> displayName.test(t.displayName()))
        .map(t -> representation.team(org, t, request.baseUri())).toList();
    return directoryPage(request, org, "teams", teams);
  }

  private ApiResponse team(ApiRequest request) {
    Directory.Organization org = org(request);
    String id = request.pathParam("teamId");
    return ApiResponse.ok(representation.team(org, directory.team(org, id).orElseThrow(() ->
        ApiException.notFound("Team with ID '" + id + "' was not found in organization '" + org.name() + "'")),
        request.baseUri()));
  }

  private ApiResponse repositories(ApiRequest request) {
    UUID proxyId = request.queryUuid("proxyId").orElse(null);
    Boolean longTerm = request.queryBool("longTerm").orElse(null);
    if (version == ApiVersion.V8) {
      request.queryUuid("proxyPoolId");
      request.queryUuid("organizationId").ifPresent(id -> directory.organization(id, "organizationId"));
    }
    List<ObjectNode> repos = directory.repositories().stream()
        .filter(r -> proxyId == null || proxyId.equals(r.proxyId()))
        .filter(r -> longTerm == null || longTerm == r.isLongTerm())
        .sorted(Comparator.comparing(Directory.Repository::name))
        .map(r -> representation.repository(r, request.baseUri())).toList();
    return list(request, repos);
  }

  private ApiResponse repository(ApiRequest request) {
    return ApiResponse.ok(representation.repository(
        directory.repository(request.pathUuid("repositoryId"), "repositoryId"), request.baseUri()));
  }

  private ApiResponse proxies(ApiRequest request) {
    request.queryBool("extendedView");
    return list(request, directory.proxies().stream().map(p -> representation.proxy(p, request.baseUri())).toList());
  }

  private ApiResponse proxy(ApiRequest request) {
    request.queryBool("extendedView");
    return ApiResponse.ok(representation.proxy(directory.proxy(request.pathUuid("proxyId")), request.baseUri()));
  }
}
