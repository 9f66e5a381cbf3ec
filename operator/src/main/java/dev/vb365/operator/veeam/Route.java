package dev.vb365.operator.veeam;

/**
 * One VB365 operation: method, path template below the version segment, and how safe it is to
 * send twice. The safety decides the retry policy:
 * <ul>
 *   <li>{@link Safety#IDEMPOTENT}: GET, PUT, DELETE and the state-setting actions enable, disable
 *       and stop; repeating them converges to the same state, so any retryable failure is retried;</li>
 *   <li>{@link Safety#RETRY_IF_UNPROCESSED}: adding items (a repeat could add duplicates or fail on
 *       them); retried only when the server surely did not process it (connect failure, 429);</li>
 *   <li>{@link Safety#NEVER}: creating and starting a job; never retried, and an ambiguous failure
 *       becomes an {@link OutcomeUnknownException}.</li>
 * </ul>
 */
record Route(String method, String template, Safety safety, boolean pagedInAllVersions, boolean takesSetId) {

    enum Safety {
        IDEMPOTENT,
        RETRY_IF_UNPROCESSED,
        NEVER
    }

    static final Route ORGANIZATIONS = get("/Organizations");
    static final Route ORGANIZATION = get("/Organizations/{organizationId}");
    static final Route REPOSITORIES = get("/BackupRepositories");
    static final Route REPOSITORY = get("/BackupRepositories/{repositoryId}");
    static final Route PROXIES = get("/Proxies");
    static final Route USERS = directory("/Organizations/{organizationId}/Users");
    static final Route GROUPS = directory("/Organizations/{organizationId}/Groups");
    static final Route SITES = directory("/Organizations/{organizationId}/Sites");
    static final Route SITE = get("/Organizations/{organizationId}/Sites/{siteId}");
    static final Route TEAMS = directory("/Organizations/{organizationId}/Teams");
    static final Route TEAM = get("/Organizations/{organizationId}/Teams/{teamId}");

    static final Route JOBS = get("/Jobs");
    static final Route ORGANIZATION_JOBS = get("/Organizations/{organizationId}/Jobs");
    static final Route JOB = get("/Jobs/{jobId}");
    static final Route CREATE_JOB = new Route("POST", "/Jobs", Safety.NEVER, false, false);
    static final Route CREATE_ORGANIZATION_JOB =
            new Route("POST", "/Organizations/{organizationId}/Jobs", Safety.NEVER, false, false);
    static final Route EDIT_JOB = new Route("PUT", "/Jobs/{jobId}", Safety.IDEMPOTENT, false, false);
    static final Route DELETE_JOB = new Route("DELETE", "/Jobs/{jobId}", Safety.IDEMPOTENT, false, false);
    static final Route ENABLE_JOB = new Route("POST", "/Jobs/{jobId}/enable", Safety.IDEMPOTENT, false, false);
    static final Route DISABLE_JOB = new Route("POST", "/Jobs/{jobId}/disable", Safety.IDEMPOTENT, false, false);
    static final Route STOP_JOB = new Route("POST", "/Jobs/{jobId}/stop", Safety.IDEMPOTENT, false, false);
    static final Route START_JOB = new Route("POST", "/Jobs/{jobId}/start", Safety.NEVER, false, false);

    static final Route COPY_JOBS = get("/CopyJobs");
    static final Route COPY_JOB = get("/CopyJobs/{copyJobId}");
    static final Route COPY_JOB_OF_JOB = get("/Jobs/{jobId}/CopyJob");
    /** VB365 allows one copy job per backup job: a repeat is refused, yet never retried blindly. */
    static final Route CREATE_COPY_JOB = new Route("POST", "/CopyJobs", Safety.NEVER, false, false);
    static final Route EDIT_COPY_JOB = new Route("PUT", "/CopyJobs/{copyJobId}", Safety.IDEMPOTENT, false, false);
    static final Route DELETE_COPY_JOB = new Route("DELETE", "/CopyJobs/{copyJobId}", Safety.IDEMPOTENT, false, false);

    static final Route JOB_SESSIONS = get("/JobSessions");
    /** v6 has no jobId filter on /JobSessions, but this list. */
    static final Route JOB_SESSIONS_OF_JOB = get("/Jobs/{jobId}/JobSessions");

    static final Route EVENTS = get("/Events");

    static Route items(ItemScope scope) {
        return get("/Jobs/{jobId}/" + scope.segment());
    }

    static Route item(ItemScope scope) {
        return get("/Jobs/{jobId}/" + scope.segment() + "/{itemId}");
    }

    static Route addItems(ItemScope scope) {
        return new Route("POST", "/Jobs/{jobId}/" + scope.segment(), Safety.RETRY_IF_UNPROCESSED, false, false);
    }

    static Route removeItems(ItemScope scope) {
        return new Route("DELETE", "/Jobs/{jobId}/" + scope.segment(), Safety.IDEMPOTENT, false, false);
    }

    static Route editItem(ItemScope scope) {
        return new Route("PUT", "/Jobs/{jobId}/" + scope.segment() + "/{itemId}", Safety.IDEMPOTENT, false, false);
    }

    private static Route get(String template) {
        return new Route("GET", template, Safety.IDEMPOTENT, false, false);
    }

    /** Organization object lists: pages with setId in every version. */
    private static Route directory(String template) {
        return new Route("GET", template, Safety.IDEMPOTENT, true, true);
    }

    Endpoint endpoint(ApiVersion version) {
        return new Endpoint(method, "/" + version.segment() + template);
    }
}
