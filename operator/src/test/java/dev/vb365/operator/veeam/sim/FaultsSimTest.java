package dev.vb365.operator.veeam.sim;

import static dev.vb365.operator.veeam.sim.SimLeakScan.failure;
import static dev.vb365.simulator.testsupport.DefaultFixture.CONTOSO;
import static dev.vb365.simulator.testsupport.DefaultFixture.DEFAULT_REPOSITORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.veeam.ApiVersion;
import dev.vb365.operator.veeam.CreateOutcomeUnknownException;
import dev.vb365.operator.veeam.ItemScope;
import dev.vb365.operator.veeam.OutcomeUnknownException;
import dev.vb365.operator.veeam.RetryPolicy;
import dev.vb365.operator.veeam.ServerErrorException;
import dev.vb365.operator.veeam.Timeouts;
import dev.vb365.operator.veeam.TransportException;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.model.BackupType;
import dev.vb365.operator.veeam.model.Job;
import dev.vb365.operator.veeam.model.JobEdit;
import dev.vb365.operator.veeam.model.JobItem;
import dev.vb365.operator.veeam.model.NewJob;
import dev.vb365.simulator.Faults;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The simulator's faults against the client's retry policy: reads and idempotent writes are retried
 * through 5xx and resets; a create, a start or an item add is never sent twice, and when its outcome
 * is unclear the caller can look for the job cheaply.
 */
@ExtendWith(SimLeakScan.class)
class FaultsSimTest {

    static final Backends BACKENDS = new Backends();
    /** Many quick attempts: with 30 % of calls failing, 12 in a row fail once in two million calls. */
    static final RetryPolicy PERSISTENT = new RetryPolicy(12, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofSeconds(10), Duration.ofSeconds(1));

    @AfterEach
    void clearFaults() {
        for (ApiVersion version : ApiVersion.values()) {
            BACKENDS.of(version).clearFaults();
        }
    }

    @AfterAll
    static void stop() {
        BACKENDS.closeAll();
    }

    static NewJob job(String name) {
        return new NewJob(name, "", CONTOSO, DEFAULT_REPOSITORY, BackupType.SELECTED_ITEMS, null, null, null,
                List.of(JobItem.personalSites()), List.of());
    }

    static String uniqueName() {
        return "Faulty " + UUID.randomUUID().toString().substring(0, 8);
    }

    static long failedCalls(MeterRegistry meters, String path) {
        return meters.find("vb365.client.requests").tag("path", path).timers().stream()
                .filter(t -> !t.getId().getTag("status").equals("200") && !t.getId().getTag("status").equals("204"))
                .mapToLong(Timer::count).sum();
    }

    /** The path (not the route) of one job: the faults' pathPattern is a regex over the request path. */
    static String jobPath(SimBackend vb) {
        return "^/" + vb.v() + "/Jobs/[^/]+$";
    }

    @Test
    void readsAndIdempotentWritesAreRetriedThroughServerErrors() {
        SimBackend vb = BACKENDS.of(ApiVersion.V8);
        MeterRegistry meters = new SimpleMeterRegistry();
        VeeamClient client = vb.client(o -> o.withRetryPolicy(PERSISTENT).withMeterRegistry(meters));
        String id = client.createJob(job(uniqueName())).id();
        vb.faults(Faults.NONE.withErrorRate(0.3).withPathPattern(jobPath(vb)));

        Map<String, Long> seen = vb.cost(() -> {
            for (int i = 0; i < 40; i++) {
                assertThat(client.getJob(id).id()).isEqualTo(id);
            }
            for (int i = 0; i < 10; i++) {
                client.editJob(id, JobEdit.settings(null, "edit " + i, null, null, null, null));
            }
        });
        long failed = failedCalls(meters, "/v8/Jobs/{jobId}");
        assertThat(failed).as("some calls failed and were retried").isPositive();
        assertThat(seen.get("GET /v8/Jobs/{jobId}") + seen.get("PUT /v8/Jobs/{jobId}"))
                .as("every call the client made reached the server").isEqualTo(50 + failed);
        assertThat(meters.find("vb365.client.requests").tag("status", "503").timers()).isNotEmpty();
        vb.clearFaults();
        assertThat(client.getJob(id).description()).isEqualTo("edit 9");
    }

