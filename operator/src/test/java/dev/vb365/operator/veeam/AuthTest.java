package dev.vb365.operator.veeam;

import static dev.vb365.operator.veeam.FakeVeeam.json;
import static dev.vb365.operator.veeam.LeakGuard.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakGuard.class)
class AuthTest {

    static final String JOB = "{\"id\":\"11111111-1111-1111-1111-111111111111\",\"name\":\"Mail\",\"eTag\":1}";
    static final String JOB_PATH = "/v8/Jobs/11111111-1111-1111-1111-111111111111";
    static final String JOB_ID = "11111111-1111-1111-1111-111111111111";

    VeeamTestServer vb;

    @BeforeEach
    void start() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.onJson("GET", JOB_PATH, 200, JOB);
    }

    @AfterEach
    void stop() {
        vb.close();
    }

    @Test
    void logsInOnceWithThePasswordGrantAndReusesTheToken() {
        VeeamClient client = vb.client();

        for (int i = 0; i < 3; i++) {
            assertThat(client.getJob(JOB_ID).name()).isEqualTo("Mail");
        }

        List<RecordedRequest> logins = vb.fake.tokenRequests();
        assertThat(logins).hasSize(1);
        assertThat(logins.get(0).getUrl().encodedPath()).isEqualTo("/v8/token");
        assertThat(logins.get(0).getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(FakeVeeam.form(logins.get(0))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grant_type", "password",
                "username", FakeVeeam.USERNAME,
                "password", FakeVeeam.PASSWORD,
                "disable_antiforgery_token", "true"));
        List<RecordedRequest> calls = vb.fake.apiRequests();
        assertThat(calls).hasSize(3);
        assertThat(calls).allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).startsWith("Bearer at-1-"));
        assertThat(vb.meters.get(Transport.TOKEN_COUNTER).tags("grant", "password", "outcome", "success")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void refreshesTheTokenBeforeItExpiresWithTheRefreshGrant() {
        VeeamClient client = vb.client();
        client.getJob(JOB_ID);
        String firstRefresh = loginResponseRefreshToken();

        vb.clock.advance(Duration.ofMinutes(56)); // inside the 5-minute renewal window of a 60-minute token
        client.getJob(JOB_ID);
        client.getJob(JOB_ID);

        List<RecordedRequest> tokens = vb.fake.tokenRequests();
        assertThat(tokens).hasSize(2);
        Map<String, String> refresh = FakeVeeam.form(tokens.get(1));
        assertThat(refresh).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", firstRefresh)
                .containsEntry("disable_antiforgery_token", "true")
                .doesNotContainKey("password");
        assertThat(vb.fake.apiRequests().get(2).getHeaders().get("Authorization")).startsWith("Bearer at-2-");
        assertThat(vb.meters.get(Transport.TOKEN_COUNTER).tags("grant", "refresh_token", "outcome", "success")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void survivesTokenExpiryInTheMiddleOfASequenceOfCalls() {
        VeeamClient client = vb.client();
        vb.fake.onJson("PUT", JOB_PATH, 204, "")
                .on("POST", JOB_PATH + "/disable", r -> FakeVeeam.noContent())
                .on("POST", JOB_PATH + "/enable", r -> FakeVeeam.noContent());

        client.getJob(JOB_ID);
        client.disableJob(JOB_ID);
        vb.clock.advance(Duration.ofMinutes(61)); // the token is now fully expired
        client.editJob(JOB_ID, dev.vb365.operator.veeam.model.JobEdit.settings("Mail", null, null, null, null, null));
        vb.fake.revokeAccessTokens(); // and the server forgets tokens early (e.g. a restart)
        client.enableJob(JOB_ID);
        client.getJob(JOB_ID);

        // expiry: renewed with the refresh grant; the 401: the access token is dropped and renewed
        // with the refresh token, which the server still honours
        assertThat(vb.fake.tokenRequests()).extracting(r -> FakeVeeam.form(r).get("grant_type"))
                .containsExactly("password", "refresh_token", "refresh_token");
        // enable was answered 401 once and repeated once after the new login; nothing else was repeated
        assertThat(vb.fake.apiRequests()).extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath())
                .containsExactly("GET " + JOB_PATH, "POST " + JOB_PATH + "/disable", "PUT " + JOB_PATH,
                        "POST " + JOB_PATH + "/enable", "POST " + JOB_PATH + "/enable", "GET " + JOB_PATH);
    }

    @Test
    void fallsBackToAPasswordLoginWhenTheRefreshIsRefused() {
        VeeamClient client = vb.client();
        client.getJob(JOB_ID);
        vb.fake.rejectRefresh = true;
        vb.clock.advance(Duration.ofMinutes(57));

        assertThat(client.getJob(JOB_ID).name()).isEqualTo("Mail");

        assertThat(vb.fake.tokenRequests()).extracting(r -> FakeVeeam.form(r).get("grant_type"))
                .containsExactly("password", "refresh_token", "password");
        assertThat(vb.meters.get(Transport.TOKEN_COUNTER).tags("grant", "refresh_token", "outcome", "rejected")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void aRefreshThatFailsForAWhileKeepsTheValidTokenAndIsNotRetriedOnEveryCall() {
        VeeamClient client = vb.client();
        client.getJob(JOB_ID);
        vb.clock.advance(Duration.ofMinutes(56));
        vb.fake.script("POST", "/v8/token", FakeVeeam.error(503, null, "Service Unavailable"),
                FakeVeeam.error(503, null, "Service Unavailable"), FakeVeeam.error(503, null, "Service Unavailable"),
                FakeVeeam.error(503, null, "Service Unavailable")); // all attempts of one refresh

        client.getJob(JOB_ID);
        client.getJob(JOB_ID);
        client.getJob(JOB_ID);

        assertThat(vb.fake.tokenRequests()).hasSize(1 + 4); // the login, then one refresh with its retries
        assertThat(vb.fake.apiRequests()).hasSize(4).allSatisfy(r ->
                assertThat(r.getHeaders().get("Authorization")).startsWith("Bearer at-1-"));
        vb.clock.advance(Duration.ofSeconds(31));
        client.getJob(JOB_ID); // the token endpoint is back
        assertThat(vb.fake.apiRequests().get(4).getHeaders().get("Authorization")).startsWith("Bearer at-2-");
    }

    @Test
    void aPersistent401IsUnauthorizedAfterExactlyOneFreshLogin() {
        vb.fake.on("GET", JOB_PATH, r -> FakeVeeam.error(401, null, "Authorization has been denied"));
        VeeamClient client = vb.client();

        UnauthorizedException e = failure(UnauthorizedException.class, () -> client.getJob(JOB_ID));

        assertThat(e.retryable()).isFalse();
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).startsWith("GET /v8/Jobs/{jobId}: HTTP 401");
        assertThat(vb.fake.requests("GET", JOB_PATH)).hasSize(2);
        assertThat(vb.fake.tokenRequests()).hasSize(2);
    }

    @Test
    void rejectedCredentialsAreTerminalAndNotRetriedUntilTheBackoffEnds() {
        VeeamConnection wrong = new VeeamConnection(vb.baseUrl(), FakeVeeam.USERNAME, Secret.of("not-the-password"),
                TestTls.CA.certificatePem(), false, null);
        VeeamClient client = VeeamClient.create(wrong, vb.options());

        UnauthorizedException first = failure(UnauthorizedException.class, () -> client.getJob(JOB_ID));
        UnauthorizedException second = failure(UnauthorizedException.class, () -> client.getJob(JOB_ID));

        assertThat(first.getMessage()).contains("rejected the login of user 'VBO\\operator'")
                .contains("The user name or password is incorrect.")
                .doesNotContain("not-the-password");
        assertThat(first.retryable()).isFalse();
        assertThat(second.getMessage()).contains("no new login attempt");
        assertThat(vb.fake.tokenRequests()).hasSize(1);
        assertThat(vb.fake.apiRequests()).isEmpty();

        vb.clock.advance(Duration.ofSeconds(31));
        failure(UnauthorizedException.class, () -> client.getJob(JOB_ID));
        assertThat(vb.fake.tokenRequests()).hasSize(2);
    }

    @Test
    void aThrottledLoginWaitsAsLongAsRetryAfterSays() {
        vb.fake.script("POST", "/v8/token", new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                .addHeader("Content-Type", "application/json").body("{\"message\":\"Quota Exceeded\"}").build());
        VeeamClient client = vb.client();

        long started = System.nanoTime();
        assertThat(client.getJob(JOB_ID).name()).isEqualTo("Mail");
        long waitedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(vb.fake.tokenRequests()).hasSize(2);
        assertThat(waitedMillis).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(950);
        assertThat(vb.meters.get(Transport.TOKEN_COUNTER).tags("grant", "password", "outcome", "throttled")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void aLongRetryAfterOnLoginFailsFastAndHoldsBackFurtherLogins() {
        vb.fake.script("POST", "/v8/token", json(429, "{\"message\":\"Quota Exceeded\"}").newBuilder()
                .addHeader("Retry-After", "120").build());
        VeeamClient client = vb.client();

        ThrottledException e = failure(ThrottledException.class, () -> client.getJob(JOB_ID));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("Quota Exceeded");

        ThrottledException held = failure(ThrottledException.class, () -> client.getJob(JOB_ID));
        assertThat(held.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(vb.fake.tokenRequests()).hasSize(1);

        vb.clock.advance(Duration.ofSeconds(121));
        assertThat(client.getJob(JOB_ID).name()).isEqualTo("Mail");
        assertThat(vb.fake.tokenRequests()).hasSize(2);
    }

    @Test
    void concurrentCallersShareOneLogin() throws Exception {
        vb.fake.tokenDelayMillis = 300;
        VeeamClient client = vb.client();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> client.getJob(JOB_ID).name());
            }
            for (Future<String> result : pool.invokeAll(calls)) {
                assertThat(result.get()).isEqualTo("Mail");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(vb.fake.tokenRequests()).hasSize(1);
        assertThat(vb.fake.apiRequests()).hasSize(8);
    }

    private String loginResponseRefreshToken() {
        return vb.fake.issuedRefreshTokens.get(0);
    }
}
