package dev.vb365.operator.veeam;

import dev.vb365.operator.veeam.model.CopyJob;
import dev.vb365.operator.veeam.model.CopyJobSettings;
import dev.vb365.operator.veeam.model.EventPage;
import dev.vb365.operator.veeam.model.Group;
import dev.vb365.operator.veeam.model.Job;
import dev.vb365.operator.veeam.model.JobEdit;
import dev.vb365.operator.veeam.model.JobItem;
import dev.vb365.operator.veeam.model.JobSession;
import dev.vb365.operator.veeam.model.NewJob;
import dev.vb365.operator.veeam.model.Organization;
import dev.vb365.operator.veeam.model.Proxy;
import dev.vb365.operator.veeam.model.Repository;
import dev.vb365.operator.veeam.model.Site;
import dev.vb365.operator.veeam.model.Team;
import dev.vb365.operator.veeam.model.User;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The operator's conversation with one VB365 server. Thread-safe; create one per connection (see
 * {@link VeeamClientPool}) and share it. It knows nothing of Kubernetes.
 *
 * <p>API calls per operation (v8; pages hold {@code pageSize} items, 1000 by default; the first call
 * of a client also costs one token request per version probed):
 * <ul>
 *   <li>{@link #getJob}, {@link #getOrganization}, {@link #getRepository}, {@link #editJob},
 *       {@link #deleteJob}, {@link #enableJob}, {@link #disableJob}, {@link #startJob},
 *       {@link #stopJob}, {@link #editItem}, {@link #addItems}: 1;</li>
 *   <li>{@link #createJob}: 1 (items inline);</li>
 *   <li>{@link #listJobs}, {@link #findJobsByName}, {@link #listItems}, {@link #listOrganizations}:
 *       one per page (v6/v7 have no paging: 1);</li>
 *   <li>{@link #removeItems}: 1 per batch of ids that fits a URL (1500 characters: e.g. 13 user, group or
 *       site item ids of 108 characters, 20 team or organization-wide ones of 72);</li>
 *   <li>lookups: 0 when cached, else 1 (by id) or one per page of the filtered list; a UPN or group
 *       name that does not match falls back to display name (one more).</li>
 * </ul>
 * Tokens are renewed in the background of calls: one refresh per token lifetime (60 min by default).
 */
public final class VeeamClient {

    /** Item ids per DELETE: the ids travel in the query string, which servers limit. */
    private static final int MAX_IDS_QUERY_CHARS = 1500;

    private final VeeamConnection connection;
    private final ApiCaller api;
    private final Pager pager;
    private final Directory directory;
    private final MeterRegistry meters;

    private VeeamClient(VeeamConnection connection, ApiCaller api, Pager pager, Directory directory,
            MeterRegistry meters) {
        this.connection = connection;
        this.api = api;
        this.pager = pager;
        this.directory = directory;
        this.meters = meters;
    }

    public static VeeamClient create(VeeamConnection connection) {
        return create(connection, VeeamClientOptions.defaults());
    }

    public static VeeamClient create(VeeamConnection connection, VeeamClientOptions options) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(options, "options");
        HttpUrl baseUrl = HttpUrl.get(connection.baseUrl());
        Timeouts timeouts = connection.timeouts();
        OkHttpClient.Builder builder = options.baseHttpClient().newBuilder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.write())
                .callTimeout(timeouts.call())
                .followRedirects(false)
                .followSslRedirects(false);
        TlsSetup.configure(builder, connection);
        OkHttpClient http = builder.build();
        Redactor redactor = new Redactor(connection.password());
        Transport transport = new Transport(options.meterRegistry());
        ErrorMapper errors = new ErrorMapper(redactor, options.clock());
        VeeamAuth auth = new VeeamAuth(connection, baseUrl, http, transport, errors, redactor, options);
        ApiCaller api = new ApiCaller(baseUrl, http, timeouts, transport, auth, errors, options.retryPolicy());
        Pager pager = new Pager(api, options.pageSize());
        Directory directory = new Directory(api, pager,
                new LookupCache(options.clock(), options.lookupTtl(), options.negativeLookupTtl()));
        return new VeeamClient(connection, api, pager, directory, options.meterRegistry());
    }

    public VeeamConnection connection() {
        return connection;
    }

    /** Where this client's metrics go (the options' registry); watchers of this server add theirs there. */
    public MeterRegistry meterRegistry() {
        return meters;
    }

    /** The server's API version (logs in to find out if needed). */
    public ApiVersion apiVersion() {
        return api.version();
    }

    // ---- organizations, repositories, proxies, lookups -----------------------------------------

    public List<Organization> listOrganizations() {
        return directory.organizations();
    }

    /** @throws NotFoundException if there is no such organization */
    public Organization getOrganization(String organizationId) {
        return directory.organization(organizationId);
    }

    /** An organization by id or by name (or Microsoft 365 tenant name), cached. */
    public Organization resolveOrganization(String nameOrId) {
        return directory.resolveOrganization(nameOrId);
    }

    public List<Repository> listRepositories() {
        return directory.repositories();
    }

    public Repository getRepository(String repositoryId) {
        return directory.repository(repositoryId);
    }

    /** A backup repository by id or name, cached. */
    public Repository resolveRepository(String nameOrId) {
        return directory.resolveRepository(nameOrId);
    }

    public List<Proxy> listProxies() {
        return directory.proxies();
    }

    /** A user of the organization by UPN or display name, cached. */
    public User resolveUser(String organizationId, String upnOrDisplayName) {
        return directory.resolveUser(organizationId, upnOrDisplayName);
    }

    /** A group of the organization by name or display name, cached. */
    public Group resolveGroup(String organizationId, String nameOrDisplayName) {
        return directory.resolveGroup(organizationId, nameOrDisplayName);
    }

    /** A SharePoint site of the organization by URL or id, cached. */
    public Site resolveSite(String organizationId, String urlOrId) {
        return directory.resolveSite(organizationId, urlOrId);
    }

    /** A team of the organization by display name or id, cached. */
    public Team resolveTeam(String organizationId, String displayNameOrId) {
        return directory.resolveTeam(organizationId, displayNameOrId);
    }

    /** Drops all cached lookups (hits and misses). */
    /**
     * Every user of the organization, every page (selection rules); cached for the lookup lifetime per
     * {@code directoryVersion}, which the caller moves when it learns that the directory changed.
     */
    public List<User> listUsers(String organizationId, long directoryVersion) {
        return directory.allUsers(organizationId, directoryVersion);
    }

    public List<Group> listGroups(String organizationId, long directoryVersion) {
        return directory.allGroups(organizationId, directoryVersion);
    }

    public List<Site> listSites(String organizationId, boolean includePersonal, long directoryVersion) {
        return directory.allSites(organizationId, includePersonal, directoryVersion);
    }

    public List<Team> listTeams(String organizationId, long directoryVersion) {
        return directory.allTeams(organizationId, directoryVersion);
    }

    public void invalidateLookups() {
        directory.clearCache();
    }

    // ---- jobs ----------------------------------------------------------------------------------

    public List<Job> listJobs() {
        return listJobs(null, null);
    }

    /** All jobs, optionally of one organization and/or repository, every page. */
    public List<Job> listJobs(String organizationId, String repositoryId) {
        List<Job> jobs = new ArrayList<>();
        forEachJobPage(organizationId, repositoryId, jobs::addAll);
        return jobs;
    }

    /** Streams the job list page by page (for callers that do not need it all in memory at once). */
    public void forEachJobPage(String organizationId, String repositoryId, Consumer<List<Job>> sink) {
        ApiVersion version = api.version();
        if (version.pagedLists()) {
            ApiRequest request = ApiRequest.of(Route.JOBS)
                    .query("organizationId", organizationId)
                    .query("repositoryId", repositoryId);
            pager.forEachPage(request, Wire.Job.class,
                    page -> sink.accept(page.stream().map(w -> WireMapper.job(w, null)).toList()));
            return;
        }
        // v6/v7: no filters on /Jobs; the organization's own list says which organization a job is in.
        ApiRequest request = organizationId == null ? ApiRequest.of(Route.JOBS)
                : ApiRequest.of(Route.ORGANIZATION_JOBS, organizationId);
        pager.forEachPage(request, Wire.Job.class, page -> sink.accept(page.stream()
                .map(w -> WireMapper.job(w, organizationId))
                .filter(j -> repositoryId == null || repositoryId.equalsIgnoreCase(j.repositoryId()))
                .toList()));
    }

    /**
     * The organization's jobs with this name (ignoring case): the look-before-create check after a
     * {@link CreateOutcomeUnknownException}. One listing of the organization's jobs.
     */
    public List<Job> findJobsByName(String organizationId, String name) {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        return listJobs(organizationId, null).stream().filter(j -> name.equalsIgnoreCase(j.name())).toList();
    }

    /** @throws NotFoundException if there is no such job */
    public Job getJob(String jobId) {
        Job job = WireMapper.job(api.execute(ApiRequest.of(Route.JOB, jobId), ApiCaller.json(Wire.Job.class)), null);
        if (job == null || job.id() == null || job.id().isBlank()) {
            // Everything the operator keeps about a job is keyed by its id: an answer without one is broken.
            throw new MalformedResponseException(Route.JOB.endpoint(api.version()), 200, "the job in the answer has no "
                    + "id (null or missing where VB365 always sends one)", null);
        }
        return job;
    }

    public Optional<Job> findJob(String jobId) {
        try {
            return Optional.of(getJob(jobId));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    public Job createJob(NewJob job) {
        return createJob(job, false);
    }

    /**
     * Creates a job with its items in one call. Never retried: when the outcome is unclear (timeout,
     * reset, 5xx) it throws {@link CreateOutcomeUnknownException}; look with
     * {@link #findJobsByName} before creating again.
     *
     * @param skipItemUpdate v8 only: do not refresh the items' object properties from Microsoft 365
     */
    public Job createJob(NewJob job, boolean skipItemUpdate) {
        ApiVersion version = api.version();
        ApiRequest request = version == ApiVersion.V8
                ? ApiRequest.of(Route.CREATE_JOB).query("skipItemUpdate", skipItemUpdate ? Boolean.TRUE : null)
                : ApiRequest.of(Route.CREATE_ORGANIZATION_JOB, job.organizationId());
        request.body(WireMapper.createBody(job, version))
                .onOutcomeUnknown((endpoint, cause) ->
                        new CreateOutcomeUnknownException(endpoint, job.organizationId(), job.name(), cause));
        Wire.Job created = api.execute(request, ApiCaller.json(Wire.Job.class));
        if (created == null || created.id() == null) {
            Endpoint endpoint = request.route.endpoint(version);
            throw new CreateOutcomeUnknownException(endpoint, job.organizationId(), job.name(),
                    new MalformedResponseException(endpoint, 0, "the response names no job", null));
        }
        return WireMapper.job(created, job.organizationId());
    }

    public void editJob(String jobId, JobEdit edit) {
        editJob(jobId, edit, false);
    }

    /** PUT of the job's settings; fields left {@code null} in {@code edit} are not sent. */
    public void editJob(String jobId, JobEdit edit, boolean skipItemUpdate) {
        ApiVersion version = api.version();
        api.execute(ApiRequest.of(Route.EDIT_JOB, jobId)
                .query("skipItemUpdate", skipItemUpdate && version.takesSkipItemUpdate() ? Boolean.TRUE : null)
                .body(WireMapper.editBody(edit, version)), ApiCaller.NO_BODY);
    }

    /** Removes the job; {@code false} if there was no such job (already gone counts as done). */
    public boolean deleteJob(String jobId) {
        try {
            api.execute(ApiRequest.of(Route.DELETE_JOB, jobId), ApiCaller.NO_BODY);
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    public void enableJob(String jobId) {
        api.execute(ApiRequest.of(Route.ENABLE_JOB, jobId), ApiCaller.NO_BODY);
    }

    public void disableJob(String jobId) {
        api.execute(ApiRequest.of(Route.DISABLE_JOB, jobId), ApiCaller.NO_BODY);
    }

    public Optional<JobSession> startJob(String jobId) {
        return startJob(jobId, false);
    }

    /**
     * Starts the job (an active full backup if {@code full}). Never retried; an unclear outcome is an
     * {@link OutcomeUnknownException}. Returns the session on v8; v6/v7 do not say.
     */
    public Optional<JobSession> startJob(String jobId, boolean full) {
        Wire.JobSession session = api.execute(ApiRequest.of(Route.START_JOB, jobId)
                .body(new Wire.StartOptions(full)), ApiCaller.json(Wire.JobSession.class));
        return Optional.ofNullable(session).map(WireMapper::session);
    }

    /**
     * The job's newest session, if it ever ran: one GET of a one-element page (VB365 lists sessions newest first),
     * filtered by job (v7, v8) or of the job's own session list (v6, which has no filter).
     */
    public Optional<JobSession> latestSession(String jobId) {
        ApiRequest request = api.version() == ApiVersion.V6 ? ApiRequest.of(Route.JOB_SESSIONS_OF_JOB, jobId)
                : ApiRequest.of(Route.JOB_SESSIONS).query("jobId", jobId);
        VeeamJson.PageResult<Wire.JobSession> page = api.execute(request.page(0, 1, null),
                (body, endpoint, status) -> VeeamJson.readPageOrArray(body, Wire.JobSession.class, endpoint, status));
        if (page == null || page.items().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(WireMapper.session(page.items().get(0)));
    }

    public void stopJob(String jobId) {
        api.execute(ApiRequest.of(Route.STOP_JOB, jobId), ApiCaller.NO_BODY);
    }

    // ---- backup copy jobs ----------------------------------------------------------------------

    /** Every copy job of the server, every page (v8 pages; v6/v7 answer one array). */
    public List<CopyJob> listCopyJobs() {
        return pager.all(ApiRequest.of(Route.COPY_JOBS), Wire.CopyJob.class).stream().map(WireMapper::copyJob)
                .toList();
    }

    /** @throws NotFoundException if there is no such copy job */
    public CopyJob getCopyJob(String copyJobId) {
        CopyJob copy = WireMapper.copyJob(api.execute(ApiRequest.of(Route.COPY_JOB, copyJobId),
                ApiCaller.json(Wire.CopyJob.class)));
        if (copy == null || copy.id() == null || copy.id().isBlank()) {
            throw new MalformedResponseException(Route.COPY_JOB.endpoint(api.version()), 200, "the copy job in the "
                    + "answer has no id (null or missing where VB365 always sends one)", null);
        }
        return copy;
    }

    public Optional<CopyJob> findCopyJob(String copyJobId) {
        try {
            return Optional.of(getCopyJob(copyJobId));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    /** The backup job's copy job, if it has one (VB365 allows one per backup job). */
    public Optional<CopyJob> copyJobOf(String jobId) {
        try {
            return Optional.ofNullable(WireMapper.copyJob(api.execute(ApiRequest.of(Route.COPY_JOB_OF_JOB, jobId),
                    ApiCaller.json(Wire.CopyJob.class))));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    /**
     * Creates the copy job of {@code settings.backupJobId()}. Never retried: when the outcome is unclear it throws
     * {@link OutcomeUnknownException}; look with {@link #copyJobOf} before creating again.
     */
    public CopyJob createCopyJob(CopyJobSettings settings) {
        ApiRequest request = ApiRequest.of(Route.CREATE_COPY_JOB).body(WireMapper.copyJobBody(settings,
                api.version()));
        CopyJob created = WireMapper.copyJob(api.execute(request, ApiCaller.json(Wire.CopyJob.class)));
        if (created == null || created.id() == null) {
            Endpoint endpoint = request.route.endpoint(api.version());
            throw new OutcomeUnknownException(endpoint, "the response names no copy job",
                    new MalformedResponseException(endpoint, 0, "the response names no copy job", null));
        }
        return created;
    }

    /** PUT of every setting of the copy job. */
    public void editCopyJob(String copyJobId, CopyJobSettings settings) {
        api.execute(ApiRequest.of(Route.EDIT_COPY_JOB, copyJobId).body(WireMapper.copyJobBody(settings,
                api.version())), ApiCaller.NO_BODY);
    }

    /** Removes the copy job; {@code false} if there was no such copy job (already gone counts as done). */
    public boolean deleteCopyJob(String copyJobId) {
        try {
            api.execute(ApiRequest.of(Route.DELETE_COPY_JOB, copyJobId), ApiCaller.NO_BODY);
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    // ---- selected and excluded items -----------------------------------------------------------

    /** Every item of the list, every page. */
    public List<JobItem> listItems(String jobId, ItemScope scope) {
        return pager.all(ApiRequest.of(Route.items(scope), jobId), Wire.JobItem.class).stream()
                .map(WireMapper::item).toList();
    }

    public JobItem getItem(String jobId, ItemScope scope, String itemId) {
        return WireMapper.item(api.execute(ApiRequest.of(Route.item(scope), jobId, itemId),
                ApiCaller.json(Wire.JobItem.class)));
    }

    public void addItems(String jobId, ItemScope scope, List<JobItem> items) {
        addItems(jobId, scope, items, false);
    }

    /**
     * Adds items in one call. Retried only when the server surely did not process it; an unclear
     * outcome is an {@link OutcomeUnknownException} (list the items before adding again).
     */
    public void addItems(String jobId, ItemScope scope, List<JobItem> items, boolean skipItemUpdate) {
        if (items.isEmpty()) {
            return;
        }
        ApiVersion version = api.version();
        api.execute(ApiRequest.of(Route.addItems(scope), jobId)
                .query("skipItemUpdate", skipItemUpdate && version.takesSkipItemUpdate() ? Boolean.TRUE : null)
                .body(WireMapper.itemBodies(items, version)), ApiCaller.NO_BODY);
    }

    /** Removes items by id (the ids {@link #listItems} returned), in as few calls as the URL allows. */
    public void removeItems(String jobId, ItemScope scope, Collection<String> itemIds) {
        List<String> batch = new ArrayList<>();
        int length = 0;
        for (String id : itemIds) {
            if (!batch.isEmpty() && length + id.length() + 1 > MAX_IDS_QUERY_CHARS) {
                removeBatch(jobId, scope, batch);
                batch = new ArrayList<>();
                length = 0;
            }
            batch.add(id);
            length += id.length() + 1;
        }
        if (!batch.isEmpty()) {
            removeBatch(jobId, scope, batch);
        }
    }

    private void removeBatch(String jobId, ItemScope scope, List<String> ids) {
        api.execute(ApiRequest.of(Route.removeItems(scope), jobId).query("ids", String.join(",", ids)),
                ApiCaller.NO_BODY);
    }

    public void editItem(String jobId, ItemScope scope, JobItem item) {
        editItem(jobId, scope, item, false);
    }

    /** PUT of one item's processing options; {@code item.id()} names it. */
    public void editItem(String jobId, ItemScope scope, JobItem item, boolean skipItemUpdate) {
        Objects.requireNonNull(item.id(), "item.id");
        ApiVersion version = api.version();
        api.execute(ApiRequest.of(Route.editItem(scope), jobId, item.id())
                .query("skipItemUpdate", skipItemUpdate && version.takesSkipItemUpdate() ? Boolean.TRUE : null)
                .body(WireMapper.itemBody(item, version)), ApiCaller.NO_BODY);
    }

    // ---- change feed ---------------------------------------------------------------------------

    /** Whether the server has {@code /Events} (v8); otherwise watch jobs by polling. */
    public boolean supportsEvents() {
        return api.version().hasEvents();
    }

    /**
     * One long poll of {@code GET /v8/Events}: events after {@code from} (a change token, or
     * {@code "latest"}), waiting up to {@code wait} for the first one. An outdated token fails with
     * errorCode {@code OutdatedChangeToken}. {@code cancellation} aborts the wait from another thread.
     */
    public EventPage events(String from, int limit, Duration wait, Cancellation cancellation) {
        ApiVersion version = api.version();
        if (!version.hasEvents()) {
            throw new UnsupportedOperationException("change events need API v8; the server speaks "
                    + version.segment());
        }
        Wire.EventPage page = api.execute(ApiRequest.of(Route.EVENTS)
                .query("from", from)
                .query("limit", limit)
                .query("timeoutSeconds", wait.toSeconds())
                .longPoll(wait)
                .cancellation(cancellation), ApiCaller.json(Wire.EventPage.class));
        if (page == null) {
            throw new MalformedResponseException(Route.EVENTS.endpoint(version), 0, "no body", null);
        }
        return new EventPage(page.nextChangeToken(), page.results() == null ? List.of()
                : page.results().stream().map(WireMapper::event).toList());
    }

    /** The current change token (events from now on), without waiting. */
    public String latestChangeToken(Cancellation cancellation) {
        EventPage page = events("latest", 1, Duration.ZERO, cancellation);
        if (page.nextChangeToken() == null) {
            throw new MalformedResponseException(Route.EVENTS.endpoint(api.version()), 200,
                    "no nextChangeToken in the response", null);
        }
        return page.nextChangeToken();
    }

    @Override
    public String toString() {
        return "VeeamClient[" + connection.baseUrl() + "]";
    }
}
