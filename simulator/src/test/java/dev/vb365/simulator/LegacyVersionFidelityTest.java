package dev.vb365.simulator;

import static dev.vb365.simulator.testsupport.DefaultFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.simulator.testsupport.OpenApiContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The v7 and v6 variants: every implemented endpoint, each exchange checked against that version's spec. */
class LegacyVersionFidelityTest {

  @ParameterizedTest
  @ValueSource(strings = {"v7", "v6"})
  void endpointsConformToTheirVersion(String version) {
    OpenApiContract contract = OpenApiContract.forVersion(version);
    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults()
        .withApiVersion(ApiVersion.parse(version)).withSessionDuration(Duration.ZERO))) {
      SimClient client = new SimClient(simulator, contract);
      String v = "/" + version;
      String org = v + "/Organizations/" + CONTOSO;

      assertThat(client.get(v + "/Organizations?extendedView=true").json().isArray()).isTrue();
      assertThat(client.get(org + "?extendedView=true").status()).isEqualTo(200);
      if (version.equals("v6")) {
        // v6 declares extendedView required on organizations: a request without it is refused.
        SimClient.Response missing = client.callInvalid("GET", org, null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").asText()).contains("extendedView");
        assertThat(client.callInvalid("GET", v + "/Organizations", null).status()).isEqualTo(400);
      }
      assertThat(client.get(org + "/Users?userName=alice@contoso.onmicrosoft.com").json().get("results")).hasSize(1);
      assertThat(client.get(org + "/Users/" + ALICE).status()).isEqualTo(200);
      assertThat(client.get(org + "/Groups").json().get("results")).hasSize(6);
      assertThat(client.get(org + "/Groups/" + HR_GROUP).status()).isEqualTo(200);
      assertThat(client.get(org + "/Sites").json().get("results")).hasSize(4);
      assertThat(client.get(org + "/Sites/" + HR_SITE).status()).isEqualTo(200);
      assertThat(client.get(org + "/Teams").json().get("results")).hasSize(4);
      assertThat(client.get(org + "/Teams/" + IT_FINANCE_TEAM).status()).isEqualTo(200);
      assertThat(client.get(v + "/BackupRepositories").json().isArray()).isTrue();
      assertThat(client.get(v + "/BackupRepositories/" + LONG_TERM_REPOSITORY).status()).isEqualTo(200);
      assertThat(client.get(v + "/Proxies").json().isArray()).isTrue();
      assertThat(client.get(v + "/Proxies/" + PROXY).status()).isEqualTo(200);

      String chats = version.equals("v6") ? "chats" : "teamsChats";
      Map<String, Object> create = Map.of("name", "Legacy job", "description", "", "backupType", "SelectedItems",
          "repositoryId", DEFAULT_REPOSITORY,
          "schedulePolicy", Map.of("type", "Daily", "dailyType", "Everyday", "dailyTime", "01:00:00"),
          "selectedItems", List.of(
              Map.of("type", "User", "user", Map.of("id", ALICE), "mailbox", true, "oneDrive", true),
              Map.of("type", "Team", "team", Map.of("id", SALES_TEAM, "displayName", "Sales",
                  "mail", "Sales@contoso.onmicrosoft.com"), chats, true)));
      SimClient.Response created = client.post(org + "/Jobs", create);
      assertThat(created.status()).isEqualTo(200);
      assertThat(created.json().has("eTag")).isFalse();
      String job = v + "/Jobs/" + created.json().get("id").asText();

      assertThat(client.get(v + "/Jobs").json()).hasSize(1);
      assertThat(client.get(org + "/Jobs").json()).hasSize(1);
      JsonNode items = client.get(job + "/SelectedItems").json();
      assertThat(items).hasSize(2);
      JsonNode team = items.get(1);
      assertThat(team.get(chats).asBoolean()).isTrue();
      assertThat(client.get(job + "/SelectedItems/" + team.get("id").asText()).status()).isEqualTo(200);
      assertThat(client.put(job + "/SelectedItems/" + team.get("id").asText(),
          Map.of("type", "Team", "team", Map.of("id", SALES_TEAM, "displayName", "Sales",
              "mail", "Sales@contoso.onmicrosoft.com"), chats, false)).status()).isEqualTo(204);
      assertThat(client.post(job + "/ExcludedItems", List.of(Map.of("type", "User", "user", Map.of("id", INTERN))))
          .status()).isEqualTo(204);
      assertThat(client.get(job + "/ExcludedItems").json()).hasSize(1);
      assertThat(client.get(job + "/ExcludedItems/" + USER_ITEM_PREFIX + INTERN).status()).isEqualTo(200);
      assertThat(client.delete(job + "/ExcludedItems?ids=" + USER_ITEM_PREFIX + INTERN).status()).isEqualTo(204);
      assertThat(client.delete(job + "/SelectedItems?ids=" + team.get("id").asText()).status()).isEqualTo(204);

      assertThat(client.put(job, Map.of("name", "Legacy job (renamed)", "isEnabled", true)).status()).isEqualTo(204);
      assertThat(client.post(job + "/disable", null).status()).isEqualTo(204);
      assertThat(client.post(job + "/enable", null).status()).isEqualTo(204);
      assertThat(client.post(job + "/start", Map.of("full", true)).status()).isEqualTo(204);
      assertThat(client.post(job + "/stop", null).status()).isEqualTo(204);
      assertThat(client.get(job).json().get("lastStatus").asText()).isEqualTo("Success");
      assertThat(client.get(v + "/JobSessions").json().get("results")).hasSize(1);
      if (version.equals("v6")) {
        assertThat(client.get(job + "/JobSessions").json().get("results")).hasSize(1);
      }
      assertThat(client.callOutsideSpec("GET", v + "/Events?from=latest", null).status()).isEqualTo(404);
      assertThat(client.callOutsideSpec("POST", v + "/Jobs", create).status()).isEqualTo(405);
      assertThat(client.delete(job).status()).isEqualTo(204);
      assertThat(client.get(job).status()).isEqualTo(404);
    }
  }
}
