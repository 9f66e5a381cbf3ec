package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.ConditionTypes;
import dev.vb365.operator.secretscan.SuiteRecord;
import dev.vb365.simulator.Simulator;
import dev.vb365.simulator.http.MalformedBodies;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue: every way a user (or a broken server) can hand the operator something it
 * cannot use. Each case is one BackupJob in a namespace of its own, and each must end with Ready and
 * Synced False, a reason from {@link Reasons}, a message naming what to fix (the field, the value, the
 * key or the name), no VB365 write at all, and a quiet operator. Healthy BackupJobs created before,
 * alongside and after the bad ones on the same server must still become Ready.
 *
 * <p>Specs are sent as raw YAML (not through the Java model): the mock API server, like a cluster
 * without CEL, enforces no schema, so an invalid enum or a string where a number belongs reaches the
 * operator. Cases about ambiguous names use a second simulator whose directory has same-named
 * objects; cases about broken servers use a simulator each that answers one kind of malformed body.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCatalogueTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String SECRET = OperatorTestHarness.SECRET;
  /** Names a healthy BackupJob of the main simulator uses (they are the catalogue's only writes). */
  private static final List<String> HEALTHY = List.of("catalogue-healthy-before", "catalogue-healthy-alongside");

  private static OperatorTestHarness harness;
  /** A directory where names are taken twice (see AmbiguousLookupSimTest). */
  private static Simulator ambiguous;
  /** One simulator per kind of malformed answer, by case name. */
  private static final Map<String, Simulator> broken = new LinkedHashMap<>();
  private static final List<Simulator> secondary = new ArrayList<>();
  private static final Map<String, String> jobIds = new LinkedHashMap<>();
  private static Set<String> jobsBefore;
  private static Path tmp;

  /** One entry of the catalogue. */
  record Case(String name, String category, String specYaml, UnaryOperator<Map<String, String>> secret,
      String server, String reason, List<String> messageContains) {
    @Override
    public String toString() {
      return category + ": " + name;
    }

    /** Each case's own namespace (other test classes share the operator). */
    String namespace() {
      return "catalogue-" + name;
    }
  }

  private static final String AMBIGUOUS_ORG = "0a000000-0000-4000-8000-000000000001";
  private static final String AMBIGUOUS_FIXTURE = """
      {
        "organizations": [
          {"id": "0a000000-0000-4000-8000-000000000001", "name": "ops.onmicrosoft.com",
           "users": [
             {"id": "u1", "name": "sam.smith@ops.onmicrosoft.com", "displayName": "Sam Smith"},
             {"id": "u2", "name": "sam.smith2@ops.onmicrosoft.com", "displayName": "Sam Smith"}],
           "groups": [
             {"id": "g1", "name": "ops@ops.onmicrosoft.com", "displayName": "Ops"},
             {"id": "g2", "name": "ops-team@ops.onmicrosoft.com", "displayName": "Ops"}],
           "sites": [{"id": "s1", "url": "https://ops.sharepoint.com/sites/ops", "title": "Ops"}],
           "teams": [
             {"id": "0a000000-0000-4000-8000-0000000000a1", "displayName": "Ops"},
             {"id": "0a000000-0000-4000-8000-0000000000a2", "displayName": "Ops"}]},
          {"id": "0a000000-0000-4000-8000-000000000002", "name": "ops.onmicrosoft.de"}
        ],
        "repositories": [
          {"id": "0a000000-0000-4000-8000-0000000000b1", "name": "Backup", "proxyId": "0a000000-0000-4000-8000-0000000000ff"},
          {"id": "0a000000-0000-4000-8000-0000000000b2", "name": "Backup", "proxyId": "0a000000-0000-4000-8000-0000000000ff"},
          {"id": "0a000000-0000-4000-8000-0000000000b3", "name": "Unique", "proxyId": "0a000000-0000-4000-8000-0000000000ff"}],
        "proxies": [{"id": "0a000000-0000-4000-8000-0000000000ff", "hostName": "proxy.ops.local"}]
      }
      """;
  /** Replaced by the id of a job made beforehand on the case's own simulator. */
  private static final String JOB_PLACEHOLDER = "0c000000-0000-4000-8000-000000000000";
  /** A password written into a url: the message must not quote the url. */
  private static final String URL_PASSWORD = "Hunter2-In-The-Url";
  private static final String OPS = "organization: {name: ops.onmicrosoft.com}\nrepository: {name: Unique}\n";

  static List<Case> catalogue() {
    List<Case> c = new ArrayList<>();
    // ---- spec values the schema (or CEL) would reject, reaching the reconciler anyway ----
    spec(c, "unknown-backup-type", "backupType: Everything", "spec.backupType", "Everything");
    spec(c, "unknown-schedule-type", "schedulePolicy: {type: Hourly}", "spec.schedulePolicy.type", "Hourly");
    spec(c, "unknown-item-type", "selectedItems: [{type: Mailbox, user: {name: alice@contoso.onmicrosoft.com}}]",
        "spec.selectedItems[0].type", "Mailbox");
    spec(c, "unknown-deletion-policy", "deletionPolicy: Keep", "spec.deletionPolicy", "Keep");
    spec(c, "unknown-interval", "schedulePolicy: {type: Periodically, periodicallyEvery: Minutes7}",
        "spec.schedulePolicy.periodicallyEvery", "Minutes7");
    spec(c, "string-for-boolean", "enabled: sometimes", "spec.enabled", "sometimes");
    spec(c, "string-for-number", "schedulePolicy: {type: Daily, dailyTime: \"22:00\", retry: {count: many}}",
        "spec.schedulePolicy.retry.count", "many");
    spec(c, "job-name-padded", "jobName: \" padded \"", "spec.jobName");
    spec(c, "job-name-too-long", "jobName: " + "n".repeat(300), "spec.jobName", "255");
    spec(c, "description-too-long", "description: " + "d".repeat(1100), "spec.description", "1024");
    spec(c, "job-id-not-a-guid", "jobId: not-a-guid", "spec.jobId", "not-a-guid");
    spec(c, "daily-without-time", "schedulePolicy: {type: Daily}", "spec.schedulePolicy.dailyTime");
    spec(c, "daily-time-out-of-range", "schedulePolicy: {type: Daily, dailyTime: \"25:00\"}",
        "spec.schedulePolicy.dailyTime", "25:00");
    spec(c, "offset-out-of-range", "schedulePolicy: {type: Periodically, periodicallyEvery: Hours1, "
        + "periodicallyOffsetMinutes: 75}", "spec.schedulePolicy.periodicallyOffsetMinutes", "75");
    spec(c, "periodically-without-interval", "schedulePolicy: {type: Periodically}",
        "spec.schedulePolicy.periodicallyEvery");
    spec(c, "manual-with-window", "schedulePolicy: {type: ManualOnly, backupWindow: {allow: [Weekends]}}",
        "spec.schedulePolicy.backupWindow");
    spec(c, "window-bad-line", "schedulePolicy: {type: Daily, dailyTime: \"22:00\", backupWindow: "
        + "{allow: [\"Mon-Fri 25:00-26:00\"]}}", "spec.schedulePolicy.backupWindow.allow[0]", "Mon-Fri 25:00-26:00");
    spec(c, "window-not-whole-hours", "schedulePolicy: {type: Daily, dailyTime: \"22:00\", backupWindow: "
        + "{allow: [\"Mon-Fri 20:30-06:00\"]}}", "spec.schedulePolicy.backupWindow.allow[0]", "20:30");
    spec(c, "window-empty", "schedulePolicy: {type: Daily, dailyTime: \"22:00\", backupWindow: {allow: []}}",
        "spec.schedulePolicy.backupWindow");
    spec(c, "window-offset-out-of-range", "schedulePolicy: {type: Daily, dailyTime: \"22:00\", backupWindow: "
        + "{allow: [Weekends], minuteOffset: 900}}", "spec.schedulePolicy.backupWindow.minuteOffset", "900");
    spec(c, "retry-count-out-of-range", "schedulePolicy: {type: Daily, dailyTime: \"22:00\", retry: {count: 0}}",
        "spec.schedulePolicy.retry.count");
    spec(c, "entire-org-with-selected", "backupType: EntireOrganization\nselectedItems: [{type: User, "
        + "user: {name: alice@contoso.onmicrosoft.com}}]", "spec.selectedItems", "EntireOrganization");
    spec(c, "item-type-without-reference", "selectedItems: [{type: User, group: {name: finance@contoso"
        + ".onmicrosoft.com}}]", "spec.selectedItems[0]");
    spec(c, "organization-name-and-id", "organization: {name: contoso.onmicrosoft.com, id: "
        + "23387270-b482-57cd-a3cd-9ba19e935a1b}", "spec.organization", "exactly one");
    spec(c, "repository-name-empty", "repository: {name: \"\"}", "spec.repository.name");
    spec(c, "secret-ref-not-a-name", "connection: {secretRef: {name: Bad_Name}}", "spec.connection.secretRef.name",
        "Bad_Name");
    spec(c, "duplicate-items", "selectedItems:\n- {type: User, user: {name: alice@contoso.onmicrosoft.com}}\n"
        + "- {type: User, user: {name: alice@contoso.onmicrosoft.com}}", "spec.selectedItems[1]",
        "spec.selectedItems[0]");

    // ---- names VB365 does not know, or knows twice ----
    c.add(new Case("unknown-organization", "reference", "organization: {name: nope.onmicrosoft.com}", null, null,
        Reasons.ORGANIZATION_NOT_FOUND, List.of("spec.organization", "nope.onmicrosoft.com")));
    c.add(new Case("unknown-repository", "reference", "repository: {name: No such repository}", null, null,
        Reasons.REPOSITORY_NOT_FOUND, List.of("spec.repository", "No such repository")));
    c.add(new Case("unknown-user", "reference", "selectedItems: [{type: User, user: {name: nobody@contoso"
        + ".onmicrosoft.com}}]", null, null, Reasons.USER_NOT_FOUND,
        List.of("spec.selectedItems[0]", "nobody@contoso.onmicrosoft.com")));
    c.add(new Case("unknown-group", "reference", "excludedItems: [{type: Group, group: {name: nogroup@contoso"
        + ".onmicrosoft.com}}]", null, null, Reasons.GROUP_NOT_FOUND,
        List.of("spec.excludedItems[0]", "nogroup@contoso.onmicrosoft.com")));
    c.add(new Case("unknown-site", "reference", "selectedItems: [{type: Site, site: {url: "
        + "https://contoso.sharepoint.com/sites/nope}}]", null, null, Reasons.SITE_NOT_FOUND,
        List.of("spec.selectedItems[0]", "https://contoso.sharepoint.com/sites/nope")));
    c.add(new Case("unknown-team", "reference", "selectedItems: [{type: Team, team: {name: No such team}}]", null,
        null, Reasons.TEAM_NOT_FOUND, List.of("spec.selectedItems[0]", "No such team")));
    c.add(new Case("unknown-job-id", "reference", "jobId: 0b000000-0000-4000-8000-00000000dead", null, null,
        Reasons.JOB_NOT_FOUND, List.of("0b000000-0000-4000-8000-00000000dead", "spec.jobId")));
    c.add(new Case("ambiguous-organization", "reference", "organization: {name: ops}\nrepository: {name: Unique}",
        null, "ambiguous", Reasons.AMBIGUOUS_NAME, List.of("spec.organization", "ops.onmicrosoft.com",
        "ops.onmicrosoft.de")));
    c.add(new Case("ambiguous-repository", "reference", "organization: {name: ops.onmicrosoft.com}\nrepository: "
        + "{name: Backup}", null, "ambiguous", Reasons.AMBIGUOUS_NAME, List.of("spec.repository",
        "0a000000-0000-4000-8000-0000000000b1", "0a000000-0000-4000-8000-0000000000b2")));
    c.add(new Case("ambiguous-user", "reference", OPS + "selectedItems: [{type: User, user: {name: Sam Smith}}]",
        null, "ambiguous", Reasons.AMBIGUOUS_NAME, List.of("spec.selectedItems[0]", "sam.smith@ops.onmicrosoft.com",
        "sam.smith2@ops.onmicrosoft.com")));
    c.add(new Case("ambiguous-group", "reference", OPS + "selectedItems: [{type: Group, group: {name: Ops}}]",
        null, "ambiguous", Reasons.AMBIGUOUS_NAME, List.of("spec.selectedItems[0]", "g1", "g2")));
    c.add(new Case("ambiguous-team", "reference", OPS + "excludedItems: [{type: Team, team: {name: Ops}}]", null,
        "ambiguous", Reasons.AMBIGUOUS_NAME, List.of("spec.excludedItems[0]",
        "0a000000-0000-4000-8000-0000000000a1", "0a000000-0000-4000-8000-0000000000a2")));

    // ---- the connection Secret ----
    secret(c, "secret-missing", v -> null, Reasons.SECRET_NOT_FOUND, "catalogue-secret-missing/vb365", "not found");
    secret(c, "secret-no-password", v -> without(v, "password"), Reasons.SECRET_INVALID, "key password");
    secret(c, "secret-no-url", v -> without(v, "url"), Reasons.SECRET_INVALID, "key url");
    secret(c, "secret-no-username", v -> with(v, "username", "   "), Reasons.SECRET_INVALID, "key username");
    secret(c, "secret-bad-url", v -> with(v, "url", "vb365 at port 4443"), Reasons.SECRET_INVALID, "key url");
    secret(c, "secret-url-with-userinfo", v -> with(v, "url", "https://admin:" + URL_PASSWORD + "@localhost:4443"),
        Reasons.SECRET_INVALID, "key url", "user info");
    secret(c, "secret-url-with-path", v -> with(v, "url", v.get("url") + "/v8/Jobs?x=1"), Reasons.SECRET_INVALID,
        "key url", "without a path");
    secret(c, "secret-ftp-url", v -> with(v, "url", "ftp://localhost:21"), Reasons.SECRET_INVALID, "key url",
        "https");
    secret(c, "secret-ca-not-pem", v -> with(v, "ca.crt", "not a certificate"), Reasons.SECRET_INVALID,
        "key ca.crt", "PEM");
    secret(c, "secret-ca-bad-pem", v -> with(v, "ca.crt", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END "
        + "CERTIFICATE-----\n"), Reasons.SECRET_INVALID, "key ca.crt");
    secret(c, "secret-insecure-yes", v -> with(v, "insecureSkipTlsVerify", "yes"), Reasons.SECRET_INVALID,
        "key insecureSkipTlsVerify");
    secret(c, "secret-wrong-password", v -> with(v, "password", "Wr0ng-Pa55-f0r-tests!"), Reasons.UNAUTHORIZED,
        "credentials");
    secret(c, "secret-no-ca", v -> without(v, "ca.crt"), Reasons.TLS_UNTRUSTED, "ca.crt", "not trusted");
    secret(c, "secret-other-ca", v -> with(v, "ca.crt", otherCa()), Reasons.TLS_UNTRUSTED, "ca.crt",
        "not trusted");
    secret(c, "secret-unreachable", v -> with(v, "url", "https://127.0.0.1:" + closedPort()),
        Reasons.SERVER_UNREACHABLE, "127.0.0.1");
    secret(c, "secret-plain-http-to-tls", v -> with(v, "url", v.get("url").replace("https:", "http:")),
        Reasons.SERVER_UNREACHABLE, "POST /v8/token", "http://localhost");
    c.add(new Case("secret-in-other-namespace", "secret", "connection: {secretRef: {name: shared-vb365}}", null,
        null, Reasons.SECRET_NOT_FOUND, List.of("catalogue-secret-in-other-namespace/shared-vb365", "not found")));

    // ---- a server that answers, but badly ----
    server(c, "login-html", "(?i)/token$", MalformedBodies.Kind.HTML, Reasons.SERVER_ERROR, "POST /v8/token",
        "HTML page", "text/html");
    server(c, "organizations-html", "/Organizations$", MalformedBodies.Kind.HTML, Reasons.SERVER_ERROR,
        "GET /v8/Organizations", "HTML page");
    server(c, "repositories-truncated", "/BackupRepositories", MalformedBodies.Kind.TRUNCATED,
        Reasons.SERVER_ERROR, "GET /v8/BackupRepositories", "malformed JSON");
    server(c, "users-huge", "/Users", MalformedBodies.Kind.HUGE, Reasons.SERVER_ERROR,
        "GET /v8/Organizations/{organizationId}/Users", "larger than 16 MiB");
    server(c, "organizations-nulls", "/Organizations$", MalformedBodies.Kind.NULLS, Reasons.SERVER_ERROR,
        "GET /v8/Organizations", "organization in the answer has no id");
    c.add(new Case("job-unknown-enum", "server", "jobId: " + JOB_PLACEHOLDER, null, "broken:/Jobs:UNKNOWN_ENUM",
        Reasons.UNREADABLE_JOB, List.of("\"existing job-unknown-enum\"", "type is one this operator does not know",
        "does not change it")));
    c.add(new Case("job-nulls", "server", "jobId: " + JOB_PLACEHOLDER, null, "broken:/Jobs:NULLS",
        Reasons.SERVER_ERROR, List.of("GET /v8/Jobs/{jobId}", "has no id")));
    server(c, "token-nulls", "(?i)/token$", MalformedBodies.Kind.NULLS, Reasons.SERVER_ERROR, "POST /v8/token",
        "no access_token");
    return c;
  }

  private static void spec(List<Case> c, String name, String yaml, String... contains) {
    c.add(new Case(name, "spec", yaml, null, null, Reasons.INVALID_SPEC, List.of(contains)));
  }

  private static void secret(List<Case> c, String name, UnaryOperator<Map<String, String>> change, String reason,
      String... contains) {
    c.add(new Case(name, "secret", "", change, null, reason, List.of(contains)));
  }

  private static void server(List<Case> c, String name, String path, MalformedBodies.Kind kind, String reason,
      String... contains) {
    c.add(new Case(name, "server", "selectedItems: [{type: User, user: {name: alice@contoso.onmicrosoft.com}}]",
        null, "broken:" + path + ":" + kind.name(), reason, List.of(contains)));
  }

  @BeforeAll
  static void createAll() throws IOException {
    harness = SharedHarness.get();
    SuiteRecord.secret(URL_PASSWORD);
    tmp = Files.createTempDirectory("bad-input-catalogue");
    Path fixture = Files.writeString(tmp.resolve("ambiguous.json"), AMBIGUOUS_FIXTURE);
    ambiguous = Simulator.start(OperatorTestHarness.simulatorOptions().withFixture(fixture));
    secondary.add(ambiguous);
    List<Case> cases = catalogue();
    for (Case c : cases) {
      if (c.server() != null && c.server().startsWith("broken:")) {
        String[] parts = c.server().split(":");
        Simulator sim = Simulator.start(OperatorTestHarness.simulatorOptions());
        if (c.specYaml().contains(JOB_PLACEHOLDER)) {
          Vb365Admin admin = new Vb365Admin(sim);
          String org = harness.organizationId();
          jobIds.put(c.name(), admin.createJob(org, harness.repositoryId(), "existing " + c.name(),
              admin.userId(org, "alice@contoso.onmicrosoft.com")));
          sim.resetRequestCounts();
        }
        sim.malformBodies(parts[1], MalformedBodies.Kind.valueOf(parts[2]));
        broken.put(c.name(), sim);
        secondary.add(sim);
      }
    }
    jobsBefore = jobNames();
    harness.resetCounts();

    harness.connectionSecret("catalogue-healthy");
    harness.createBackupJob("catalogue-healthy", HEALTHY.get(0), "jobName: " + HEALTHY.get(0));
    harness.connectionSecret("secret-in-other-namespace-source", "shared-vb365", UnaryOperator.identity());
    for (Case c : cases) {
      writeSecret(c);
    }
    for (Case c : cases) {
      createRaw(c.namespace(), "job", c.specYaml().replace(JOB_PLACEHOLDER, jobIds.getOrDefault(c.name(), "")));
    }
    harness.createBackupJob("catalogue-healthy", "alongside", "jobName: " + HEALTHY.get(1) + "\nselectedItems: "
        + "[{type: User, user: {name: bob@contoso.onmicrosoft.com}}]");
  }

  @AfterAll
  static void stopSecondary() {
    for (Simulator server : secondary) {
      SuiteRecord.secrets(server.issuedTokens());
      server.close();
    }
  }

  private static void writeSecret(Case c) {
    Simulator target = simulatorOf(c);
    UnaryOperator<Map<String, String>> pointAt = values -> {
      values.put("url", target.baseUri().toString());
      values.put("ca.crt", read(target.caCertificateFile()));
      return values;
    };
    if (c.name().equals("secret-in-other-namespace")) {
      return;
    }
    if (c.secret() == null) {
      harness.connectionSecret(c.namespace(), SECRET, pointAt);
      return;
    }
    Map<String, String> probe = c.secret().apply(new LinkedHashMap<>(Map.of("url", "https://x")));
    if (probe == null) {
      return; // no Secret at all
    }
    harness.connectionSecret(c.namespace(), SECRET, values -> c.secret().apply(pointAt.apply(values)));
  }

  private static Simulator simulatorOf(Case c) {
    if (c.server() == null) {
      return harness.simulator;
    }
    return c.server().equals("ambiguous") ? ambiguous : broken.get(c.name());
  }

  /** Creates the BackupJob from raw YAML (no Java model in between), with the main simulator's defaults. */
  @SuppressWarnings("unchecked")
  private static void createRaw(String namespace, String name, String specYaml) {
    Map<String, Object> spec;
    try {
      spec = specYaml.isBlank() ? new LinkedHashMap<>() : YAML.readValue(specYaml, LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    spec.putIfAbsent("connection", Map.of("secretRef", Map.of("name", SECRET)));
    spec.putIfAbsent("organization", Map.of("name", OperatorTestHarness.ORG));
    spec.putIfAbsent("repository", Map.of("name", OperatorTestHarness.REPO));
    spec.putIfAbsent("jobName", "catalogue " + namespace);
    GenericKubernetesResource job = new GenericKubernetesResource();
    job.setApiVersion("backup.vb365.dev/v1alpha1");
    job.setKind("BackupJob");
    job.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    job.setAdditionalProperty("spec", spec);
    harness.kubernetes.genericKubernetesResources("backup.vb365.dev/v1alpha1", "BackupJob").inNamespace(namespace)
        .resource(job).create();
  }

  @Test
  @Order(0)
  void theCatalogueIsBigAndCoversEveryCategory() {
    List<Case> cases = catalogue();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
    assertThat(cases.stream().map(Case::name).distinct()).hasSameSizeAs(cases);
    assertThat(cases.stream().map(Case::category).distinct()).containsExactlyInAnyOrder("spec", "reference",
        "secret", "server");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  @Order(1)
  void eachBadInputIsAConditionAUserCanActOnAndNothingIsWritten(Case c) {
    BackupJob job = harness.awaitBackupJob(c.namespace(), "job", j -> OperatorTestHarness.condition(j, ConditionTypes.SYNCED)
        .filter(s -> "False".equals(s.getStatus()) && c.reason().equals(s.getReason())).isPresent());
    Condition ready = OperatorTestHarness.condition(job, ConditionTypes.READY).orElseThrow();
    Condition synced = OperatorTestHarness.condition(job, ConditionTypes.SYNCED).orElseThrow();
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo(c.reason());
    assertThat(ready.getMessage()).as("message of %s", c.name()).contains(c.messageContains());
    assertThat(synced.getMessage()).isEqualTo(ready.getMessage());
    assertThat(ready.getMessage()).as("no secret in the message").doesNotContain(harness.simulator.password(),
        URL_PASSWORD, "Wr0ng-Pa55-f0r-tests!");
    assertThat(job.getStatus().getObservedGeneration()).isEqualTo(job.getMetadata().getGeneration());
    if (!jobIds.containsKey(c.name())) {
      assertThat(job.getStatus().getJobId()).as("no job for bad input").isNull();
    }
    assertThat(harness.eventReasons(c.namespace(), "job")).contains(c.reason());

    Simulator server = simulatorOf(c);
    assertThat(writes(server, server == harness.simulator)).as("VB365 writes").isEmpty();
  }

  @Test
  @Order(2)
  void healthyBackupJobsBeforeAlongsideAndAfterBecomeReadyAndTheOperatorIsQuiet() {
    harness.awaitReady("catalogue-healthy", HEALTHY.get(0));
    harness.awaitReady("catalogue-healthy", "alongside");
    harness.createBackupJob("catalogue-healthy", "after", "jobName: catalogue-healthy-after\nselectedItems: "
        + "[{type: Group, group: {name: finance@contoso.onmicrosoft.com}}]");
    harness.awaitReady("catalogue-healthy", "after");

    // A hot loop would never let the operator be quiet for a second.
    harness.settle(Duration.ofSeconds(1));
    Set<String> created = jobNames();
    created.removeAll(jobsBefore);
    assertThat(created).as("the only jobs created are the healthy ones").containsExactlyInAnyOrder(HEALTHY.get(0),
        HEALTHY.get(1), "catalogue-healthy-after");
    for (Simulator server : secondary) {
      assertThat(writes(server, false)).isEmpty();
      assertThat(server.jobIds()).hasSizeLessThanOrEqualTo(1); // the job made to be adopted
    }
  }

  @Test
  @Order(3)
  void aJobItemThatDoesNotFitTheModelIsInvalidAndBreaksNothing() {
    GenericKubernetesResource item = new GenericKubernetesResource();
    item.setApiVersion("backup.vb365.dev/v1alpha1");
    item.setKind("JobItem");
    item.setMetadata(new ObjectMetaBuilder().withName("mailbox").withNamespace("catalogue-healthy").build());
    item.setAdditionalProperty("spec", Map.of("jobRef", Map.of("name", "after"), "type", "Mailbox",
        "user", Map.of("name", "alice@contoso.onmicrosoft.com")));
    harness.kubernetes.genericKubernetesResources("backup.vb365.dev/v1alpha1", "JobItem")
        .inNamespace("catalogue-healthy").resource(item).create();

    var status = harness.awaitJobItem("catalogue-healthy", "mailbox", "False", Reasons.INVALID_SPEC).getStatus();
    assertThat(status.getConditions().get(0).getMessage()).contains("spec.type", "\"Mailbox\"", "User");
    assertThat(harness.kubernetes.genericKubernetesResources("backup.vb365.dev/v1alpha1", "JobItem")
        .inNamespace("catalogue-healthy").withName("mailbox").get().getAdditionalProperties().get("spec"))
        .as("the spec is kept as written").isEqualTo(item.getAdditionalProperties().get("spec"));
    harness.createBackupJob("catalogue-healthy", "last", "jobName: catalogue-healthy-last");
    harness.awaitReady("catalogue-healthy", "last");
  }

  /** Writes to VB365 jobs, without the healthy BackupJobs' creates on the main simulator. */
  private static Map<String, Long> writes(Simulator server, boolean main) {
    Map<String, Long> writes = new TreeMap<>();
    server.requestCounts().forEach((call, count) -> {
      if (!call.startsWith("GET ") && !call.toLowerCase(Locale.ROOT).endsWith("/token")
          && !call.equals("POST (unmatched)") && count > 0) {
        writes.put(call, count);
      }
    });
    if (main) {
      harness.admin.writes().forEach((call, count) -> writes.computeIfPresent(call, (k, v) -> v - count == 0 ? null
          : v - count));
      // The healthy BackupJobs create their jobs (one POST each, items in the body); nothing else writes.
      long healthy = jobNames().stream().filter(n -> n.startsWith("catalogue-healthy")).count();
      writes.computeIfPresent("POST /" + server.apiVersion() + "/Jobs", (k, v) -> v - healthy == 0 ? null
          : v - healthy);
    }
    return writes;
  }

  private static Set<String> jobNames() {
    Set<String> names = new java.util.TreeSet<>();
    harness.admin.jobs().forEach(j -> names.add(j.path("name").asText()));
    return names;
  }

  private static String otherCa() {
    return read(ambiguous.caCertificateFile());
  }

  private static int closedPort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> without(Map<String, String> values, String key) {
    values.remove(key);
    return values;
  }

  private static Map<String, String> with(Map<String, String> values, String key, String value) {
    values.put(key, value);
    return values;
  }

  static Stream<Case> cases() {
    return catalogue().stream();
  }
}
