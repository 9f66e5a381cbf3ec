package dev.vb365.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.simulator.ApiVersion;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.ApiRequest;
import dev.vb365.simulator.http.ApiResponse;
import dev.vb365.simulator.http.Json;
import dev.vb365.simulator.http.LenientObject;
import dev.vb365.simulator.http.RouteTable;
import dev.vb365.simulator.model.BackupType;
import dev.vb365.simulator.model.Directory;
import dev.vb365.simulator.model.DirectoryIndex;
import dev.vb365.simulator.model.JobItem;
import dev.vb365.simulator.model.SchedulePolicy;
import dev.vb365.simulator.store.ItemList;
import dev.vb365.simulator.store.Job;
import dev.vb365.simulator.store.JobSession;
import dev.vb365.simulator.store.SimulatorState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Backup jobs: list, create, get, edit, delete, their selected and excluded items, and the job actions. */
public final class JobEndpoints {
  private final ApiVersion version;
  private final DirectoryIndex directory;
  private final SimulatorState state;
  private final Representation representation;
  private final ItemReader items;

  public JobEndpoints(ApiVersion version, DirectoryIndex directory, SimulatorState state,
      Representation representation) {
    this.version = version;
    this.directory = directory;
    this.state = state;
    this.representation = representation;
    this.items = new ItemReader(directory, representation);
  }

  public void register(RouteTable routes) {
    String v = version.prefix();
    routes.add("GET", v + "/Jobs", this::list);
    if (version.createsJobsAtTopLevel()) {
      routes.add("POST", v + "/Jobs", this::createV8);
    } else {
      routes.add("GET", v + "/Organizations/{organizationId}/Jobs", this::listOfOrganization);
      routes.add("POST", v + "/Organizations/{organizationId}/Jobs", this::createInOrganization);
    }
    routes.add("GET", v + "/Jobs/{jobId}", this::get);
    routes.add("PUT", v + "/Jobs/{jobId}", this::edit);
    routes.add("DELETE", v + "/Jobs/{jobId}", this::delete);
    for (ItemList list : ItemList.values()) {
      String base = v + "/Jobs/{jobId}/" + list.resource();
      routes.add("GET", base, r -> listItems(r, list));
      routes.add("POST", base, r -> addItems(r, list));
      routes.add("DELETE", base, r -> removeItems(r, list));
      routes.add("GET", base + "/{itemId}", r -> getItem(r, list));
      routes.add("PUT", base + "/{itemId}", r -> editItem(r, list));
    }
    routes.add("POST", v + "/Jobs/{jobId}/enable", r -> enable(r, true));
    routes.add("POST", v + "/Jobs/{jobId}/disable", r -> enable(r, false));
    routes.add("POST", v + "/Jobs/{jobId}/start", this::start);
    routes.add("POST", v + "/Jobs/{jobId}/stop", this::stop);
  }

  private ApiResponse list(ApiRequest request) {
    List<Job> jobs = state.jobs();
    if (!version.pagesTopLevelLists()) {
      return array(jobs, request);
    }
    UUID org = request.queryUuid("organizationId").orElse(null);
    UUID repo = request.queryUuid("repositoryId").orElse(null);
    Paging paging = Paging.of(request);
    List<ObjectNode> bodies = jobs.stream()
        .filter(j -> org == null || org.equals(j.organizationId()))
        .filter(j -> repo == null || repo.equals(j.repositoryId()))
        .map(j -> representation.job(j, state.now(), request.baseUri())).toList();
    return ApiResponse.ok(representation.page(paging.offset(), paging.limit(), paging.slice(bodies)));
  }

  private ApiResponse listOfOrganization(ApiRequest request) {
    Directory.Organization org = directory.organization(request.pathUuid("organizationId"), "organizationId");
    return array(state.jobs().stream().filter(j -> j.organizationId().equals(org.id())).toList(), request);
  }

  private ApiResponse array(List<Job> jobs, ApiRequest request) {
    ArrayNode array = Json.array();
    jobs.forEach(j -> array.add(representation.job(j, state.now(), request.baseUri())));
    return ApiResponse.ok(array);
  }

  private ApiResponse createV8(ApiRequest request) {
    request.queryBool("skipItemUpdate");
    LenientObject body = LenientObject.of(request.json(true), "");
    Directory.Organization org = directory.organization(body.requiredUuid("organizationId"), "organizationId");
    Job job = create(body, org);
    return ApiResponse.created(representation.job(job, state.now(), request.baseUri()));
  }

  private ApiResponse createInOrganization(ApiRequest request) {
    Directory.Organization org = directory.organization(request.pathUuid("organizationId"), "organizationId");
    LenientObject body = LenientObject.of(request.json(true), "");
    Job job = create(body, org);
    return ApiResponse.ok(representation.job(job, state.now(), request.baseUri()));
  }

  private Job create(LenientObject body, Directory.Organization org) {
    UUID repositoryId = directory.repository(body.requiredUuid("repositoryId"), "repositoryId").id();
    BackupType type = body.enumValue("backupType", BackupType.class)
        .orElseThrow(() -> ApiException.invalid("'backupType' is required (EntireOrganization or SelectedItems)"));
    String name = body.requiredText("name");
    SchedulePolicy policy = body.object("schedulePolicy").map(p -> ScheduleReader.read(p, version))
        .orElse(SchedulePolicy.manualDefault());
    List<JobItem> selected = body.array("selectedItems").map(a -> items.readList(a, "selectedItems", org))
        .orElse(List.of());
    List<JobItem> excluded = body.array("excludedItems").map(a -> items.readList(a, "excludedItems", org))
        .orElse(List.of());
    return state.create(new SimulatorState.NewJob(org.id(), repositoryId, name, body.text("description").orElse(""),
        type, policy, body.bool("isEnabled").orElse(true), selected, excluded), body.bool("runNow").orElse(false));
  }

