package dev.vb365.operator.veeam;

import static dev.vb365.operator.veeam.FakeVeeam.error;
import static dev.vb365.operator.veeam.JobFixtures.jobId;
import static dev.vb365.operator.veeam.JobFixtures.v8Job;
import static dev.vb365.operator.veeam.LeakGuard.failure;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(LeakGuard.class)
class MetricsTest {

    @Test
    void timesEveryRequestByMethodPathTemplateAndStatus() {
        try (VeeamTestServer vb = VeeamTestServer.start(ApiVersion.V8)) {
            for (int n = 1; n <= 3; n++) {
                vb.fake.onJson("GET", "/v8/Jobs/" + jobId(n), 200, v8Job(n, 1));
            }
            vb.fake.script("GET", "/v8/Jobs/" + jobId(3),
                    new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
            VeeamClient client = VeeamClient.create(vb.connection().withTimeouts(new Timeouts(Duration.ofSeconds(2),
                    Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(5))),
                    vb.options().withRetryPolicy(RetryPolicy.none()));

            client.getJob(jobId(1));
            client.getJob(jobId(2));
            failure(NotFoundException.class, () -> client.getJob(jobId(4)));
            failure(TransportException.class, () -> client.getJob(jobId(3)));

            Timer ok = vb.meters.get(Transport.REQUESTS_TIMER)
                    .tags("method", "GET", "path", "/v8/Jobs/{jobId}", "status", "200").timer();
            assertThat(ok.count()).isEqualTo(2);
            assertThat(vb.meters.get(Transport.REQUESTS_TIMER).tags("status", "404").timer().count()).isEqualTo(1);
            assertThat(vb.meters.get(Transport.REQUESTS_TIMER).tags("method", "POST", "path", "/v8/token", "status", "200")
                    .timer().count()).isEqualTo(1);
            // the reset is tagged with the exception's class, and ids never become tags
            Set<String> statuses = vb.meters.get(Transport.REQUESTS_TIMER).timers().stream()
                    .map(t -> t.getId().getTag("status")).collect(Collectors.toSet());
            assertThat(statuses).contains("200", "404").anyMatch(s -> s.endsWith("Exception"));
            List<String> paths = vb.meters.getMeters().stream().map(Meter::getId)
                    .map(id -> id.getTag("path")).filter(p -> p != null).distinct().toList();
            assertThat(paths).containsExactlyInAnyOrder("/v8/Jobs/{jobId}", "/v8/token");
        }
    }

    @Test
    void logsEachRequestAtDebugWithoutIdsOrBodies() {
        Logger logger = (Logger) LoggerFactory.getLogger(Transport.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (VeeamTestServer vb = VeeamTestServer.start(ApiVersion.V8)) {
            vb.fake.onJson("GET", "/v8/Jobs/" + jobId(1), 200, v8Job(1, 1));
            vb.fake.script("GET", "/v8/Jobs/" + jobId(1), error(503, null, "busy"));

            vb.client().getJob(jobId(1));

            List<String> lines = appender.list.stream().filter(e -> e.getLevel() == Level.DEBUG)
                    .map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line).matches(
                    "VB365 (POST /v8/token|GET /v8/Jobs/\\{jobId\\}) -> (200|503) in \\d+ ms"));
        } finally {
            logger.detachAppender(appender);
        }
    }
}
