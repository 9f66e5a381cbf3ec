package dev.vb365.operator.feed;

import dev.vb365.operator.veeam.Cancellation;
import dev.vb365.operator.veeam.ForbiddenException;
import dev.vb365.operator.veeam.NotFoundException;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.VeeamException;
import dev.vb365.operator.veeam.model.ChangeEvent;
import dev.vb365.operator.veeam.model.EventPage;
import dev.vb365.operator.veeam.model.EventType;
import dev.vb365.operator.veeam.model.Job;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one VB365 server's backup jobs and keeps a snapshot of them (id to job): the operator's
 * observed-state cache, and the trigger for reconciles when a job changes outside Kubernetes.
 *
 * <p>On v8 it lists the jobs once, then long-polls {@code GET /v8/Events} from the change token it
 * took before listing (so nothing between listing and polling is lost). Job updates, item changes
 * and run updates refresh the job ({@code GET /Jobs/{id}}, once per job per batch of events: each of
 * them moves the job's eTag); deletes need no call. An {@code OutdatedChangeToken}, or any failure
 * (after a backoff), starts over with a new token and a new listing, reporting what changed in
 * between. Servers without the feed
 * (v6/v7, or a v8 that refuses {@code /Events}) are polled: the job list every {@code pollInterval},
 * compared with the snapshot.
 *
 * <p>Costs: at start (and after each restart) one {@code Events?from=latest} and one job listing
 * (one call per page); then one long poll per {@code longPollWait} while nothing happens, at most one
 * per {@code batchWindow} while changes keep coming (it waits that long after a page with events), plus one
 * {@code GET /Jobs/{id}} per job updated, run or with changed items per batch of events, except for
 * the operator's own writes: a create's answer or the read-back after edits is {@link #remember
 * remembered}, and the JobUpdate it causes needs no read. Polling costs one listing per
 * {@code pollInterval}.
 *
 * <p>Every listing after the first one of the event-driven mode counts in {@code vb365.feed.relists}
 * (Prometheus {@code vb365_feed_relists_total}, tag {@code reason}: outdated_token, feed_ended or
 * error): the feed lost its position and paid for a full listing. The listings of the polling
 * fallback are its normal schedule and are not counted.
 *
 * <p>It runs on its own daemon thread, never spins (failures wait {@code minBackoff} doubling to
 * {@code maxBackoff}), and {@link #close()} returns promptly, aborting a long poll in flight.
 */
public final class JobChangeFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobChangeFeed.class);
    private static final String OUTDATED_TOKEN = "OutdatedChangeToken";
    public static final String RELISTS_COUNTER = "vb365.feed.relists";
    public static final String LAG_GAUGE = "vb365.feed.lag.seconds";

    /** Why the feed listed all jobs again; the values of the {@code reason} tag. */
    enum Relist {
        OUTDATED_TOKEN("outdated_token"), FEED_ENDED("feed_ended"), ERROR("error");

        private final String tag;

        Relist(String tag) {
            this.tag = tag;
        }
    }

    private final VeeamClient client;
    private final JobChangeListener listener;
    private final FeedOptions options;
    private final ConcurrentHashMap<String, Job> jobs = new ConcurrentHashMap<>();
    private final Cancellation cancellation = new Cancellation();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch firstSync = new CountDownLatch(1);
    private final Map<Relist, Counter> relists = new EnumMap<>(Relist.class);
    private volatile boolean running;
    private Thread thread;
    private final MeterRegistry meters;
    private final Gauge lag;
    // The operator's own writes in flight (guarded by ownWrites): the feed waits briefly for their answers
    // before reading back a job an event names, since the answer usually tells what the read would.
    private final Object ownWrites = new Object();
    private int ownWritesInFlight;
    // When the snapshot was last known to be current, and whether a healthy long poll is in flight now
    // (the server answers it as soon as anything changes, so the snapshot is current while it waits).
    private volatile long currentAtNanos = System.nanoTime();
    private volatile boolean longPolling;

    public JobChangeFeed(VeeamClient client, JobChangeListener listener, FeedOptions options) {
        this.client = client;
        this.listener = listener;
        this.options = options;
        // Registered up front so the series exist (at 0) before the first relist.
        this.meters = client.meterRegistry();
        for (Relist reason : Relist.values()) {
            relists.put(reason, Counter.builder(RELISTS_COUNTER)
                    .description("Full VB365 job listings after the change feed lost its position, by reason")
                    .tag("reason", reason.tag)
                    .register(meters));
        }
        this.lag = Gauge.builder(LAG_GAUGE, this, JobChangeFeed::lagSeconds)
                .description("How far behind VB365 the operator's view of its jobs may be: 0 while a long poll"
                        + " is waiting, else seconds since the last successful listing or events page")
                .tag("server", serverTag(client.connection().baseUrl()))
                .strongReference(false)
                .register(meters);
    }

    /** Seconds the snapshot may be behind the server (0 while a healthy long poll waits for changes). */
    public double lagSeconds() {
        return longPolling ? 0 : (System.nanoTime() - currentAtNanos) / 1e9;
    }

    /** host:port: bounded by the number of VB365 servers, and no credentials or paths. */
    private static String serverTag(String baseUrl) {
        java.net.URI uri = java.net.URI.create(baseUrl);
        return uri.getPort() < 0 ? String.valueOf(uri.getHost()) : uri.getHost() + ":" + uri.getPort();
    }

    /** Starts watching on a daemon thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        thread = new Thread(this::run, "vb365-job-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** The jobs as last seen, by id (a copy). */
    public Map<String, Job> snapshot() {
        return Map.copyOf(jobs);
    }

    public Optional<Job> job(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /**
     * Marks the start of one of the operator's own writes to a job; close the returned handle after
     * {@link #remember remembering} the write's answer. While own writes are in flight, an event
     * about a job the snapshot does not know at that eTag waits (at most {@link #OWN_WRITE_WAIT}) for
     * the answer instead of reading the job back: a BackupJob created costs one POST, not a POST and
     * the feed's GET of the job it just created.
     */
    public OwnWrite beginOwnWrite() {
        synchronized (ownWrites) {
            ownWritesInFlight++;
        }
        return () -> {
            synchronized (ownWrites) {
                ownWritesInFlight--;
                ownWrites.notifyAll();
            }
        };
    }

    /** The end of an own write (no checked exception, may be closed once). */
    public interface OwnWrite extends AutoCloseable {
        @Override
        void close();
    }

    /** How long an event waits for an own write's answer before the feed reads the job itself. */
    static final Duration OWN_WRITE_WAIT = Duration.ofSeconds(1);

    /**
     * A job as one of the operator's own writes returned it (a create's answer, a read-back after
     * edits): it enters the snapshot unless the snapshot already has it at this eTag or a newer one.
     */
    public void remember(Job job) {
        if (job == null || job.id() == null || job.eTag() == null) {
            return;
        }
        jobs.merge(job.id(), job, (known, mine) -> known.eTag() != null && known.eTag() >= mine.eTag() ? known : mine);
        synchronized (ownWrites) {
            ownWrites.notifyAll();
        }
    }

    /** Whether the snapshot knows the job at {@code eTag} or later. */
    private boolean knows(String jobId, Long eTag) {
        Job known = jobs.get(jobId);
        return known != null && known.eTag() != null && eTag != null && eTag <= known.eTag();
    }

    /** Waits until the snapshot knows each job at its event's eTag, no own write is in flight, or the wait ends. */
    private void awaitOwnWrites(Map<String, Long> wanted) {
        long deadline = System.nanoTime() + OWN_WRITE_WAIT.toNanos();
        synchronized (ownWrites) {
            while (ownWritesInFlight > 0 && !wanted.entrySet().stream().allMatch(e -> knows(e.getKey(), e.getValue()))) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    return;
                }
                try {
                    ownWrites.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.interrupted(); // close() interrupts; the loop checks 'running'
                    return;
                }
            }
        }
    }

    /** Whether the first listing has completed (until then the snapshot is empty, not "no jobs"). */
    public boolean hasSynced() {
        return firstSync.getCount() == 0;
    }

    /** Waits for the first listing; {@code false} on timeout. */
    public boolean awaitSynced(Duration timeout) throws InterruptedException {
        return firstSync.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the feed: aborts a poll in flight and waits (briefly) for the thread to end. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            this.running = false;
            running = thread;
        }
        stopSignal.countDown();
        cancellation.cancel();
        meters.remove(lag);
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
            try {
                running.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Backoff backoff = new Backoff(options.minBackoff(), options.maxBackoff());
        String token = null;
        boolean resync = true;
        Relist resyncReason = null; // null: the first listing, not a relist
        boolean eventsAvailable = true;
        while (running) {
            try {
                if (options.pollOnly() || !eventsAvailable || !client.supportsEvents()) {
                    relist();
                    backoff.reset();
                    pause(options.pollInterval());
                    continue;
                }
                if (resync) {
                    token = client.latestChangeToken(cancellation);
                    boolean relisting = hasSynced();
                    relist();
                    if (relisting && resyncReason != null) {
                        relists.get(resyncReason).increment();
                    }
                    resync = false;
                    resyncReason = null;
                }
                longPolling = true;
                EventPage page;
                try {
                    page = client.events(token, options.eventLimit(), options.longPollWait(), cancellation);
                } finally {
                    longPolling = false;
                }
                apply(page.events());
                currentAtNanos = System.nanoTime();
                if (page.nextChangeToken() == null) {
                    resync = true;
                    resyncReason = Relist.FEED_ENDED;
                } else {
                    token = page.nextChangeToken();
                }
                backoff.reset();
                if (!resync && !page.events().isEmpty() && page.events().size() < options.eventLimit()
                        && !options.batchWindow().isZero()) {
                    // Each change ends a long poll at once: without this pause a burst of N changes
                    // costs about N/2 polls. A full page means a backlog, which is read at once.
                    pause(options.batchWindow());
                }
            } catch (CancellationException stopped) {
                if (!running) {
                    break;
                }
                resync = true;
                resyncReason = Relist.ERROR;
            } catch (VeeamException e) {
                if (!running) {
                    break;
                }
                resync = true;
                resyncReason = OUTDATED_TOKEN.equalsIgnoreCase(e.errorCode()) ? Relist.OUTDATED_TOKEN : Relist.ERROR;
                if (OUTDATED_TOKEN.equalsIgnoreCase(e.errorCode())) {
                    LOG.info("VB365 change token outdated; listing jobs again");
                    if (backoff.failures() > 0) {
                        pause(backoff.next()); // outdated twice in a row: do not hammer
                    } else {
                        backoff.next();
                    }
                } else if (eventsAvailable && (e instanceof NotFoundException || e instanceof ForbiddenException)
                        && e.pathTemplate() != null && e.pathTemplate().endsWith("/Events")) {
                    LOG.warn("VB365 refuses the change feed ({}); polling the job list every {} s instead",
                            e.getMessage(), options.pollInterval().toSeconds());
                    eventsAvailable = false;
                } else {
                    Duration wait = backoff.next();
                    LOG.warn("VB365 change feed failed: {}; starting over in {} ms", e.getMessage(), wait.toMillis());
                    pause(wait);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                resync = true;
                resyncReason = Relist.ERROR;
                Duration wait = backoff.next();
                LOG.error("VB365 change feed failed unexpectedly; starting over in {} ms", wait.toMillis(), e);
                pause(wait);
            }
        }
        LOG.debug("VB365 change feed stopped");
    }

    /** Lists all jobs, replaces the snapshot and reports the differences. */
    private void relist() {
        List<Job> listed = client.listJobs();
        Map<String, Job> before = Map.copyOf(jobs);
        Map<String, Job> after = new LinkedHashMap<>();
        for (Job job : listed) {
            after.put(job.id(), job);
        }
        jobs.putAll(after);
        jobs.keySet().retainAll(after.keySet());
        currentAtNanos = System.nanoTime();
        firstSync.countDown();
        for (JobChange change : ListingChanges.between(before, after.values())) {
            emit(change);
        }
        // The listing has backup jobs only: whatever happened to copy jobs until now is not known from it.
        emit(JobChange.copyJobsUnseen());
    }

    /** Applies one batch of events: refresh what needs refreshing, then report in event order. */
    private void apply(List<ChangeEvent> events) {
        Map<String, Long> unknown = new LinkedHashMap<>(); // JobUpdates newer than the snapshot
        for (ChangeEvent event : events) {
            if (event.isBackupJob() && event.type() == EventType.JOB_UPDATE && !knows(event.id(), event.eTag())) {
                unknown.merge(event.id(), event.eTag() == null ? Long.MAX_VALUE : event.eTag(), Math::max);
            }
        }
        if (!unknown.isEmpty()) {
            awaitOwnWrites(unknown);
        }
        Set<String> toRefresh = new LinkedHashSet<>();
        Set<String> moved = new HashSet<>(); // jobs whose JobUpdate carries an eTag newer than ours
        for (ChangeEvent event : events) {
            if (!event.isBackupJob()) {
                continue;
            }
            switch (event.type()) {
                case JOB_UPDATE -> {
                    Job known = jobs.get(event.id());
                    if (known == null || known.eTag() == null || event.eTag() == null
                            || event.eTag() > known.eTag()) {
                        toRefresh.add(event.id());
                        moved.add(event.id());
                    }
                }
                // An item change moves the job's eTag too, but its event carries none: read the job,
                // or the snapshot keeps a stale eTag until the next JobUpdate.
                case JOB_SESSION_UPDATE, JOB_SELECTED_ITEMS_CHANGE, JOB_EXCLUDED_ITEMS_CHANGE -> {
                    if (event.jobId() != null) {
                        toRefresh.add(event.jobId());
                    }
                }
                default -> {
                }
            }
        }
        Set<String> refreshed = new HashSet<>();
        Set<String> gone = new HashSet<>();
        for (String jobId : toRefresh) {
            Optional<Job> job = client.findJob(jobId);
            if (job.isPresent()) {
                jobs.put(jobId, job.get());
                refreshed.add(jobId);
            } else {
                jobs.remove(jobId);
                gone.add(jobId);
            }
        }
        Set<String> updated = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        for (ChangeEvent event : events) {
            if (!event.isBackupJob()) {
                continue;
            }
            switch (event.type()) {
                case JOB_UPDATE -> {
                    if (gone.contains(event.id())) {
                        if (deleted.add(event.id())) {
                            emit(new JobChange(event.id(), null, JobChangeKind.DELETED, null));
                        }
                    } else if (moved.contains(event.id()) && refreshed.contains(event.id())
                            && updated.add(event.id())) {
                        emit(new JobChange(event.id(), eTagOf(event.id()), JobChangeKind.UPDATED, null));
                    }
                }
                case JOB_DELETE -> {
                    jobs.remove(event.id());
                    if (deleted.add(event.id())) {
                        emit(new JobChange(event.id(), null, JobChangeKind.DELETED, null));
                    }
                }
                case JOB_SELECTED_ITEMS_CHANGE, JOB_EXCLUDED_ITEMS_CHANGE -> {
                    if (event.jobId() != null && !gone.contains(event.jobId())) {
                        emit(new JobChange(event.jobId(), eTagOf(event.jobId()), JobChangeKind.ITEMS_CHANGED, null));
                    }
                }
                case JOB_SESSION_UPDATE -> {
                    if (event.jobId() != null && !gone.contains(event.jobId())) {
                        emit(new JobChange(event.jobId(), eTagOf(event.jobId()), JobChangeKind.SESSION_UPDATED,
                                event.status()));
                    }
                }
                default -> {
                }
            }
        }
        // Directory changes: each organization once per batch (rules that follow its directory look again; it moves
        // the directory's version first, so that lookups cached before it are stale), then each object once (the
        // BackupJobs naming it look again).
        Set<String> organizations = new LinkedHashSet<>();
        Set<String> objects = new LinkedHashSet<>();
        for (ChangeEvent event : events) {
            if (event.type().isDirectory() && event.organizationId() != null) {
                organizations.add(event.organizationId().toLowerCase(java.util.Locale.ROOT));
                if (event.id() != null) {
                    objects.add(event.id().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        organizations.forEach(org -> emit(JobChange.directory(org)));
        objects.forEach(id -> emit(JobChange.directoryObject(id)));
        // Backup copy jobs: each one once per batch (the BackupCopyJob reads it itself; no call here).
        // A JobUpdate carries the copy job's new eTag; a run's or a delete's event does not (a session's eTag is the
        // session's), and one of those in the batch makes the change one to read (eTag null).
        Map<String, Long> copies = new LinkedHashMap<>();
        for (ChangeEvent event : events) {
            if (event.isCopyJob()) {
                String copyId = event.type() == EventType.JOB_SESSION_UPDATE ? event.jobId() : event.id();
                if (copyId != null) {
                    long eTag = event.type() == EventType.JOB_UPDATE && event.eTag() != null ? event.eTag()
                            : Long.MIN_VALUE;
                    copies.merge(copyId.toLowerCase(java.util.Locale.ROOT), eTag,
                            (a, b) -> a == Long.MIN_VALUE || b == Long.MIN_VALUE ? Long.MIN_VALUE : Math.max(a, b));
                }
            }
        }
        copies.forEach((id, eTag) -> emit(JobChange.copyJob(id, eTag == Long.MIN_VALUE ? null : eTag)));
    }

    private Long eTagOf(String jobId) {
        Job job = jobs.get(jobId);
        return job == null ? null : job.eTag();
    }

    private void emit(JobChange change) {
        try {
            listener.onChange(change);
        } catch (RuntimeException e) {
            LOG.error("Job change listener failed on {}", change, e);
        }
    }

    /** Sleeps, but wakes up at once when the feed is closed. */
    private void pause(Duration duration) {
        try {
            stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // close() interrupts to cut waits short; the loop checks 'running'. Keeping the flag set
            // would make the next HTTP call fail at once.
            Thread.interrupted();
        }
    }

    /** Exponential backoff with equal jitter: never less than half the current step, so never a spin. */
    private static final class Backoff {
        private final long minMillis;
        private final long maxMillis;
        private int failures;

        Backoff(Duration min, Duration max) {
            this.minMillis = Math.max(1, min.toMillis());
            this.maxMillis = Math.max(minMillis, max.toMillis());
        }

        Duration next() {
            long step = Math.min(maxMillis, minMillis << Math.min(failures, 20));
            failures++;
            long half = step / 2;
            return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(step - half + 1));
        }

        int failures() {
            return failures;
        }

        void reset() {
            failures = 0;
        }
    }
}
