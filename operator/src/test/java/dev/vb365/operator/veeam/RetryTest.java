package dev.vb365.operator.veeam;

import static dev.vb365.operator.veeam.FakeVeeam.error;
import static dev.vb365.operator.veeam.FakeVeeam.json;
import static dev.vb365.operator.veeam.FakeVeeam.noContent;
import static dev.vb365.operator.veeam.JobFixtures.ORG;
import static dev.vb365.operator.veeam.JobFixtures.jobId;
import static dev.vb365.operator.veeam.JobFixtures.v8Job;
import static dev.vb365.operator.veeam.LeakGuard.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.veeam.model.JobItem;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakGuard.class)
class RetryTest {

    static final String JOB_PATH = "/v8/Jobs/" + jobId(1);

    VeeamTestServer vb;
    VeeamClient client;

    @BeforeEach
    void start() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.onJson("GET", JOB_PATH, 200, v8Job(1, 1));
        vb.fake.onJson("POST", "/v8/Jobs", 201, v8Job(2, 1));
        client = vb.client();
        client.apiVersion(); // log in first: the tests count API calls
    }

    @AfterEach
    void stop() {
        vb.close();
    }

    static MockResponse reset() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }

    static MockResponse stall() {
        return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
    }

    @Test
    void retriesReadsAfter5xxAndResets() {
        vb.fake.script("GET", JOB_PATH, error(503, null, "Service Unavailable"), reset(), error(500, null, "boom"));

        assertThat(client.getJob(jobId(1)).name()).isEqualTo("Job 1");
        assertThat(vb.fake.requests("GET", JOB_PATH)).hasSize(4);
    }

    @Test
    void retriesAreBoundedByMaxAttempts() {
        vb.fake.on("GET", JOB_PATH, r -> error(503, null, "Service Unavailable"));

        ServerErrorException e = failure(ServerErrorException.class, () -> client.getJob(jobId(1)));

        assertThat(e.retryable()).isTrue();
        assertThat(vb.fake.requests("GET", JOB_PATH)).hasSize(4);
    }

    @Test
    void honoursRetryAfterOnA429ForReads() {
        vb.fake.script("GET", JOB_PATH, error(429, null, "Quota Exceeded").newBuilder()
                .addHeader("Retry-After", "0").build());

        assertThat(client.getJob(jobId(1)).name()).isEqualTo("Job 1");
        assertThat(vb.fake.requests("GET", JOB_PATH)).hasSize(2);
    }

    @Test
    void aRetryAfterLongerThanThePolicyAllowsEndsTheRetries() {
        vb.fake.script("GET", JOB_PATH, error(429, null, "Quota Exceeded").newBuilder()
                .addHeader("Retry-After", "600").build());

        ThrottledException e = failure(ThrottledException.class, () -> client.getJob(jobId(1)));

        assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d.toSeconds()).isEqualTo(600));
        assertThat(vb.fake.requests("GET", JOB_PATH)).hasSize(1);
    }

    @Test
    void doesNotRetryWhatOnlyAChangeCanFix() {
        vb.fake.on("GET", JOB_PATH, r -> error(400, "ParameterValidationFailure", "Invalid job id"));
        vb.fake.on("POST", JOB_PATH + "/stop", r -> error(409, "OperationConflict", "The job is not running"));

        failure(ValidationException.class, () -> client.getJob(jobId(1)));
        ConflictException conflict = failure(ConflictException.class, () -> client.stopJob(jobId(1)));

        assertThat(conflict.retryable()).isTrue(); // later, not now
        assertThat(vb.fake.apiRequests()).hasSize(2);
    }

    @Test
    void retriesIdempotentWrites() {
        vb.fake.script("PUT", JOB_PATH, error(502, null, "Bad Gateway"));
        vb.fake.on("PUT", JOB_PATH, r -> noContent());
        vb.fake.script("DELETE", JOB_PATH + "/SelectedItems", reset());
        vb.fake.on("DELETE", JOB_PATH + "/SelectedItems", r -> noContent());
        vb.fake.script("POST", JOB_PATH + "/enable", error(503, null, "busy"));
        vb.fake.on("POST", JOB_PATH + "/enable", r -> noContent());

        client.editJob(jobId(1), dev.vb365.operator.veeam.model.JobEdit.settings("x", null, null, null, null, null));
        client.removeItems(jobId(1), ItemScope.SELECTED, List.of("a", "b"));
        client.enableJob(jobId(1));

        assertThat(vb.fake.requests("PUT", JOB_PATH)).hasSize(2);
        assertThat(vb.fake.requests("DELETE", JOB_PATH + "/SelectedItems")).hasSize(2);
        assertThat(vb.fake.requests("POST", JOB_PATH + "/enable")).hasSize(2);
    }

    @Test
    void aCreateThatFailsWithA5xxIsNeverRetriedAndItsOutcomeIsUnknown() {
        vb.fake.script("POST", "/v8/Jobs", error(503, null, "Service Unavailable"));

        CreateOutcomeUnknownException e = failure(CreateOutcomeUnknownException.class,
                () -> client.createJob(JobsTest.newJob()));

        assertThat(vb.fake.requests("POST", "/v8/Jobs")).hasSize(1);
        assertThat(e.organizationId()).isEqualTo(ORG);
        assertThat(e.jobName()).isEqualTo("Finance");
        assertThat(e.getCause()).isInstanceOf(ServerErrorException.class);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).startsWith("POST /v8/Jobs: HTTP 503").contains("look it up before creating it again");
    }

    @Test
    void aCreateCutOffByAResetOrATimeoutIsNeverRetriedAndItsOutcomeIsUnknown() {
        vb.fake.script("POST", "/v8/Jobs", reset(), stall());

        CreateOutcomeUnknownException reset = failure(CreateOutcomeUnknownException.class,
                () -> client.createJob(JobsTest.newJob()));
        CreateOutcomeUnknownException timeout = failure(CreateOutcomeUnknownException.class,
                () -> client.createJob(JobsTest.newJob()));

        assertThat(reset.getCause()).isInstanceOf(TransportException.class);
        assertThat(timeout.getCause()).isInstanceOf(TransportException.class)
                .hasMessageContaining("timeout");
        assertThat(vb.fake.requests("POST", "/v8/Jobs")).hasSize(2);
    }

    @Test
    void lookingForTheJobAfterAnUnknownCreateIsOneCall() {
        vb.fake.script("POST", "/v8/Jobs", error(504, null, "Gateway Timeout"));
        vb.fake.on("GET", "/v8/Jobs", r -> json(200, JobFixtures.page(0, 1000, null,
                List.of(v8Job(2, 1, "Finance", "NotConfigured"), v8Job(3, 1, "Other", "Success")))));

        CreateOutcomeUnknownException e = failure(CreateOutcomeUnknownException.class,
                () -> client.createJob(JobsTest.newJob()));
        int before = vb.fake.apiRequests().size();
        assertThat(client.findJobsByName(e.organizationId(), e.jobName())).extracting(j -> j.id())
                .containsExactly(jobId(2));

        assertThat(vb.fake.apiRequests().size() - before).isEqualTo(1);
        assertThat(vb.fake.requests("GET", "/v8/Jobs").get(0).getUrl().queryParameter("organizationId"))
                .isEqualTo(ORG);
    }

    @Test
    void aCreateRefusedByTheServerIsAPlainError() {
        vb.fake.script("POST", "/v8/Jobs", error(400, "ParameterValidationFailure", "Repository is not found"));

        ValidationException e = failure(ValidationException.class, () -> client.createJob(JobsTest.newJob()));

        assertThat(e.serverMessage()).isEqualTo("Repository is not found");
        assertThat(vb.fake.requests("POST", "/v8/Jobs")).hasSize(1);
    }

    @Test
    void aCreateAnsweredWith401IsRepeatedOnceAfterANewLogin() {
        vb.fake.revokeAccessTokens();

        assertThat(client.createJob(JobsTest.newJob()).id()).isEqualTo(jobId(2));

        assertThat(vb.fake.requests("POST", "/v8/Jobs")).hasSize(2);
    }

    @Test
    void aCreateThatCannotReachTheServerWasNotSent() {
        okhttp3.OkHttpClient ownPool = new okhttp3.OkHttpClient();
        VeeamClient fresh = vb.client(vb.options().withBaseHttpClient(ownPool));
        fresh.apiVersion();
        vb.server.close(); // nothing listens any more: connect refused
        ownPool.connectionPool().evictAll(); // (a pooled connection that dies under a write is another story)

        UnreachableException e = failure(UnreachableException.class, () -> fresh.createJob(JobsTest.newJob()));

        assertThat(e.retryable()).isTrue();
        assertThat(e.status()).isZero();
    }

    @Test
    void startIsNeverRetried() {
        vb.fake.script("POST", JOB_PATH + "/start", error(502, null, "Bad Gateway"));

        OutcomeUnknownException e = failure(OutcomeUnknownException.class, () -> client.startJob(jobId(1)));

        assertThat(e).isNotInstanceOf(CreateOutcomeUnknownException.class);
        assertThat(vb.fake.requests("POST", JOB_PATH + "/start")).hasSize(1);
    }

    @Test
    void addingItemsIsRetriedOnlyWhenTheServerSurelyDidNotProcessIt() {
        String path = JOB_PATH + "/SelectedItems";
        vb.fake.script("POST", path, error(429, null, "Quota Exceeded").newBuilder().addHeader("Retry-After", "0")
                .build(), noContent(), error(500, null, "Internal error"));
        List<JobItem> items = List.of(JobItem.personalSites());

        client.addItems(jobId(1), ItemScope.SELECTED, items);
        assertThat(vb.fake.requests("POST", path)).hasSize(2);

        failure(OutcomeUnknownException.class, () -> client.addItems(jobId(1), ItemScope.SELECTED, items));
        assertThat(vb.fake.requests("POST", path)).hasSize(3);
    }
}
