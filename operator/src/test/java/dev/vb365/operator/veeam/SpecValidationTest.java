package dev.vb365.operator.veeam;

import static dev.vb365.operator.veeam.FakeVeeam.json;
import static dev.vb365.operator.veeam.FakeVeeam.noContent;
import static dev.vb365.operator.veeam.JobFixtures.ORG;
import static dev.vb365.operator.veeam.JobFixtures.jobId;
import static dev.vb365.operator.veeam.JobFixtures.legacyJob;
import static dev.vb365.operator.veeam.JobFixtures.v8Job;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.vb365.operator.veeam.model.BackupType;
import dev.vb365.operator.veeam.model.JobEdit;
import dev.vb365.operator.veeam.model.JobItem;
import dev.vb365.operator.veeam.model.PeriodicInterval;
import dev.vb365.operator.veeam.model.SchedulePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every request the client sends in a full round of operations, validated against the version's
 * OpenAPI spec from ../shared with swagger-request-validator (unknown properties are errors). No
 * relaxation was needed: the discriminators of the specs sit on schemas the client only reads
 * (RESTEvent) or never touches (restore and RBAC schemas), and RESTJobItemComposed lists its
 * alternatives in an {@code x-anyOf} extension the validator ignores, so its flat property list is
 * what every item body is checked against.
 */
@ExtendWith(LeakGuard.class)
class SpecValidationTest {

