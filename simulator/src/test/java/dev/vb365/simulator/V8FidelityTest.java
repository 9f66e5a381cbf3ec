package dev.vb365.simulator;

import static dev.vb365.simulator.testsupport.DefaultFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.simulator.testsupport.OpenApiContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every v8 endpoint the simulator implements, called with valid requests; SimClient checks each exchange against the spec. */
class V8FidelityTest {
  static Simulator simulator;
  static SimClient client;

  @BeforeAll
  static void start() {
    OpenApiContract contract = OpenApiContract.forVersion("v8");
    simulator = Simulator.start(SimulatorOptions.defaults().withSessionDuration(Duration.ZERO));
    client = new SimClient(simulator, contract);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  static Map<String, Object> user(String id) {
    return Map.of("type", "User", "user", Map.of("id", id), "mailbox", true, "oneDrive", true,
        "archiveMailbox", false, "personalSite", true);
  }

  @Test
  void directoryEndpointsConform() {
    String org = "/v8/Organizations/" + CONTOSO;
    assertThat(client.get("/v8/Organizations").status()).isEqualTo(200);
    assertThat(client.get(org).json().get("name").asText()).isEqualTo(CONTOSO_NAME);
    assertThat(client.get(org + "/Users?limit=5&offset=2").json().get("results")).hasSize(5);
    assertThat(client.get(org + "/Users/" + ALICE).status()).isEqualTo(200);
    assertThat(client.get(org + "/Groups?displayName=Fin*").json().get("results")).hasSize(1);
    assertThat(client.get(org + "/Groups/" + FINANCE_GROUP).status()).isEqualTo(200);
    assertThat(client.get(org + "/Sites?includePersonalSites=true").json().get("results")).hasSize(7);
    assertThat(client.get(org + "/Sites/" + FINANCE_SITE).status()).isEqualTo(200);
    assertThat(client.get(org + "/Teams").json().get("results")).hasSize(4);
    assertThat(client.get(org + "/Teams/" + SALES_TEAM).status()).isEqualTo(200);
    assertThat(client.get("/v8/BackupRepositories").json().get("results")).hasSize(3);
    assertThat(client.get("/v8/BackupRepositories/" + DEFAULT_REPOSITORY).status()).isEqualTo(200);
    assertThat(client.get("/v8/Proxies").json().get("results")).hasSize(1);
    assertThat(client.get("/v8/Proxies/" + PROXY).status()).isEqualTo(200);
  }

  @Test
  void jobLifecycleConforms() {
    Map<String, Object> create = Map.of(
        "name", "Fidelity job", "description", "all item kinds", "organizationId", CONTOSO,
        "repositoryId", DEFAULT_REPOSITORY, "backupType", "SelectedItems", "isEnabled", true,
        "schedulePolicy", Map.of("type", "Periodically", "periodicallyEvery", "Hours1", "scheduleEnabled", true,
            "retryEnabled", true, "retryNumber", 3, "retryWaitInterval", 10),
        "selectedItems", List.of(user(ALICE),
            Map.of("type", "Group", "group", Map.of("id", FINANCE_GROUP), "members", true, "groupSite", true),
            Map.of("type", "Site", "site", Map.of("id", FINANCE_SITE, "url", "https://contoso.sharepoint.com/sites/finance",
                "title", "Finance", "isCloud", true, "isPersonal", false)),
            Map.of("type", "Team", "team", Map.of("id", SALES_TEAM, "displayName", "Sales", "mail", "Sales@contoso.onmicrosoft.com"),
                "teamsChats", true),
            Map.of("type", "PartialOrganization", "mailbox", true, "sites", true, "teams", false),
            Map.of("type", "PersonalSites"),
            Map.of("type", "OneDriveFolders", "folders", List.of("Documents/Finance"))),
        "excludedItems", List.of(user(INTERN)));
    SimClient.Response created = client.post("/v8/Jobs", create);
    assertThat(created.status()).isEqualTo(201);
    String job = "/v8/Jobs/" + created.json().get("id").asText();

    assertThat(client.get("/v8/Jobs?organizationId=" + CONTOSO + "&limit=10").status()).isEqualTo(200);
    JsonNode items = client.get(job + "/SelectedItems").json().get("results");
    assertThat(items).hasSize(7);
    for (JsonNode item : items) {
      assertThat(client.get(job + "/SelectedItems/" + item.get("id").asText()).status()).isEqualTo(200);
    }
    String excluded = client.get(job + "/ExcludedItems").json().get("results").get(0).get("id").asText();
    assertThat(client.get(job + "/ExcludedItems/" + excluded).status()).isEqualTo(200);
    assertThat(client.put(job + "/ExcludedItems/" + excluded, user(INTERN)).status()).isEqualTo(204);
    assertThat(client.post(job + "/ExcludedItems", List.of(user(BOB))).status()).isEqualTo(204);
    assertThat(client.delete(job + "/ExcludedItems?ids=" + USER_ITEM_PREFIX + BOB).status()).isEqualTo(204);
    assertThat(client.post(job + "/SelectedItems", List.of(user(USER001))).status()).isEqualTo(204);
    assertThat(client.put(job + "/SelectedItems/" + USER_ITEM_PREFIX + USER001, user(USER001)).status()).isEqualTo(204);
    assertThat(client.call("DELETE", job + "/SelectedItems", List.of(USER_ITEM_PREFIX + USER001)).status()).isEqualTo(204);

    assertThat(client.put(job + "?skipItemUpdate=true", Map.of("name", "Fidelity job (renamed)",
        "schedulePolicy", Map.of("type", "Daily", "dailyType", "Workdays", "dailyTime", "22:30:00",
            "backupWindowEnabled", true, "backupWindowSettings", Map.of("backupWindow", allowAll(), "minuteOffset", 0)))).status())
        .isEqualTo(204);
    assertThat(client.post(job + "/disable", null).status()).isEqualTo(204);
    assertThat(client.post(job + "/enable", null).status()).isEqualTo(204);
    SimClient.Response session = client.post(job + "/start", Map.of("full", false));
    assertThat(session.status()).isEqualTo(200);
    assertThat(client.get("/v8/JobSessions/" + session.json().get("id").asText()).status()).isEqualTo(200);
    assertThat(client.get("/v8/JobSessions?jobId=" + created.json().get("id").asText()).status()).isEqualTo(200);
    assertThat(client.post(job + "/stop", null).status()).isEqualTo(204);
    assertThat(client.get(job).json().get("lastStatus").asText()).isEqualTo("Success");
    assertThat(client.get("/v8/Events?from=latest&limit=5&timeoutSeconds=0").status()).isEqualTo(200);
    assertThat(client.delete(job).status()).isEqualTo(204);
  }

  @Test
  void errorsConform() {
    assertThat(client.get("/v8/Jobs/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(client.callInvalid("POST", "/v8/Jobs", Map.of("name", "x")).status()).isEqualTo(400);
    assertThat(client.get("/v8/Events?from=nonsense").status()).isEqualTo(400);
  }

  static List<Boolean> allowAll() {
    return java.util.Collections.nCopies(168, true);
  }
}
