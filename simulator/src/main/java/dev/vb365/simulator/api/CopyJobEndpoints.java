package dev.vb365.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.simulator.ApiVersion;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.ApiRequest;
import dev.vb365.simulator.http.ApiResponse;
import dev.vb365.simulator.http.Json;
import dev.vb365.simulator.http.LenientObject;
import dev.vb365.simulator.http.RouteTable;
import dev.vb365.simulator.model.CopySchedulePolicy;
import dev.vb365.simulator.model.Directory;
import dev.vb365.simulator.model.DirectoryIndex;
import dev.vb365.simulator.store.CopyJob;
import dev.vb365.simulator.store.JobSession;
import dev.vb365.simulator.store.SimulatorState;
import java.util.List;
import java.util.UUID;

/**
 * Backup copy jobs (/CopyJobs, /CopyJobs/{id} and its actions, /CopyJobs/{id}/BackupJob, /Jobs/{jobId}/CopyJob),
 * in v6, v7 and v8. v8 creates with RESTCreateCopyJob (201) and edits with RESTEditCopyJob, v6/v7 use RESTCopyJob
 * for both (create 200) and may name the copy job; v8 lists pages (organizationId, repositoryId), v6/v7 arrays
 * (repositoryId); v8's start answers the session, v6/v7's 204.
 */
public final class CopyJobEndpoints {
  private final ApiVersion version;
  private final DirectoryIndex directory;
  private final SimulatorState state;
  private final Representation representation;

  public CopyJobEndpoints(ApiVersion version, DirectoryIndex directory, SimulatorState state,
      Representation representation) {
    this.version = version;
    this.directory = directory;
    this.state = state;
    this.representation = representation;
  }

  public void register(RouteTable routes) {
    String v = version.prefix();
    routes.add("GET", v + "/CopyJobs", this::list);
    routes.add("POST", v + "/CopyJobs", this::create);
    routes.add("GET", v + "/CopyJobs/{id}", this::get);
    routes.add("PUT", v + "/CopyJobs/{id}", this::edit);
    routes.add("DELETE", v + "/CopyJobs/{id}", this::delete);
    routes.add("GET", v + "/CopyJobs/{id}/BackupJob", this::backupJob);
    routes.add("POST", v + "/CopyJobs/{id}/enable", r -> enable(r, true));
    routes.add("POST", v + "/CopyJobs/{id}/disable", r -> enable(r, false));
    routes.add("POST", v + "/CopyJobs/{id}/start", this::start);
    routes.add("POST", v + "/CopyJobs/{id}/stop", this::stop);
    routes.add("GET", v + "/Jobs/{jobId}/CopyJob", this::ofBackupJob);
  }

  private ApiResponse list(ApiRequest request) {
    UUID org = version == ApiVersion.V8 ? request.queryUuid("organizationId").orElse(null) : null;
    UUID repo = request.queryUuid("repositoryId").orElse(null);
    List<ObjectNode> bodies = state.copyJobs().stream()
        .filter(c -> org == null || org.equals(c.organizationId()))
        .filter(c -> repo == null || repo.equals(c.repositoryId()))
        .map(c -> representation.copyJob(c, state.now(), request.baseUri())).toList();
    if (!version.pagesTopLevelLists()) {
      ArrayNode array = Json.array();
      bodies.forEach(array::add);
      return ApiResponse.ok(array);
    }
    Paging paging = Paging.of(request);
    return ApiResponse.ok(representation.page(paging.offset(), paging.limit(), paging.slice(bodies)));
  }

  private ApiResponse create(ApiRequest request) {
    LenientObject body = LenientObject.of(request.json(true), "");
    UUID backupJobId = body.requiredUuid("backupJobId");
    UUID organizationId = null;
    if (version == ApiVersion.V8) {
      organizationId = directory.organization(body.requiredUuid("organizationId"), "organizationId").id();
    }
    UUID repositoryId = archiveRepository(body.requiredUuid("repositoryId"));
    CopySchedulePolicy policy = body.object("schedulePolicy").map(p -> ScheduleReader.readCopy(p, version))
        .orElse(CopySchedulePolicy.immediateDefault());
    CopyJob copy = state.createCopy(new SimulatorState.NewCopyJob(backupJobId, organizationId, repositoryId,
        name(body), policy, body.bool("isEnabled").orElse(true)));
    ObjectNode answer = representation.copyJob(copy, state.now(), request.baseUri());
    return version == ApiVersion.V8 ? ApiResponse.created(answer) : ApiResponse.ok(answer);
  }

