package dev.vb365.operator.feed;

import static dev.vb365.simulator.testsupport.DefaultFixture.CONTOSO;
import static dev.vb365.simulator.testsupport.DefaultFixture.DEFAULT_REPOSITORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.veeam.ApiVersion;
import dev.vb365.operator.veeam.ItemScope;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.model.BackupType;
import dev.vb365.operator.veeam.model.Job;
import dev.vb365.operator.veeam.model.JobEdit;
import dev.vb365.operator.veeam.model.JobItem;
import dev.vb365.operator.veeam.model.JobStatus;
import dev.vb365.operator.veeam.model.NewJob;
import dev.vb365.operator.veeam.sim.SimBackend;
import dev.vb365.operator.veeam.sim.SimLeakScan;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The change feed against the simulator, while another client changes jobs: v8 events (updates with
 * their eTags, item changes, runs, deletes, an outdated change token), and polling on v6/v7.
 */
@ExtendWith(SimLeakScan.class)
class JobChangeFeedSimTest {

    /** 1 s long polls, 200 ms polling, 50 ms first backoff. */
    static final FeedOptions QUICK = new FeedOptions(Duration.ofSeconds(1), 1000, Duration.ofMillis(200),
            Duration.ofMillis(50), Duration.ofMillis(500));

    final List<JobChange> changes = new CopyOnWriteArrayList<>();

    static NewJob job(String name) {
        return new NewJob(name, "", CONTOSO, DEFAULT_REPOSITORY, BackupType.SELECTED_ITEMS, null, null, null,
                List.of(JobItem.personalSites()), List.of());
    }