    @BeforeAll
    static void quietParser() {
        // swagger-parser logs the whole spec at DEBUG
        for (String name : List.of("io.swagger", "com.atlassian", "com.github.fge")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    static final String ITEM = "item-1";

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void everyRequestTheClientSendsMatchesTheSpec(ApiVersion version) {
        String spec = SharedReference.dir().resolve("veeam-openapi/vb365_rest_" + version.segment() + ".json")
                .toString();
        List<RecordedRequest> sent;
        try (VeeamTestServer vb = VeeamTestServer.start(version)) {
            answerEverything(vb, version);
            exercise(vb.client(), version);
            sent = vb.fake.requests();
        }
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(spec)
                .withLevelResolver(LevelResolver.create().build())
                .build();

        List<String> problems = new ArrayList<>();
        // (the token requests of the versions probed before this one belong to other specs)
        for (RecordedRequest request : sent.stream()
                .filter(r -> r.getUrl().encodedPath().startsWith("/" + version.segment() + "/")).toList()) {
            ValidationReport report = validator.validateRequest(toValidatorRequest(request));
            for (ValidationReport.Message message : report.getMessages()) {
                problems.add(request.getMethod() + " " + request.getUrl().encodedPath() + ": " + message.getKey()
                        + " " + message.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void exercise(VeeamClient client, ApiVersion version) {
        client.listJobs();
        client.listJobs(ORG, null);
        client.getJob(jobId(1));
        client.createJob(JobsTest.newJob(), true);
        client.editJob(jobId(1), JobEdit.settings("Renamed", "d", JobFixtures.REPO, BackupType.SELECTED_ITEMS, true,
                SchedulePolicy.periodically(PeriodicInterval.HOURS_8)), true);
        for (ItemScope scope : ItemScope.values()) {
            client.listItems(jobId(1), scope);
            client.addItems(jobId(1), scope, JobsTest.newJob().selectedItems(), true);
            client.editItem(jobId(1), scope, JobItem.user(JobsTest.ALICE, true, false, true, false).withId(ITEM), true);
            client.removeItems(jobId(1), scope, List.of(ITEM, "item-2"));
        }
        client.enableJob(jobId(1));
        client.disableJob(jobId(1));
        client.startJob(jobId(1), true);
        client.stopJob(jobId(1));
        client.deleteJob(jobId(1));
        client.resolveOrganization("contoso");
        client.resolveRepository("repo");
        client.resolveUser(ORG, "alice@contoso.com");
        client.resolveGroup(ORG, "Finance");
        client.resolveSite(ORG, "https://contoso.sharepoint.com/sites/a");
        client.resolveTeam(ORG, "IT");
        client.listProxies();
        if (version == ApiVersion.V8) {
            client.events(client.latestChangeToken(null), 100, Duration.ZERO, null);
        }
    }

    private static void answerEverything(VeeamTestServer vb, ApiVersion version) {
        String v = "/" + version.segment();
        boolean paged = version == ApiVersion.V8;
        String job = paged ? v8Job(1, 1) : legacyJob(1, version.segment());
        FakeVeeam fake = vb.fake;
        fake.onJson("GET", v + "/Jobs", 200, list(paged, job));
        fake.onJson("GET", v + "/Organizations/" + ORG + "/Jobs", 200, list(false, job));
        fake.onJson("GET", v + "/Jobs/" + jobId(1), 200, job);
        fake.onJson("POST", v + "/Jobs", 201, job);
        fake.onJson("POST", v + "/Organizations/" + ORG + "/Jobs", 200, job);
        fake.on("PUT", v + "/Jobs/" + jobId(1), r -> noContent());
        fake.on("DELETE", v + "/Jobs/" + jobId(1), r -> noContent());
        for (String scope : List.of("SelectedItems", "ExcludedItems")) {
            String items = v + "/Jobs/" + jobId(1) + "/" + scope;
            fake.onJson("GET", items, 200, list(paged, ItemsTest.V8_ITEMS.get(0)));
            fake.on("POST", items, r -> noContent());
            fake.on("DELETE", items, r -> noContent());
            fake.on("PUT", items + "/" + ITEM, r -> noContent());
        }
        for (String action : List.of("enable", "disable", "stop")) {
            fake.on("POST", v + "/Jobs/" + jobId(1) + "/" + action, r -> noContent());
        }
        fake.on("POST", v + "/Jobs/" + jobId(1) + "/start", r -> paged ? json(200,
                "{\"id\":\"6c2a5b1e-0000-0000-0000-000000000001\",\"jobId\":\"" + jobId(1) + "\",\"status\":\"Running\"}")
                : noContent());
        fake.onJson("GET", v + "/Organizations", 200, list(paged,
                "{\"id\":\"" + ORG + "\",\"name\":\"contoso\"}"));
        fake.onJson("GET", v + "/BackupRepositories", 200, list(paged,
                "{\"id\":\"" + JobFixtures.REPO + "\",\"name\":\"repo\"}"));
        fake.onJson("GET", v + "/Proxies", 200, list(paged, "{\"id\":\"p\",\"hostName\":\"p\"}"));
        fake.onJson("GET", v + "/Organizations/" + ORG + "/Users", 200, list(true, LookupTest.user("u", "Alice",
                "alice@contoso.com")));
        fake.onJson("GET", v + "/Organizations/" + ORG + "/Groups", 200, list(true, LookupTest.group("g", "Finance",
                "finance@contoso.com")));
        fake.onJson("GET", v + "/Organizations/" + ORG + "/Sites", 200, list(true, LookupTest.site("s",
                "https://contoso.sharepoint.com/sites/a")));
        fake.onJson("GET", v + "/Organizations/" + ORG + "/Teams", 200, list(true,
                "{\"id\":\"448c5b66-8dcd-4c75-b636-d3b500bce36f\",\"displayName\":\"IT\",\"mail\":\"it@x\"}"));
        fake.onJson("GET", v + "/Events", 200, "{\"nextChangeToken\":\"t1\",\"limit\":100,\"results\":[]}");
    }

    private static String list(boolean paged, String element) {
        return paged ? JobFixtures.page(0, 1000, null, List.of(element)) : JobFixtures.array(List.of(element));
    }

    private static Request toValidatorRequest(RecordedRequest recorded) {
        String path = recorded.getUrl().encodedPath();
        SimpleRequest.Builder builder = new SimpleRequest.Builder(recorded.getMethod(), path);
        for (String name : recorded.getUrl().queryParameterNames()) {
            builder.withQueryParam(name, recorded.getUrl().queryParameterValues(name));
        }
        recorded.getHeaders().forEach(h -> builder.withHeader(h.getFirst(), h.getSecond()));
        if (recorded.getBody() != null && recorded.getBody().size() > 0) {
            builder.withBody(recorded.getBody().utf8());
        }
        return builder.build();
    }
}