  /** v6/v7 bodies are RESTCopyJob, which has a name; v8's create and edit bodies have none. */
  private String name(LenientObject body) {
    return version == ApiVersion.V8 ? null : body.text("name").orElse(null);
  }

  /**
   * The target must be an object storage repository with an archive tier (Azure Blob Storage Archive, Amazon S3
   * Glacier Instant Retrieval, Flexible Retrieval or Deep Archive): {@code isLongTerm} in RESTBackupRepository.
   */
  private UUID archiveRepository(UUID id) {
    Directory.Repository repository = directory.repository(id, "repositoryId");
    if (!repository.isLongTerm()) {
      throw ApiException.invalid("The backup repository '" + repository.name() + "' (repositoryId) is not an object "
          + "storage repository with an archive tier (Azure Blob Storage Archive access tier or Amazon S3 Glacier): "
          + "a backup copy job can copy only to such a repository (isLongTerm: true)");
    }
    return repository.id();
  }

  private CopyJob copyJob(ApiRequest request) {
    return state.copyJob(request.pathUuid("id"));
  }

  private ApiResponse get(ApiRequest request) {
    return ApiResponse.ok(representation.copyJob(copyJob(request), state.now(), request.baseUri()));
  }

  private ApiResponse edit(ApiRequest request) {
    CopyJob copy = copyJob(request);
    LenientObject body = LenientObject.of(request.json(true), "");
    UUID organizationId = version == ApiVersion.V8
        ? body.uuid("organizationId").map(id -> directory.organization(id, "organizationId").id()).orElse(null)
        : null;
    UUID repositoryId = body.uuid("repositoryId").map(this::archiveRepository).orElse(null);
    state.editCopy(copy.id(), new SimulatorState.CopyJobEdit(body.uuid("backupJobId").orElse(null), organizationId,
        repositoryId, name(body), body.object("schedulePolicy").map(p -> ScheduleReader.readCopy(p, version)).orElse(null),
        body.bool("isEnabled").orElse(null)));
    return ApiResponse.noContent();
  }

  private ApiResponse delete(ApiRequest request) {
    state.deleteCopy(copyJob(request).id());
    return ApiResponse.noContent();
  }

  private ApiResponse backupJob(ApiRequest request) {
    CopyJob copy = copyJob(request);
    return ApiResponse.ok(representation.job(state.job(copy.backupJobId()), state.now(), request.baseUri()));
  }

  private ApiResponse ofBackupJob(ApiRequest request) {
    UUID jobId = request.pathUuid("jobId");
    CopyJob copy = state.copyJobOf(jobId).orElseThrow(() ->
        ApiException.notFound("The backup job with ID '" + jobId + "' has no backup copy job"));
    return ApiResponse.ok(representation.copyJob(copy, state.now(), request.baseUri()));
  }

  private ApiResponse enable(ApiRequest request, boolean enabled) {
    state.setCopyEnabled(copyJob(request).id(), enabled);
    return ApiResponse.noContent();
  }

  private ApiResponse start(ApiRequest request) {
    CopyJob copy = copyJob(request);
    if (version == ApiVersion.V6) {
      // v6's spec requires a RESTStartJobOptions body here, as for backup jobs; "full" means nothing to a copy
      // job and is only checked. v7 and v8 have no body.
      LenientObject.of(request.json(true), "").bool("full");
    }
    JobSession session = state.startCopy(copy.id());
    return version.startReturnsSession()
        ? ApiResponse.ok(representation.session(session, request.baseUri()))
        : ApiResponse.noContent();
  }

  private ApiResponse stop(ApiRequest request) {
    state.stopCopy(copyJob(request).id());
    return ApiResponse.noContent();
  }
}
