package dev.vb365.operator.veeam.sim;

import static dev.vb365.operator.veeam.sim.SimLeakScan.failure;
import static dev.vb365.simulator.testsupport.DefaultFixture.CONTOSO;
import static dev.vb365.simulator.testsupport.DefaultFixture.DEFAULT_REPOSITORY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.veeam.ApiVersion;
import dev.vb365.operator.veeam.RetryPolicy;
import dev.vb365.operator.veeam.ThrottledException;
import dev.vb365.operator.veeam.UnauthorizedException;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.VeeamConnection;
import dev.vb365.operator.veeam.Secret;
import dev.vb365.operator.veeam.model.BackupType;
import dev.vb365.operator.veeam.model.JobEdit;
import dev.vb365.operator.veeam.model.JobItem;
import dev.vb365.operator.veeam.model.NewJob;
import dev.vb365.simulator.Faults;
import dev.vb365.simulator.testsupport.MutableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tokens against the simulator: expiry mid-sequence, refresh, refused refresh, throttled logins, antiforgery. */
@ExtendWith(SimLeakScan.class)
class AuthSimTest {

    static double tokenCalls(MeterRegistry meters, String grant, String result) {
        Counter counter = meters.find("vb365.token.refreshes").tag("grant", grant).tag("outcome", result)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static long calls(MeterRegistry meters, String status) {
        return meters.find("vb365.client.requests").tag("status", status).timers().stream()
                .mapToLong(Timer::count).sum();
    }

    static NewJob job(String name) {
        return new NewJob(name, "", CONTOSO, DEFAULT_REPOSITORY, BackupType.SELECTED_ITEMS, null, null, null,
                List.of(JobItem.personalSites()), List.of());
    }

    @Test
    void aShortTokenLifetimeIsRenewedByRefreshInTheMiddleOfASequence() throws InterruptedException {
        try (SimBackend vb = SimBackend.start(ApiVersion.V8, o -> o.withTokenLifetimeSeconds(2))) {
            MeterRegistry meters = new SimpleMeterRegistry();
            VeeamClient client = vb.client(o -> o.withMeterRegistry(meters));
            String id = client.createJob(job("Short tokens")).id();
            // 2 s tokens are renewed after 1 s (half their life): a 3.5 s sequence needs several refreshes.
            long end = System.nanoTime() + Duration.ofMillis(3500).toNanos();
            int reads = 0;
            while (System.nanoTime() < end) {
                assertThat(client.getJob(id).name()).isEqualTo("Short tokens");
                reads++;
                Thread.sleep(100);
            }
            client.editJob(id, JobEdit.settings("Short tokens, edited", null, null, null, null, null));
            assertThat(client.deleteJob(id)).isTrue();

            assertThat(tokenCalls(meters, "password", "success")).as("one login").isEqualTo(1);
            assertThat(tokenCalls(meters, "refresh_token", "success")).as("refreshes").isBetween(2.0, 4.0);
            assertThat(calls(meters, "401")).as("renewed before the server refused anything").isZero();
            Map<String, Long> seen = vb.sim().requestCounts();
            assertThat(seen.get("POST /v8/token")).isEqualTo(1 + (long) tokenCalls(meters, "refresh_token", "success"));
            assertThat(seen.get("GET /v8/Jobs/{jobId}")).isEqualTo(reads);
            vb.assertContractKept();
        }
    }

    @Test
    void aTokenTheServerExpiredEarlyIsRefreshedAndTheCallRetriedOnce() {
        MutableClock serverClock = new MutableClock(Instant.now());
        try (SimBackend vb = SimBackend.start(ApiVersion.V8, o -> o.withClock(serverClock))) {
            MeterRegistry meters = new SimpleMeterRegistry();
            VeeamClient client = vb.client(o -> o.withMeterRegistry(meters));
            String id = client.createJob(job("Early expiry")).id();
            // The server's clock jumps 2 h: the client still believes in its 60 min token.
            serverClock.advance(Duration.ofHours(2));
            assertThat(vb.cost(() -> client.getJob(id)))
                    .as("401, refresh, the same call again")
                    .isEqualTo(Map.of("GET /v8/Jobs/{jobId}", 2L, "POST /v8/token", 1L));
            assertThat(tokenCalls(meters, "refresh_token", "success")).isEqualTo(1);
            assertThat(vb.cost(() -> client.getJob(id))).isEqualTo(Map.of("GET /v8/Jobs/{jobId}", 1L));
            vb.assertContractKept();
        }
    }

    @Test
    void aRefusedRefreshFallsBackToAPasswordLogin() {
        try (SimBackend vb = SimBackend.start(ApiVersion.V8)) {
            MeterRegistry meters = new SimpleMeterRegistry();
            VeeamClient client = vb.client(o -> o.withMeterRegistry(meters));
            String id = client.createJob(job("Revoked")).id();
            vb.sim().revokeTokens();
            assertThat(vb.cost(() -> client.editJob(id, JobEdit.settings(null, "after revoke", null, null, null, null))))
                    .as("401, refused refresh, password login, the same call again")
                    .isEqualTo(Map.of("PUT /v8/Jobs/{jobId}", 2L, "POST /v8/token", 2L));
            assertThat(tokenCalls(meters, "refresh_token", "rejected")).isEqualTo(1);
            assertThat(tokenCalls(meters, "password", "success")).isEqualTo(2);
            assertThat(client.getJob(id).description()).isEqualTo("after revoke");
            vb.assertContractKept();
        }
    }

    @Test
    void wrongPasswordIsAnUnauthorizedErrorAndNotRetriedAtOnce() {
        try (SimBackend vb = SimBackend.start(ApiVersion.V8)) {
            VeeamConnection wrong = VeeamConnection.of(vb.sim().baseUri().toString(), SimBackend.USERNAME,
                    Secret.of("Not-The-Pa55word")).withCaBundleFile(vb.sim().caCertificateFile());
            SimLeakScan.secret("Not-The-Pa55word");
            VeeamClient client = VeeamClient.create(wrong, vb.options());
            UnauthorizedException refused = failure(UnauthorizedException.class, client::listJobs);
            assertThat(refused.getMessage()).contains(SimBackend.USERNAME);
            assertThat(vb.cost(() -> failure(UnauthorizedException.class, client::listJobs)))
                    .as("no new login during the backoff after a refused password").isEmpty();
        }
    }

    @Test
    void throttledLoginsAreWaitedOutAndNeverALoginPerRequest() {
        try (SimBackend vb = SimBackend.start(ApiVersion.V8, o -> o.withFaults(Faults.NONE.withThrottleToken(true)))) {
            VeeamClient first = vb.client();
            MeterRegistry meters = new SimpleMeterRegistry();
            VeeamClient second = vb.client(o -> o.withMeterRegistry(meters));
            first.apiVersion();
            // Within the same second: 429 with Retry-After 1, waited out, then the login succeeds.
            assertThat(vb.cost(second::listJobs)).isEqualTo(Map.of("POST /v8/token", 2L, "GET /v8/Jobs", 1L));
            assertThat(tokenCalls(meters, "password", "throttled")).isEqualTo(1);
            assertThat(tokenCalls(meters, "password", "success")).isEqualTo(1);

            // Again within the second: a client that may not wait as long as asked gives up, and does not ask
            // again before the time it was given.
            VeeamClient impatient = vb.client(o -> o.withRetryPolicy(new RetryPolicy(4, Duration.ofMillis(10),
                    Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMillis(500))));
            Map<String, Long> gaveUp = vb.cost(() -> {
                ThrottledException throttled = failure(ThrottledException.class, impatient::listJobs);
                assertThat(throttled.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive());
                failure(ThrottledException.class, impatient::listJobs);
            });
            assertThat(gaveUp).isEqualTo(Map.of("POST /v8/token", 1L));

            assertThat(vb.cost(() -> {
                for (int i = 0; i < 20; i++) {
                    first.listJobs();
                    second.listProxies();
                }
            })).as("tokens are reused").isEqualTo(Map.of("GET /v8/Jobs", 20L, "GET /v8/Proxies", 20L));
            vb.assertContractKept();
        }
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void writesWorkWithoutAntiforgeryTokensBecauseTheClientOptsOut(ApiVersion version) {
        try (SimBackend vb = SimBackend.start(version)) {
            VeeamClient client = vb.client();
            String id = client.createJob(job("Antiforgery " + version)).id();
            client.disableJob(id);
            client.enableJob(id);
            client.startJob(id);
            client.stopJob(id);
            client.addItems(id, dev.vb365.operator.veeam.ItemScope.EXCLUDED,
                    List.of(JobItem.user(client.resolveUser(CONTOSO, "Intern"), true, true, true, true)));
            assertThat(client.deleteJob(id)).isTrue();
            List<Map<String, String>> forms = vb.contract().tokenForms();
            assertThat(forms).isNotEmpty().allSatisfy(form -> {
                assertThat(form).containsEntry("grant_type", "password");
                if (version == ApiVersion.V6) {
                    assertThat(form).as("v6 has no antiforgery").doesNotContainKey("disable_antiforgery_token");
                } else {
                    assertThat(form).containsEntry("disable_antiforgery_token", "true");
                }
            });
            vb.assertContractKept();
        }
    }
}
