package dev.vb365.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.simulator.ApiVersion;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.ApiRequest;
import dev.vb365.simulator.http.ApiResponse;
import dev.vb365.simulator.http.RouteTable;
import dev.vb365.simulator.store.JobSession;
import dev.vb365.simulator.store.SimulatorState;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Job sessions, newest first: GET /JobSessions (jobId filter from v7), by id, and v6's /Jobs/{jobId}/JobSessions. */
public final class SessionEndpoints {
  private final ApiVersion version;
  private final SimulatorState state;
  private final Representation representation;

  public SessionEndpoints(ApiVersion version, SimulatorState state, Representation representation) {
    this.version = version;
    this.state = state;
    this.representation = representation;
  }

  public void register(RouteTable routes) {
    String v = version.prefix();
    routes.add("GET", v + "/JobSessions", this::list);
    routes.add("GET", v + "/JobSessions/{jobSessionsId}", this::get);
    if (version == ApiVersion.V6) {
      routes.add("GET", v + "/Jobs/{jobId}/JobSessions", this::listOfJob);
    }
  }

  private ApiResponse list(ApiRequest request) {
    UUID jobId = version == ApiVersion.V6 ? null : request.queryUuid("jobId").orElse(null);
    return page(request, jobId);
  }

  private ApiResponse listOfJob(ApiRequest request) {
    return page(request, state.job(request.pathUuid("jobId")).id());
  }

  private ApiResponse page(ApiRequest request, UUID jobId) {
    Paging paging = Paging.of(request);
    List<ObjectNode> sessions = state.sessions().stream()
        .filter(s -> jobId == null || s.jobId().equals(jobId))
        .sorted(Comparator.comparing(JobSession::creationTime).reversed())
        .map(s -> representation.session(s, request.baseUri())).toList();
    return ApiResponse.ok(representation.page(paging.offset(), paging.limit(), paging.slice(sessions)));
  }

  private ApiResponse get(ApiRequest request) {
    UUID id = request.pathUuid("jobSessionsId");
    return ApiResponse.ok(representation.session(state.session(id).orElseThrow(() ->
        ApiException.notFound("Job session with ID '" + id + "' was not found")), request.baseUri()));
  }
}