    void awaitChange(String what, Predicate<JobChange> wanted) {
        await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> changes.stream().anyMatch(wanted));
    }

    void awaitChange(JobChange wanted) {
        awaitChange(wanted.toString(), wanted::equals);
    }

    static JobEdit description(String text) {
        return JobEdit.settings(null, text, null, null, null, null);
    }

    @Test
    void pollingOnlyListsTheJobsEvenWhereTheServerHasEvents() throws InterruptedException {
        try (SimBackend vb = SimBackend.start(ApiVersion.V8)) {
            VeeamClient other = vb.client();
            String existing = other.createJob(job("Polled")).id();
            vb.sim().resetRequestCounts();
            try (JobChangeFeed feed = new JobChangeFeed(vb.client(), backupJobChanges(changes), QUICK.pollingOnly())) {
                feed.start();
                assertThat(feed.awaitSynced(Duration.ofSeconds(10))).isTrue();
                other.editJob(existing, description("changed elsewhere"));
                awaitChange("the edit, seen by a listing", c -> c.jobId().equals(existing) && c.eTag() != null
                        && c.eTag() == 2L);
            }
            assertThat(vb.sim().requestCounts()).doesNotContainKey("GET /v8/Events")
                    .containsKey("GET /v8/Jobs");
        }
    }

    @Test
    void followsEventsOfChangesMadeByAnotherClient() throws InterruptedException {
        try (SimBackend vb = SimBackend.start(ApiVersion.V8)) {
            VeeamClient other = vb.client();
            String existing = other.createJob(job("Existing")).id();
            vb.sim().resetRequestCounts();
            try (JobChangeFeed feed = new JobChangeFeed(vb.client(), backupJobChanges(changes), QUICK)) {
                feed.start();
                assertThat(feed.awaitSynced(Duration.ofSeconds(10))).isTrue();
                awaitChange(new JobChange(existing, 1L, JobChangeKind.UPDATED, null));

                other.editJob(existing, description("changed elsewhere"));
                awaitChange(new JobChange(existing, 2L, JobChangeKind.UPDATED, null));
                assertThat(feed.job(existing).orElseThrow().description()).isEqualTo("changed elsewhere");

                other.addItems(existing, ItemScope.SELECTED,
                        List.of(JobItem.user(other.resolveUser(CONTOSO, "Alice Anderson"), true, true, true, true)));
                awaitChange(new JobChange(existing, 3L, JobChangeKind.ITEMS_CHANGED, null));
                other.addItems(existing, ItemScope.EXCLUDED,
                        List.of(JobItem.user(other.resolveUser(CONTOSO, "Bob Brown"), true, true, true, true)));
                awaitChange(new JobChange(existing, 4L, JobChangeKind.ITEMS_CHANGED, null));
                assertThat(feed.job(existing).orElseThrow().eTag()).as("the snapshot follows item changes")
                        .isEqualTo(other.getJob(existing).eTag());

                String created = other.createJob(job("Created elsewhere")).id();
                awaitChange(new JobChange(created, 1L, JobChangeKind.UPDATED, null));

                other.startJob(existing);
                awaitChange("the run ends", c -> c.jobId().equals(existing) && c.kind() == JobChangeKind.SESSION_UPDATED
                        && c.sessionStatus() == JobStatus.SUCCESS);
                assertThat(changes).anyMatch(c -> c.jobId().equals(existing)
                        && c.kind() == JobChangeKind.SESSION_UPDATED && c.sessionStatus() == JobStatus.RUNNING);
                Job afterRun = other.getJob(existing);
                await().atMost(Duration.ofSeconds(5)).until(() -> feed.job(existing).orElseThrow().equals(afterRun));
                assertThat(afterRun.eTag()).as("start and end of the run moved it").isEqualTo(6L);

                other.deleteJob(created);
                awaitChange(new JobChange(created, null, JobChangeKind.DELETED, null));
                assertThat(feed.snapshot()).containsOnlyKeys(existing);
                assertThat(changes).as("runs and item changes are not reported as updates")
                        .noneMatch(c -> c.kind() == JobChangeKind.UPDATED && c.jobId().equals(existing)
                                && c.eTag() != null && c.eTag() > 2);
            }
            assertThat(vb.sim().requestCounts()).as("one listing; the rest came from the events")
                    .containsEntry("GET /v8/Jobs", 1L);
            vb.assertContractKept();
        }
    }

    @Test
    void anOutdatedChangeTokenMakesTheFeedListAgainAndGoOn() throws InterruptedException {
        try (SimBackend vb = SimBackend.start(ApiVersion.V8, o -> o.withEventLogCapacity(5))) {
            VeeamClient other = vb.client();
            String id = other.createJob(job("Busy")).id();
            MeterRegistry meters = new SimpleMeterRegistry();
            EventsGate gate = new EventsGate();
            VeeamClient feedClient = vb.client(o -> o.withMeterRegistry(meters)
                    .withBaseHttpClient(o.baseHttpClient().newBuilder().addInterceptor(gate).build()));
            try (JobChangeFeed feed = new JobChangeFeed(feedClient, backupJobChanges(changes), QUICK)) {
                feed.start();
                assertThat(feed.awaitSynced(Duration.ofSeconds(10))).isTrue();
                awaitChange(new JobChange(id, 1L, JobChangeKind.UPDATED, null));
                assertThat(relists(meters, "outdated_token")).as("the first listing is no relist").isZero();
                assertThat(meters.get(JobChangeFeed.LAG_GAUGE).tag("server", vb.sim().baseUri().getHost() + ":"
                        + vb.sim().baseUri().getPort()).gauge().value()).as("vb365_feed_lag_seconds when in sync")
                        .isLessThan(5.0);

                // Hold the feed's next poll while 20 changes push its token out of a log of 5 events.
                gate.close();
                assertThat(gate.awaitHeld(Duration.ofSeconds(5))).as("a poll is held").isTrue();
                for (int i = 1; i <= 20; i++) {
                    other.editJob(id, description("edit " + i));
                }
                gate.open();
                awaitChange(new JobChange(id, 21L, JobChangeKind.UPDATED, null));
                assertThat(outdatedAnswers(meters)).as("the server said OutdatedChangeToken").isEqualTo(1);
                assertThat(vb.sim().requestCounts().get("GET /v8/Jobs")).as("listed again").isEqualTo(2L);

                other.editJob(id, description("after the relist"));
                awaitChange(new JobChange(id, 22L, JobChangeKind.UPDATED, null));
                assertThat(feed.job(id).orElseThrow().description()).isEqualTo("after the relist");
                assertThat(relists(meters, "outdated_token")).as("vb365_feed_relists_total{reason=outdated_token}")
                        .isEqualTo(1.0);
                assertThat(relists(meters, "error")).isZero();
            }
            assertThat(meters.find(JobChangeFeed.LAG_GAUGE).gauge()).as("a closed feed reports no lag").isNull();
            vb.assertContractKept();
        }
    }

    /** Holds the feed's calls to /Events while closed (the simulator's latency would slow every call). */
    static final class EventsGate implements Interceptor {
        private volatile CountDownLatch opened = new CountDownLatch(0);
        private final Semaphore held = new Semaphore(0);

        void close() {
            opened = new CountDownLatch(1);
        }

        void open() {
            opened.countDown();
        }

        boolean awaitHeld(Duration timeout) throws InterruptedException {
            return held.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            CountDownLatch gate = opened;
            if (chain.request().url().encodedPath().endsWith("/Events") && gate.getCount() > 0) {
                held.release();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("gate closed");
                }
            }
            return chain.proceed(chain.request());
        }
    }

    static double relists(MeterRegistry meters, String reason) {
        return meters.get(JobChangeFeed.RELISTS_COUNTER).tag("reason", reason).counter().count();
    }

    static long outdatedAnswers(MeterRegistry meters) {
        return meters.find("vb365.client.requests").tag("path", "/v8/Events").tag("status", "400").timers().stream()
                .mapToLong(Timer::count).sum();
    }

    @ParameterizedTest
    @EnumSource(value = ApiVersion.class, names = {"V7", "V6"})
    void withoutEventsTheFeedPollsTheJobList(ApiVersion version) throws InterruptedException {
        try (SimBackend vb = SimBackend.start(version)) {
            VeeamClient other = vb.client();
            try (JobChangeFeed feed = new JobChangeFeed(vb.client(), backupJobChanges(changes), QUICK)) {
                feed.start();
                assertThat(feed.awaitSynced(Duration.ofSeconds(10))).isTrue();
                assertThat(feed.snapshot()).isEmpty();

                String id = other.createJob(job("Polled")).id();
                awaitChange(new JobChange(id, null, JobChangeKind.UPDATED, null));
                assertThat(feed.job(id).orElseThrow().organizationId()).isEqualTo(CONTOSO);

                other.editJob(id, description("changed elsewhere"));
                awaitChange("the edit", c -> c.jobId().equals(id) && c.kind() == JobChangeKind.UPDATED
                        && "changed elsewhere".equals(feed.job(id).map(Job::description).orElse(null)));

                other.startJob(id);
                awaitChange("the run ends", c -> c.jobId().equals(id) && c.kind() == JobChangeKind.SESSION_UPDATED
                        && c.sessionStatus() == JobStatus.SUCCESS);

                other.deleteJob(id);
                awaitChange(new JobChange(id, null, JobChangeKind.DELETED, null));
                assertThat(feed.snapshot()).isEmpty();
            }
            assertThat(vb.sim().requestCounts()).as("no change feed asked for").doesNotContainKey("GET (unmatched)")
                    .hasEntrySatisfying("GET /" + vb.v() + "/Jobs", n -> assertThat(n).isGreaterThan(3));
            vb.assertContractKept();
        }
    }

    @Test
    void aBurstOfChangesCostsFewLongPollsAndEveryChangeIsDelivered() throws InterruptedException {
        FeedOptions batching = new FeedOptions(Duration.ofSeconds(5), 1000, Duration.ofMillis(200),
                Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofMillis(300));
        int burst = 40;
        try (SimBackend vb = SimBackend.start(ApiVersion.V8)) {
            VeeamClient other = vb.client();
            try (JobChangeFeed feed = new JobChangeFeed(vb.client(), backupJobChanges(changes), batching)) {
                feed.start();
                assertThat(feed.awaitSynced(Duration.ofSeconds(10))).isTrue();
                vb.sim().resetRequestCounts();
                List<String> created = new java.util.ArrayList<>();
                for (int i = 0; i < burst; i++) {
                    created.add(other.createJob(job("Burst " + i)).id());
                    Thread.sleep(10); // paced: without batching, every create would end a long poll
                }
                await("all creates delivered").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                        .until(() -> created.stream().allMatch(id -> changes.contains(
                                new JobChange(id, 1L, JobChangeKind.UPDATED, null))));
                assertThat(feed.snapshot()).containsOnlyKeys(created);
            }
            assertThat(vb.sim().requestCounts().getOrDefault("GET /v8/Events", 0L))
                    .as("a burst of %d changes is read in a few pages, not one long poll per change or two", burst)
                    .isLessThanOrEqualTo(burst / 4);
            vb.assertContractKept();
        }
    }

    /** The changes of backup jobs and of the directory; copy job changes have their own test. */
    static JobChangeListener backupJobChanges(java.util.Collection<JobChange> into) {
        return change -> {
            if (!change.isCopyJob()) {
                into.add(change);
            }
        };
    }
}
