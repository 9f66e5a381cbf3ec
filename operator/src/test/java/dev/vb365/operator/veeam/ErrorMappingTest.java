package dev.vb365.operator.veeam;

import static dev.vb365.operator.veeam.FakeVeeam.error;
import static dev.vb365.operator.veeam.FakeVeeam.json;
import static dev.vb365.operator.veeam.JobFixtures.jobId;
import static dev.vb365.operator.veeam.LeakGuard.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(LeakGuard.class)
class ErrorMappingTest {

    static final String JOB_PATH = "/v8/Jobs/" + jobId(1);

    VeeamTestServer vb;
    VeeamClient client;

    @BeforeEach
    void start() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        client = vb.client(vb.options().withRetryPolicy(RetryPolicy.none()));
    }

    @AfterEach
    void stop() {
        vb.close();
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, "ParameterValidationFailure", ValidationException.class, false),
                Arguments.of(403, "ResourceAccessDenied", ForbiddenException.class, false),
                Arguments.of(404, "ResourceNotFound", NotFoundException.class, false),
                Arguments.of(409, "OperationConflict", ConflictException.class, true),
                Arguments.of(429, null, ThrottledException.class, true),
                Arguments.of(500, null, ServerErrorException.class, true),
                Arguments.of(501, null, ServerErrorException.class, false),
                Arguments.of(503, "ProxyOffline", ServerErrorException.class, true),
                Arguments.of(405, null, UnexpectedStatusException.class, false));
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void eachStatusHasItsTypeAndKeepsTheServersWords(int status, String errorCode,
            Class<? extends VeeamException> type, boolean retryable) {
        vb.fake.on("GET", JOB_PATH, r -> error(status, errorCode, "what the server said"));

        VeeamException e = failure(type, () -> client.getJob(jobId(1)));

        assertThat(e.status()).isEqualTo(status);
        assertThat(e.errorCode()).isEqualTo(errorCode);
        assertThat(e.serverMessage()).isEqualTo("what the server said");
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.pathTemplate()).isEqualTo("/v8/Jobs/{jobId}");
        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).isEqualTo("GET /v8/Jobs/{jobId}: HTTP " + status
                + (errorCode == null ? "" : " " + errorCode) + ": what the server said");
    }

    @Test
    void theErrorCodeWinsOverAnImpreciseStatus() {
        vb.fake.on("GET", JOB_PATH, r -> error(400, "ResourceNotFound", "Job not found"));

        failure(NotFoundException.class, () -> client.getJob(jobId(1)));
        assertThat(client.findJob(jobId(1))).isEmpty();
    }

    @Test
    void aNonJsonErrorBodyIsQuotedShortly() {
        vb.fake.on("GET", JOB_PATH, r -> new MockResponse.Builder().code(502)
                .addHeader("Content-Type", "text/html").body("<html><body>" + "Bad Gateway ".repeat(50)
                        + "</body></html>").build());

        ServerErrorException e = failure(ServerErrorException.class, () -> client.getJob(jobId(1)));

        assertThat(e.serverMessage()).startsWith("<html><body>Bad Gateway").endsWith("...").hasSizeLessThan(210);
    }

    @Test
    void malformedJsonIsAClearErrorThatNamesTheEndpoint() {
        // the sixth example of the v5 "Getting Backup Job Items" page, as published
        String published = """
                {
                 "type": "OneDriveFolders",
                 "folders": [
                 "copyTo",
                   "light\\Document.docx"
                 ]
                },
                   "id": "7b985334-bc0e-4791-b30c-d03a1fecc840448c5b66-8dcd-4c75-b636-d3b500bce36f"
                 }""";
        String path = JOB_PATH + "/SelectedItems/7b985334";
        vb.fake.on("GET", path, r -> json(200, published));

        MalformedResponseException e = failure(MalformedResponseException.class,
                () -> client.getItem(jobId(1), ItemScope.SELECTED, "7b985334"));

        assertThat(e.getMessage()).startsWith("GET /v8/Jobs/{jobId}/SelectedItems/{itemId}: HTTP 200: malformed JSON")
                .contains("line 5");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void anEmptyBodyWhereAJobBelongsIsMalformed() {
        vb.fake.on("GET", JOB_PATH, r -> new MockResponse.Builder().code(200).body("").build());

        MalformedResponseException e = failure(MalformedResponseException.class, () -> client.getJob(jobId(1)));

        assertThat(e.getMessage()).startsWith("GET /v8/Jobs/{jobId}: HTTP 200: malformed JSON");
    }

    @Test
    void aListEndpointAnsweringWithAScalarIsMalformed() {
        vb.fake.on("GET", "/v8/Jobs", r -> json(200, "\"nope\""));

        MalformedResponseException e = failure(MalformedResponseException.class, () -> client.listJobs());

        assertThat(e.getMessage()).contains("GET /v8/Jobs").contains("expected a JSON page or array");
    }
}
