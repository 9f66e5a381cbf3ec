package dev.vb365.operator.veeam;

import static dev.vb365.operator.veeam.FakeVeeam.json;
import static dev.vb365.operator.veeam.JobFixtures.jobId;
import static dev.vb365.operator.veeam.JobFixtures.v8Job;
import static dev.vb365.operator.veeam.LeakGuard.failure;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Drives the client through logins, refreshes, 401s, throttling and failures that quote the server,
 * with everything logged at TRACE, and checks that no password or token appears in any log line,
 * exception message, stack trace or toString. (Every other client test class is also watched by
 * {@link LeakGuard}.)
 */
@ExtendWith(LeakGuard.class)
class SecretLeakTest {

    VeeamTestServer vb;
    ListAppender<ILoggingEvent> appender;
    Level previous;
    final List<Throwable> thrown = new ArrayList<>();

    @BeforeEach
    void start() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        root.setLevel(Level.TRACE);
        appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        vb = VeeamTestServer.start(ApiVersion.V8);
    }

    @AfterEach
    void stop() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        root.setLevel(previous);
        vb.close();
    }

    <T extends Throwable> T caught(Class<T> type, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        T t = failure(type, call);
        thrown.add(t);
        return t;
    }

    @Test
    void noPasswordOrTokenReachesLogsExceptionsOrToString() {
        String path = "/v8/Jobs/" + jobId(1);
        vb.fake.onJson("GET", path, 200, v8Job(1, 1));
        VeeamClient client = vb.client();

        client.getJob(jobId(1));                                        // login
        vb.clock.advance(Duration.ofMinutes(56));
        client.getJob(jobId(1));                                        // refresh
        vb.fake.revokeAccessTokens();
        client.getJob(jobId(1));                                        // 401, renewal, retry
        String current = vb.fake.issuedRefreshTokens.get(vb.fake.issuedRefreshTokens.size() - 1);

        // a server that quotes the credentials back in its errors
        vb.fake.script("GET", path, FakeVeeam.error(400, "ParameterValidationFailure",
                "bad request from " + FakeVeeam.PASSWORD + " with " + current));
        ValidationException quoted = caught(ValidationException.class, () -> client.getJob(jobId(1)));
        assertThat(quoted.serverMessage()).isEqualTo("bad request from *** with ***");

        // a token response cut off in the middle of the token
        vb.fake.script("POST", "/v8/token", json(200, "{\"access_token\":\"at-LEAKED-" + FakeVeeam.PASSWORD));
        LeakGuard.secret("at-LEAKED-");
        VeeamClient fresh = vb.client();
        MalformedResponseException cut = caught(MalformedResponseException.class, fresh::apiVersion);
        assertThat(cut.getCause()).isNull(); // Jackson's message would quote the token

        // wrong password, throttled login
        VeeamConnection wrong = new VeeamConnection(vb.baseUrl(), FakeVeeam.USERNAME, Secret.of("Wr0ng-Pa55w0rd!"),
                TestTls.CA.certificatePem(), false, null);
        LeakGuard.secret("Wr0ng-Pa55w0rd!");
        caught(UnauthorizedException.class, () -> VeeamClient.create(wrong, vb.options()).apiVersion());
        vb.fake.script("POST", "/v8/token", new MockResponse.Builder().code(429).addHeader("Retry-After", "600")
                .body("{\"message\":\"Quota Exceeded for " + FakeVeeam.USERNAME + "\"}").build());
        caught(ThrottledException.class, () -> vb.client().apiVersion());

        List<String> texts = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            texts.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                texts.add(event.getThrowableProxy().getMessage());
            }
        }
        for (Throwable t : thrown) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            texts.add(trace.toString());
        }
        texts.add(vb.connection().toString());
        texts.add(Secret.of(FakeVeeam.PASSWORD).toString());
        texts.add(wrong.toString());
        texts.add(client.toString());

        assertThat(appender.list).as("the scan must see the per-request DEBUG lines")
                .anyMatch(e -> e.getFormattedMessage().startsWith("VB365 POST /v8/token -> 200"));
        assertThat(LeakGuard.scan(texts)).isEmpty();
        assertThat(vb.connection().toString()).contains("password=***");
    }
}
