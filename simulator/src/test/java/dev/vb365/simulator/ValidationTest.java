package dev.vb365.simulator;

import static dev.vb365.simulator.JobBodies.newJob;
import static dev.vb365.simulator.JobBodies.users;
import static dev.vb365.simulator.testsupport.DefaultFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.simulator.testsupport.OpenApiContract;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bodies are read like the .NET server reads them, and errors name the offending field with a fitting status. */
class ValidationTest {
  static Simulator simulator;
  static SimClient client;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorOptions.defaults().withSessionDuration(Duration.ofMinutes(5)));
    client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static void assertError(SimClient.Response r, int status, String errorCode, String... mentions) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("errorCode").asText()).isEqualTo(errorCode);
    for (String m : mentions) {
      assertThat(r.json().get("message").asText()).contains(m);
    }
  }

  private static Map<String, Object> with(String key, Object value) {
    Map<String, Object> body = newJob("job " + UUID.randomUUID());
    body.put(key, value);
    return body;
  }

  @Test
  void missingRequiredFieldsAndUnknownEnumValuesAre400() {
    Map<String, Object> noType = newJob("no type");
    noType.remove("backupType");
    assertError(client.callInvalid("POST", "/v8/Jobs", noType), 400, "ParameterValidationFailure", "backupType");
    assertError(client.callInvalid("POST", "/v8/Jobs", with("backupType", "Everything")), 400,
        "ParameterValidationFailure", "backupType", "Everything", "SelectedItems");
    assertError(client.callInvalid("POST", "/v8/Jobs", with("schedulePolicy", Map.of("type", "Daily", "dailyType", "Someday",
        "dailyTime", "22:00"))), 400, "ParameterValidationFailure", "schedulePolicy.dailyType");
    assertError(client.callInvalid("POST", "/v8/Jobs", with("selectedItems", List.of(Map.of("type", "Mailbox")))), 400,
        "ParameterValidationFailure", "selectedItems[0].type");
    assertError(client.callInvalid("POST", "/v8/Jobs", "{not json"), 400, "ParameterValidationFailure", "JSON");
  }

  @Test
  void scheduleValuesAreChecked() {
    assertError(client.post("/v8/Jobs", with("schedulePolicy", Map.of("type", "Daily", "dailyTime", "25:00"))), 400,
        "ParameterValidationFailure", "schedulePolicy.dailyTime", "25:00");
    assertError(client.post("/v8/Jobs", with("schedulePolicy", Map.of("type", "Daily", "dailyTime", "22:00",
            "backupWindowEnabled", true, "backupWindowSettings", Map.of("backupWindow", Collections.nCopies(167, true))))),
        400, "ParameterValidationFailure", "schedulePolicy.backupWindowSettings.backupWindow", "168", "167");
    assertError(client.post("/v8/Jobs", with("schedulePolicy", Map.of("type", "Periodically"))), 400,
        "ParameterValidationFailure", "schedulePolicy.periodicallyEvery");
  }

  @Test
  void unknownIdsAre404() {
    assertError(client.post("/v8/Jobs", with("repositoryId", UUID.randomUUID().toString())), 404, "ResourceNotFound",
        "repositoryId");
    assertError(client.post("/v8/Jobs", with("organizationId", UUID.randomUUID().toString())), 404, "ResourceNotFound",
        "organizationId");
    assertError(client.post("/v8/Jobs", with("selectedItems", users(CAROL))), 404, "ResourceNotFound",
        "selectedItems[0].user.id", CONTOSO_NAME);
    assertError(client.get("/v8/Jobs/" + UUID.randomUUID() + "/SelectedItems"), 404, "ResourceNotFound");
    assertError(client.get("/v8/Organizations/" + CONTOSO + "/Users/nobody"), 404, "ResourceNotFound", "nobody");
    String job = "/v8/Jobs/" + client.post("/v8/Jobs", with("selectedItems", users(ALICE))).json().get("id").asText();
    assertError(client.delete(job + "/SelectedItems?ids=" + USER_ITEM_PREFIX + BOB), 404, "ResourceNotFound", BOB);
    assertThat(client.get(job + "/SelectedItems").json().get("results")).as("nothing removed").hasSize(1);
  }

  @Test
  void conflictsAre409() {
    Map<String, Object> body = newJob("Duplicate name");
    assertThat(client.post("/v8/Jobs", body).status()).isEqualTo(201);
    assertError(client.post("/v8/Jobs", newJob("duplicate NAME")), 409, "OperationConflict", "duplicate NAME");
    String job = "/v8/Jobs/" + client.post("/v8/Jobs", newJob("Long run")).json().get("id").asText();
    assertThat(client.post(job + "/start", Map.of("full", false)).json().get("status").asText()).isEqualTo("Running");
    assertError(client.post(job + "/start", Map.of("full", false)), 409, "OperationConflict", "already running");
    assertError(client.delete(job), 409, "OperationConflict", "running");
    assertThat(client.post(job + "/stop", null).status()).isEqualTo(204);
    assertThat(client.get(job).json().get("lastStatus").asText()).isEqualTo("Stopped");
    client.post(job + "/disable", null);
    assertError(client.post(job + "/start", Map.of("full", false)), 409, "OperationConflict", "disabled");
  }

  @Test
  void propertyNamesAreCaseInsensitiveAndUnknownPropertiesIgnored() {
    Map<String, Object> pascal = Map.of("Name", "Pascal job", "OrganizationId", CONTOSO, "RepositoryId",
        DEFAULT_REPOSITORY, "BackupType", "selectedItems", "SomethingNew", 42,
        "SelectedItems", List.of(Map.of("Type", "user", "User", Map.of("Id", ALICE), "Mailbox", "true")));
    SimClient.Response created = client.callInvalid("POST", "/v8/Jobs", pascal);
    assertThat(created.status()).isEqualTo(201);
    JsonNode item = client.get("/v8/Jobs/" + created.json().get("id").asText() + "/SelectedItems").json()
        .get("results").get(0);
    assertThat(item.get("type").asText()).isEqualTo("User");
    assertThat(item.get("mailbox").asBoolean()).isTrue();
    assertThat(item.get("oneDrive").asBoolean()).as("absent options are false").isFalse();
    assertThat(item.get("id").asText()).isEqualTo(USER_ITEM_PREFIX + ALICE);
  }

  @Test
  void itemsOfAnEntireOrganizationJobCannotBeSelected() {
    Map<String, Object> body = with("backupType", "EntireOrganization");
    String job = "/v8/Jobs/" + client.post("/v8/Jobs", body).json().get("id").asText();
    assertError(client.post(job + "/SelectedItems", users(ALICE)), 400, "ParameterValidationFailure", "backupType");
    assertThat(client.post(job + "/ExcludedItems", users(INTERN)).status()).isEqualTo(204);
  }

  @Test
  void unknownRoutesAre404AndWrongMethods405() {
    assertThat(client.callOutsideSpec("GET", "/v8/NoSuchThing", null).status()).isEqualTo(404);
    assertThat(client.callOutsideSpec("PATCH", "/v8/Jobs", null).status()).isEqualTo(405);
    assertThat(client.callOutsideSpec("GET", "/v7/Jobs", null).status()).as("a v8 server lacks v7").isEqualTo(404);
    assertThat(client.get("/V8/JOBS").status()).as("routes match case-insensitively").isEqualTo(200);
  }
}