    @Test
    void readsAreRetriedThroughDroppedConnections() {
        SimBackend vb = BACKENDS.of(ApiVersion.V8);
        VeeamClient client = vb.client(o -> o.withRetryPolicy(PERSISTENT));
        String id = client.createJob(job(uniqueName())).id();
        vb.faults(Faults.NONE.withResetRate(0.3).withPathPattern(jobPath(vb)));
        Map<String, Long> seen = vb.cost(() -> {
            for (int i = 0; i < 40; i++) {
                assertThat(client.getJob(id).id()).isEqualTo(id);
            }
        });
        assertThat(seen.get("GET /v8/Jobs/{jobId}")).as("dropped calls were sent again").isGreaterThan(40);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void aCreateAnsweredWithAServerErrorIsNotRetried(ApiVersion version) {
        SimBackend vb = BACKENDS.of(version);
        VeeamClient client = vb.client();
        client.apiVersion();
        String createPath = version == ApiVersion.V8 ? "^/v8/Jobs$" : "^/" + vb.v() + "/Organizations/[^/]+/Jobs$";
        String createRoute = version == ApiVersion.V8 ? "POST /v8/Jobs"
                : "POST /" + vb.v() + "/Organizations/{organizationId}/Jobs";
        vb.faults(Faults.NONE.withErrorRate(1.0).withErrorStatus(500).withPathPattern(createPath));
        String name = uniqueName();

        Map<String, Long> cost = vb.cost(() -> {
            CreateOutcomeUnknownException unknown = failure(CreateOutcomeUnknownException.class,
                    () -> client.createJob(job(name)));
            assertThat(unknown.getCause()).isInstanceOf(ServerErrorException.class);
            assertThat(unknown.status()).isEqualTo(500);
            assertThat(unknown.jobName()).isEqualTo(name);
            assertThat(unknown.organizationId()).isEqualTo(CONTOSO);
            assertThat(unknown.retryable()).isFalse();
        });
        assertThat(cost).as("sent once").isEqualTo(Map.of(createRoute, 1L));
        vb.clearFaults();
        assertThat(client.findJobsByName(CONTOSO, name)).as("this simulator fails before processing").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void aCreateWhoseAnswerIsLostIsNotRetriedAndTheLookFindsIt(ApiVersion version) {
        SimBackend vb = BACKENDS.of(version);
        VeeamClient client = vb.client();
        client.apiVersion();
        String createPath = version == ApiVersion.V8 ? "^/v8/Jobs$" : "^/" + vb.v() + "/Organizations/[^/]+/Jobs$";
        String createRoute = version == ApiVersion.V8 ? "POST /v8/Jobs"
                : "POST /" + vb.v() + "/Organizations/{organizationId}/Jobs";
        String listRoute = version == ApiVersion.V8 ? "GET /v8/Jobs"
                : "GET /" + vb.v() + "/Organizations/{organizationId}/Jobs";
        vb.faults(Faults.NONE.withLostResponseRate(1.0).withPathPattern(createPath));
        String name = uniqueName();

        assertThat(vb.cost(() -> {
            CreateOutcomeUnknownException unknown = failure(CreateOutcomeUnknownException.class,
                    () -> client.createJob(job(name)));
            assertThat(unknown.getCause()).isInstanceOf(TransportException.class);
        })).as("sent once").isEqualTo(Map.of(createRoute, 1L));
        vb.clearFaults();

        Job[] found = new Job[1];
        assertThat(vb.cost(() -> found[0] = client.findJobsByName(CONTOSO, name).get(0)))
                .as("the look costs one listing").isEqualTo(Map.of(listRoute, 1L));
        assertThat(found[0].name()).isEqualTo(name);
        assertThat(client.listItems(found[0].id(), ItemScope.SELECTED)).hasSize(1);
        client.deleteJob(found[0].id());
    }

    @Test
    void aTimedOutCreateMayHaveSucceededAndTheLookFindsIt() {
        SimBackend vb = BACKENDS.of(ApiVersion.V8);
        VeeamClient client = VeeamClient.create(vb.connection().withTimeouts(new Timeouts(Duration.ofSeconds(5),
                Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofSeconds(10))), vb.options());
        client.apiVersion();
        // The simulator waits (latency applies to every path), then processes the create after the
        // client has given up.
        vb.faults(Faults.NONE.withLatencyMs(1000L));
        String name = uniqueName();
        assertThat(vb.cost(() -> {
            CreateOutcomeUnknownException unknown = failure(CreateOutcomeUnknownException.class,
                    () -> client.createJob(job(name)));
            assertThat(unknown.getCause()).isInstanceOf(TransportException.class);
        })).isEqualTo(Map.of("POST /v8/Jobs", 1L));
        vb.clearFaults();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.findJobsByName(CONTOSO, name).size() == 1);
    }

    @Test
    void slowReadsBeyondTheReadTimeoutAreRetriedThenFail() {
        SimBackend vb = BACKENDS.of(ApiVersion.V8);
        VeeamClient client = VeeamClient.create(vb.connection().withTimeouts(new Timeouts(Duration.ofSeconds(5),
                Duration.ofMillis(400), Duration.ofSeconds(5), Duration.ofSeconds(10))), vb.options());
        String id = client.createJob(job(uniqueName())).id();
        vb.faults(Faults.NONE.withLatencyMs(50L));
        assertThat(vb.cost(() -> client.getJob(id))).as("slow but in time")
                .isEqualTo(Map.of("GET /v8/Jobs/{jobId}", 1L));
        vb.faults(Faults.NONE.withLatencyMs(800L));
        Map<String, Long> cost = vb.cost(() -> {
            TransportException timedOut = failure(TransportException.class, () -> client.getJob(id));
            assertThat(timedOut.retryable()).isTrue();
        });
        assertThat(cost).as("every attempt of the retry policy").isEqualTo(Map.of("GET /v8/Jobs/{jobId}",
                (long) SimBackend.QUICK_RETRIES.maxAttempts()));
    }

    @Test
    void startAndAddItemsAreNotRetriedEither() {
        SimBackend vb = BACKENDS.of(ApiVersion.V8);
        VeeamClient client = vb.client();
        String id = client.createJob(job(uniqueName())).id();
        JobItem alice = JobItem.user(client.resolveUser(CONTOSO, "Alice Anderson"), true, true, true, true);

        vb.faults(Faults.NONE.withErrorRate(1.0).withPathPattern("/start$|/SelectedItems$"));
        assertThat(vb.cost(() -> failure(OutcomeUnknownException.class, () -> client.startJob(id))))
                .isEqualTo(Map.of("POST /v8/Jobs/{jobId}/start", 1L));
        assertThat(vb.cost(() -> failure(OutcomeUnknownException.class,
                () -> client.addItems(id, ItemScope.SELECTED, List.of(alice)))))
                .isEqualTo(Map.of("POST /v8/Jobs/{jobId}/SelectedItems", 1L));

        vb.faults(Faults.NONE.withLostResponseRate(1.0).withPathPattern("/SelectedItems$"));
        assertThat(vb.cost(() -> failure(OutcomeUnknownException.class,
                () -> client.addItems(id, ItemScope.SELECTED, List.of(alice)))))
                .isEqualTo(Map.of("POST /v8/Jobs/{jobId}/SelectedItems", 1L));
        vb.clearFaults();
        assertThat(client.listItems(id, ItemScope.SELECTED)).as("the lost add was applied").hasSize(2);
        client.deleteJob(id);
    }
}
