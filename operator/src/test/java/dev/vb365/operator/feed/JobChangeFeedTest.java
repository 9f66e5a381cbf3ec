package dev.vb365.operator.feed;

import static dev.vb365.operator.veeam.FakeVeeam.error;
import static dev.vb365.operator.veeam.FakeVeeam.json;
import static dev.vb365.operator.veeam.JobFixtures.jobId;
import static dev.vb365.operator.veeam.JobFixtures.v8Job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.veeam.ApiVersion;
import dev.vb365.operator.veeam.JobFixtures;
import dev.vb365.operator.veeam.LeakGuard;
import dev.vb365.operator.veeam.VeeamTestServer;
import dev.vb365.operator.veeam.model.Job;
import dev.vb365.operator.veeam.model.JobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakGuard.class)
class JobChangeFeedTest {

    static final FeedOptions FAST = new FeedOptions(Duration.ofSeconds(1), 1000, Duration.ofMillis(100),
            Duration.ofMillis(50), Duration.ofMillis(200));
    static final String J1 = jobId(1);
    static final String J2 = jobId(2);
    static final String J3 = jobId(3);

    VeeamTestServer vb;
    JobChangeFeed feed;
    final BlockingQueue<JobChange> changes = new LinkedBlockingQueue<>();
    final AtomicReference<List<String>> listing = new AtomicReference<>();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (feed != null) {
            feed.close();
        }
        if (vb != null) {
            vb.close();
        }
    }

    void startV8(EventsHandler events) {
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.on("GET", "/v8/Jobs", r -> json(200, JobFixtures.page(0, 1000, null, listing.get())));
        vb.fake.on("GET", "/v8/Events", r -> {
            String from = r.getUrl().queryParameter("from");
            return "latest".equals(from) ? json(200, eventPage("t0")) : events.answer(from, r);
        });
        feed = new JobChangeFeed(vb.client(), backupJobChanges(changes), FAST);
        feed.start();
    }

    interface EventsHandler {
        MockResponse answer(String from, RecordedRequest request);
    }

    /** What a long poll with nothing new returns, a little later. */
    static MockResponse quiet(String token) {
        return json(200, eventPage(token)).newBuilder().headersDelay(100, TimeUnit.MILLISECONDS).build();
    }

    static String eventPage(String next, String... events) {
        return "{\"nextChangeToken\":\"" + next + "\",\"limit\":1000,\"results\":[" + String.join(",", events) + "]}";
    }

    List<JobChange> take(int n) throws InterruptedException {
        List<JobChange> taken = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JobChange change = changes.poll(5, TimeUnit.SECONDS);
            assertThat(change).as("change %d of %d (got %s)", i + 1, n, taken).isNotNull();
            taken.add(change);
        }
        return taken;
    }

    @Test
    void copyJobEventsAreReportedOncePerCopyJobAndBatchWithoutACall() throws Exception {
        listing.set(List.of(v8Job(1, 1)));
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.on("GET", "/v8/Jobs", r -> json(200, JobFixtures.page(0, 1000, null, listing.get())));
        vb.fake.on("GET", "/v8/Events", r -> {
            String from = r.getUrl().queryParameter("from");
            return switch (from) {
                case "latest" -> json(200, eventPage("t0"));
                case "t0" -> json(200, eventPage("t1",
                        "{\"eventType\":\"JobUpdate\",\"id\":\"" + jobId(9) + "\",\"eTag\":3,\"jobType\":\"Copy\"}",
                        "{\"eventType\":\"JobUpdate\",\"id\":\"" + jobId(9) + "\",\"eTag\":4,\"jobType\":\"Copy\"}",
                        "{\"eventType\":\"JobSessionUpdate\",\"id\":\"s-9\",\"eTag\":1,\"jobId\":\"" + jobId(8)
                                + "\",\"status\":\"Success\",\"jobType\":\"Copy\"}",
                        "{\"eventType\":\"JobDelete\",\"id\":\"" + jobId(7) + "\",\"jobType\":\"Copy\"}"));
                default -> quiet(from);
            };
        });
        List<JobChange> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        feed = new JobChangeFeed(vb.client(), all::add, FAST);
        feed.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> all.size() >= 5);
        assertThat(all).containsExactly(
                new JobChange(J1, 1L, JobChangeKind.UPDATED, null),
                JobChange.copyJobsUnseen(),
                JobChange.copyJob(jobId(9), 4L),
                // a run, a delete: no eTag of the copy job itself, so whoever follows it reads it
                JobChange.copyJob(jobId(8), null),
                JobChange.copyJob(jobId(7), null));
        assertThat(vb.fake.requests("GET", "/v8/CopyJobs/" + jobId(9))).isEmpty();
        assertThat(feed.snapshot()).containsOnlyKeys(J1);
    }

    @Test
    void listsOnceThenFollowsTheEvents() throws Exception {
        listing.set(List.of(v8Job(1, 1), v8Job(2, 5)));
        vb = null;
        startV8((from, r) -> switch (from) {
            case "t0" -> json(200, eventPage("t1",
                    "{\"eventType\":\"JobUpdate\",\"id\":\"" + J1 + "\",\"eTag\":2,\"jobType\":\"Backup\"}",
                    "{\"eventType\":\"JobUpdate\",\"id\":\"" + J2 + "\",\"eTag\":5,\"jobType\":\"Backup\"}",
                    "{\"eventType\":\"JobUpdate\",\"id\":\"" + jobId(9) + "\",\"eTag\":1,\"jobType\":\"Copy\"}",
                    "{\"eventType\":\"JobSelectedItemsChange\",\"jobId\":\"" + J2 + "\"}",
                    "{\"eventType\":\"JobSessionUpdate\",\"id\":\"s-1\",\"eTag\":1,\"jobId\":\"" + J2
                            + "\",\"status\":\"Running\",\"jobType\":\"Backup\"}",
                    "{\"eventType\":\"RestoreSessionUpdate\",\"id\":\"r-1\",\"eTag\":1}",
                    "{\"eventType\":\"JobDelete\",\"id\":\"" + J3 + "\",\"jobType\":\"Backup\"}"));
            default -> quiet(from);
        });
        vb.fake.onJson("GET", "/v8/Jobs/" + J1, 200, v8Job(1, 2));
        vb.fake.onJson("GET", "/v8/Jobs/" + J2, 200, v8Job(2, 5, "Job 2", "Running"));

        assertThat(take(6)).containsExactly(
                new JobChange(J1, 1L, JobChangeKind.UPDATED, null),
                new JobChange(J2, 5L, JobChangeKind.UPDATED, null),
                new JobChange(J1, 2L, JobChangeKind.UPDATED, null),
                new JobChange(J2, 5L, JobChangeKind.ITEMS_CHANGED, null),
                new JobChange(J2, 5L, JobChangeKind.SESSION_UPDATED, JobStatus.RUNNING),
                new JobChange(J3, null, JobChangeKind.DELETED, null));

        assertThat(feed.hasSynced()).isTrue();
        assertThat(feed.snapshot()).containsOnlyKeys(J1, J2);
        assertThat(feed.job(J1)).map(Job::eTag).contains(2L);
        assertThat(feed.job(J2)).map(Job::lastStatus).contains(JobStatus.RUNNING);
        // one refresh per job that changed; none for the copy job, the stale eTag or the delete
        assertThat(vb.fake.requests("GET", "/v8/Jobs/" + J1)).hasSize(1);
        assertThat(vb.fake.requests("GET", "/v8/Jobs/" + J2)).hasSize(1);
        assertThat(vb.fake.requests("GET", "/v8/Jobs/" + jobId(9))).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> vb.fake.requests("GET", "/v8/Events").size() >= 3);
        List<RecordedRequest> polls = vb.fake.requests("GET", "/v8/Events");
        assertThat(polls).extracting(r -> r.getUrl().query()).startsWith(
                "from=latest&limit=1&timeoutSeconds=0",
                "from=t0&limit=1000&timeoutSeconds=1",
                "from=t1&limit=1000&timeoutSeconds=1");
        assertThat(vb.fake.requests("GET", "/v8/Jobs")).hasSize(1);
        assertThat(changes).isEmpty();
    }

    @Test
    void anOutdatedTokenStartsOverWithAFreshListing() throws Exception {
        listing.set(List.of(v8Job(1, 1), v8Job(2, 5)));
        AtomicInteger outdated = new AtomicInteger();
        startV8((from, r) -> {
            if (from.equals("t0") && outdated.getAndIncrement() == 0) {
                listing.set(List.of(v8Job(1, 3))); // meanwhile: job 1 edited, job 2 removed
                return error(400, "OutdatedChangeToken", "The change token is outdated");
            }
            return quiet(from);
        });

        assertThat(take(4)).containsExactly(
                new JobChange(J1, 1L, JobChangeKind.UPDATED, null),
                new JobChange(J2, 5L, JobChangeKind.UPDATED, null),
                new JobChange(J1, 3L, JobChangeKind.UPDATED, null),
                new JobChange(J2, null, JobChangeKind.DELETED, null));
        assertThat(feed.snapshot()).containsOnlyKeys(J1);
        assertThat(vb.fake.requests("GET", "/v8/Jobs")).hasSize(2);
        assertThat(vb.fake.requests("GET", "/v8/Events").stream()
                .filter(r -> "latest".equals(r.getUrl().queryParameter("from")))).hasSize(2);
    }

    @Test
    void afterAFailureItBacksOffThenReconnectsWithAFreshListing() throws Exception {
        listing.set(List.of(v8Job(1, 1)));
        AtomicInteger failures = new AtomicInteger();
        startV8((from, r) -> {
            if (failures.getAndIncrement() < 4) { // every attempt of the client's retries
                listing.set(List.of(v8Job(1, 1), v8Job(2, 1)));
                return error(503, null, "Service Unavailable");
            }
            return quiet(from);
        });

        assertThat(take(2)).containsExactly(
                new JobChange(J1, 1L, JobChangeKind.UPDATED, null),
                new JobChange(J2, 1L, JobChangeKind.UPDATED, null));
        assertThat(vb.fake.requests("GET", "/v8/Jobs")).hasSize(2);
    }

    @Test
    void aServerThatKeepsFailingIsNotHammered() throws Exception {
        listing.set(List.of(v8Job(1, 1)));
        startV8((from, r) -> error(500, null, "down"));
        assertThat(take(1)).hasSize(1);

        Thread.sleep(1000);

        // backoff 50 ms doubling to 200 ms: a handful of reconnects, each with 4 quick attempts
        // Events counted before listings (the feed keeps running): each reconnect is a from=latest token call,
        // a listing and 4 attempts; the reconnect in progress may have made its token call but not its listing.
        int events = vb.fake.requests("GET", "/v8/Events").size();
        int listings = vb.fake.requests("GET", "/v8/Jobs").size();
        assertThat(listings).isBetween(2, 12);
        assertThat(events).isLessThanOrEqualTo(listings * 5 + 1);
    }

    @Test
    void aV8ThatRefusesTheChangeFeedIsPolled() throws Exception {
        listing.set(List.of(v8Job(1, 1)));
        startV8((from, r) -> error(403, "ResourceAccessDenied", "no access"));
        vb.fake.on("GET", "/v8/Events", r -> error(403, "ResourceAccessDenied", "no access"));

        take(1);
        listing.set(List.of(v8Job(1, 2)));

        assertThat(take(1)).containsExactly(new JobChange(J1, 2L, JobChangeKind.UPDATED, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> vb.fake.requests("GET", "/v8/Jobs").size() >= 4);
    }

    @Test
    void v6IsPolledAndComparedWithoutETags() throws Exception {
        vb = VeeamTestServer.start(ApiVersion.V6);
        listing.set(List.of(v6Job(1, "Mail", "Success", "2024-04-30T22:00:00Z"),
                v6Job(2, "Sites", "Success", "2024-04-30T22:00:00Z")));
        vb.fake.on("GET", "/v6/Jobs", r -> json(200, JobFixtures.array(listing.get())));
        feed = new JobChangeFeed(vb.client(), backupJobChanges(changes), FAST);
        feed.start();
        assertThat(feed.awaitSynced(Duration.ofSeconds(5))).isTrue();
        assertThat(take(2)).extracting(JobChange::kind).containsOnly(JobChangeKind.UPDATED);

        listing.set(List.of(v6Job(1, "Mail and archive", "Success", "2024-04-30T22:00:00Z"),
                v6Job(2, "Sites", "Running", "2024-05-01T10:00:00Z")));
        assertThat(take(2)).containsExactly(
                new JobChange(J1, null, JobChangeKind.UPDATED, null),
                new JobChange(J2, null, JobChangeKind.SESSION_UPDATED, JobStatus.RUNNING));

        listing.set(List.of(v6Job(2, "Sites", "Running", "2024-05-01T10:00:00Z")));
        assertThat(take(1)).containsExactly(new JobChange(J1, null, JobChangeKind.DELETED, null));
        assertThat(feed.snapshot()).containsOnlyKeys(J2);
        assertThat(vb.fake.requests("GET", "/v6/Events")).isEmpty();
    }

    @Test
    void closeReturnsPromptlyDuringALongPoll() throws Exception {
        listing.set(List.of(v8Job(1, 1)));
        startV8((from, r) -> {
            try {
                release.await(30, TimeUnit.SECONDS); // a long poll with nothing to say
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return json(200, eventPage(from));
        });
        take(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> vb.fake.requests("GET", "/v8/Events").size() >= 2);

        long started = System.nanoTime();
        feed.close();
        long closedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(closedMillis).isLessThan(3000);
        int requests = vb.fake.requests().size();
        release.countDown();
        Thread.sleep(300);
        assertThat(vb.fake.requests()).hasSize(requests);
        assertThat(changes).isEmpty();
    }

    static String v6Job(int n, String name, String status, String lastRun) {
        return """
                {"id":"%s","name":"%s","repositoryId":"%s","backupType":"EntireOrganization","isEnabled":true,
                 "lastStatus":"%s","lastRun":"%s","nextRun":"2024-05-01T22:00:00Z",
                 "_links":{"organization":{"href":"https://vbo:4443/v6/Organizations/%s"}}}
                """.formatted(jobId(n), name, JobFixtures.REPO, status, lastRun, JobFixtures.ORG);
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