  private ApiResponse get(ApiRequest request) {
    return ApiResponse.ok(representation.job(job(request), state.now(), request.baseUri()));
  }

  private Job job(ApiRequest request) {
    return state.job(request.pathUuid("jobId"));
  }

  private ApiResponse edit(ApiRequest request) {
    if (version == ApiVersion.V8) {
      request.queryBool("skipItemUpdate");
    }
    Job job = job(request);
    LenientObject body = LenientObject.of(request.json(true), "");
    Directory.Organization org = directory.organization(job.organizationId(), "organizationId");
    UUID repositoryId = body.uuid("repositoryId").map(id -> directory.repository(id, "repositoryId").id()).orElse(null);
    String name = body.text("name").orElse(null);
    if (name != null && name.isBlank()) {
      throw ApiException.invalid("'name' must not be empty");
    }
    SimulatorState.JobEdit edit = new SimulatorState.JobEdit(repositoryId, name, body.text("description").orElse(null),
        body.enumValue("backupType", BackupType.class).orElse(null),
        body.object("schedulePolicy").map(p -> ScheduleReader.read(p, version)).orElse(null),
        body.bool("isEnabled").orElse(null),
        body.array("selectedItems").map(a -> items.readList(a, "selectedItems", org)).orElse(null),
        body.array("excludedItems").map(a -> items.readList(a, "excludedItems", org)).orElse(null));
    state.edit(job.id(), edit, body.bool("runNow").orElse(false));
    return ApiResponse.noContent();
  }

  private ApiResponse delete(ApiRequest request) {
    state.delete(job(request).id());
    return ApiResponse.noContent();
  }

  private ApiResponse listItems(ApiRequest request, ItemList list) {
    Job job = job(request);
    List<ObjectNode> bodies = job.items(list).stream()
        .map(i -> representation.item(job, i, list.resource(), request.baseUri())).toList();
    if (!version.pagesTopLevelLists()) {
      ArrayNode array = Json.array();
      bodies.forEach(array::add);
      return ApiResponse.ok(array);
    }
    Paging paging = Paging.of(request);
    return ApiResponse.ok(representation.page(paging.offset(), paging.limit(), paging.slice(bodies)));
  }

  private ApiResponse addItems(ApiRequest request, ItemList list) {
    if (version == ApiVersion.V8) {
      request.queryBool("skipItemUpdate");
    }
    Job job = job(request);
    JsonNode body = request.json(true);
    if (!body.isArray()) {
      throw ApiException.invalid("The request body must be a JSON array of items");
    }
    List<JsonNode> nodes = new ArrayList<>();
    body.forEach(nodes::add);
    Directory.Organization org = directory.organization(job.organizationId(), "organizationId");
    state.addItems(job.id(), list, items.readList(nodes, "", org));
    return ApiResponse.noContent();
  }

  private ApiResponse removeItems(ApiRequest request, ItemList list) {
    Job job = job(request);
    List<String> ids = new ArrayList<>();
    request.query("ids").filter(s -> !s.isBlank()).ifPresent(s ->
        Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).forEach(ids::add));
    boolean bodyAllowed = version == ApiVersion.V8 && list == ItemList.SELECTED;
    if (ids.isEmpty() && bodyAllowed) {
      JsonNode body = request.json(false);
      if (body != null) {
        if (!body.isArray()) {
          throw ApiException.invalid("The request body must be a JSON array of item IDs");
        }
        body.forEach(n -> ids.add(n.asText()));
      }
    }
    if (ids.isEmpty()) {
      throw ApiException.invalid("'ids' is required: give the IDs of the items to remove"
          + (bodyAllowed ? " in the query (comma-separated) or as a JSON array in the body" : " in the query, comma-separated"));
    }
    state.removeItems(job.id(), list, ids);
    return ApiResponse.noContent();
  }

  private ApiResponse getItem(ApiRequest request, ItemList list) {
    Job job = job(request);
    String itemId = request.pathParam("itemId");
    JobItem item = state.item(job.id(), list, itemId).orElseThrow(() -> ApiException.notFound(
        "Item with ID '" + itemId + "' was not found in the " + list.resource() + " of job '" + job.name() + "'"));
    return ApiResponse.ok(representation.item(job, item, list.resource(), request.baseUri()));
  }

  private ApiResponse editItem(ApiRequest request, ItemList list) {
    if (version == ApiVersion.V8) {
      request.queryBool("skipItemUpdate");
    }
    Job job = job(request);
    Directory.Organization org = directory.organization(job.organizationId(), "organizationId");
    JobItem item = items.read(request.json(true), "", org);
    state.replaceItem(job.id(), list, request.pathParam("itemId"), item);
    return ApiResponse.noContent();
  }

  private ApiResponse enable(ApiRequest request, boolean enabled) {
    state.setEnabled(job(request).id(), enabled);
    return ApiResponse.noContent();
  }

  private ApiResponse start(ApiRequest request) {
    Job job = job(request);
    LenientObject body = LenientObject.of(request.json(true), "");
    JobSession session = state.start(job.id(), body.bool("full").orElse(false));
    return version.startReturnsSession()
        ? ApiResponse.ok(representation.session(session, request.baseUri()))
        : ApiResponse.noContent();
  }

  private ApiResponse stop(ApiRequest request) {
    state.stop(job(request).id());
    return ApiResponse.noContent();
  }
}
