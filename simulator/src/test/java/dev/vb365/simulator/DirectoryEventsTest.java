package dev.vb365.simulator;

import static dev.vb365.simulator.JobBodies.newJob;
import static dev.vb365.simulator.JobBodies.users;
import static dev.vb365.simulator.testsupport.DefaultFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.simulator.testsupport.OpenApiContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Directory changes made at run time (PUT/DELETE /_sim/directory/...) and what a v8 client sees of them: the
 * object's eTag steps once per change, the change feed carries Organization{User|Group|Site|Team}Update with
 * that eTag and Organization...Delete on removal. Every API exchange, events included, is checked against
 * the spec by SimClient; the events are waited for with the feed's long poll, never with a sleep.
 */
class DirectoryEventsTest {
  static final String SHARED_ID = "5a4e6d1c-2b3f-4c5d-9e8f-0a1b2c3d4e5f00000000-0000-0000-0000-000000000000";
  static final String ORG_PATH = "/v8/Organizations/" + CONTOSO;

  private static Simulator start(ApiVersion version) {
    return Simulator.start(SimulatorOptions.defaults().withApiVersion(version).withSessionDuration(Duration.ZERO));
  }

  private static String latest(SimClient client) {
    return client.get("/v8/Events?from=latest").json().get("nextChangeToken").asText();
  }

  /** The events after token[0], waiting up to 10 s for the first; moves token[0] past them. */
  private static List<JsonNode> nextEvents(SimClient client, String[] token) {
    JsonNode page = client.get("/v8/Events?from=" + token[0] + "&limit=100&timeoutSeconds=10").json();
    token[0] = page.get("nextChangeToken").asText();
    List<JsonNode> out = new ArrayList<>();
    page.get("results").forEach(out::add);
    return out;
  }

  private static Map<String, Object> sharedMailbox(String displayName) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", SHARED_ID);
    user.put("name", "helpdesk@contoso.onmicrosoft.com");
    user.put("displayName", displayName);
    user.put("type", "Shared");
    user.put("office", "Seattle");
    return user;
  }

  private static void assertEvent(JsonNode event, String type, String id, Long eTag) {
    assertThat(event.get("eventType").asText()).isEqualTo(type);
    assertThat(event.get("id").asText()).isEqualTo(id);
    assertThat(event.get("organizationId").asText()).isEqualTo(CONTOSO);
    if (eTag == null) {
      assertThat(event.has("eTag")).as("a delete event has no eTag: " + event).isFalse();
    } else {
      assertThat(event.get("eTag").asLong()).as(event.toString()).isEqualTo(eTag);
    }
  }

  @Test
  void aSharedMailboxAddedChangedAndDeletedIsInTheChangeFeedWithItsETag() {
    try (Simulator simulator = start(ApiVersion.V8)) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String control = "/_sim/directory/" + CONTOSO + "/users";
      String[] token = {latest(client)};

      SimClient.Response added = client.put(control, sharedMailbox("Helpdesk"));
      assertThat(added.status()).isEqualTo(200);
      assertThat(added.json().get("eTag").asLong()).as("the control answers the object as stored").isEqualTo(1);
      List<JsonNode> events = nextEvents(client, token);
      assertThat(events).hasSize(1);
      assertEvent(events.get(0), "OrganizationUserUpdate", SHARED_ID, 1L);
      JsonNode user = client.get(ORG_PATH + "/Users/" + SHARED_ID).json();
      assertThat(user.get("type").asText()).isEqualTo("Shared");
      assertThat(user.get("eTag").asLong()).as("the representation shows the event's eTag").isEqualTo(1);
      assertThat(user.get("assignedLicenses")).as("a shared mailbox without a licence").isEmpty();

      client.put(control, sharedMailbox("Helpdesk (Seattle)"));
      events = nextEvents(client, token);
      assertThat(events).hasSize(1);
      assertEvent(events.get(0), "OrganizationUserUpdate", SHARED_ID, 2L);
      user = client.get(ORG_PATH + "/Users/" + SHARED_ID).json();
      assertThat(user.get("displayName").asText()).isEqualTo("Helpdesk (Seattle)");
      assertThat(user.get("eTag").asLong()).isEqualTo(2);

      // The same object again changes nothing: the next event is the one of the next real change.
      Map<String, Object> unchanged = sharedMailbox("Helpdesk (Seattle)");
      unchanged.put("eTag", 99);
      assertThat(client.put(control, unchanged).json().get("eTag").asLong())
          .as("an eTag in the body is ignored; nothing changed").isEqualTo(2);
      Map<String, Object> licensed = sharedMailbox("Helpdesk (Seattle)");
      licensed.put("assignedLicenses", List.of(Map.of("skuId", "19ec0d23-8335-4cbd-94ac-6050e30712fa",
          "skuPartNumber", "EXCHANGEENTERPRISE")));
      client.put(control, licensed);
      events = nextEvents(client, token);
      assertThat(events).hasSize(1);
      assertEvent(events.get(0), "OrganizationUserUpdate", SHARED_ID, 3L);
      assertThat(client.get(ORG_PATH + "/Users/" + SHARED_ID).json().get("assignedLicenses").get(0)
          .get("skuPartNumber").asText()).isEqualTo("EXCHANGEENTERPRISE");

      assertThat(client.delete(control + "/" + SHARED_ID).status()).isEqualTo(204);
      events = nextEvents(client, token);
      assertThat(events).hasSize(1);
      assertEvent(events.get(0), "OrganizationUserDelete", SHARED_ID, null);
      assertThat(client.get(ORG_PATH + "/Users/" + SHARED_ID).status()).isEqualTo(404);

      // Added again: its version continues, so a client's cached eTag never matches the new object by chance.
      client.put(control, sharedMailbox("Helpdesk"));
      events = nextEvents(client, token);
      assertThat(events).hasSize(1);
      assertEvent(events.get(0), "OrganizationUserUpdate", SHARED_ID, 4L);
    }
  }

  static Stream<Arguments> otherKinds() {
    return Stream.of(
        // A fixture object (eTag 1) changed: its first event says 2.
        Arguments.of("groups", "OrganizationGroup", HR_GROUP, 2L, Map.of("id", HR_GROUP,
            "name", "hr@contoso.onmicrosoft.com", "displayName", "Human Resources", "type", "Office365")),
        Arguments.of("sites", "OrganizationSite", HR_SITE, 2L, Map.of("id", HR_SITE,
            "url", "https://contoso.sharepoint.com/sites/people", "title", "People", "isPersonal", false)),
        Arguments.of("teams", "OrganizationTeam", SALES_TEAM, 2L, Map.of("id", SALES_TEAM,
            "displayName", "Sales EMEA", "mail", "Sales@contoso.onmicrosoft.com")),
        // New objects start at 1.
        Arguments.of("groups", "OrganizationGroup", "0c0c0c0c-0000-4000-8000-00000000c0c1", 1L,
            Map.of("id", "0c0c0c0c-0000-4000-8000-00000000c0c1", "name", "legal@contoso.onmicrosoft.com",
                "displayName", "Legal", "type", "Security")),
        Arguments.of("sites", "OrganizationSite", "0d0d0d0d-0000-4000-8000-00000000d0d1", 1L,
            Map.of("id", "0d0d0d0d-0000-4000-8000-00000000d0d1",
                "url", "https://contoso-my.sharepoint.com/personal/ivy_contoso_onmicrosoft_com", "title", "Ivy",
                "isPersonal", true)),
        Arguments.of("teams", "OrganizationTeam", "0e0e0e0e-0000-4000-8000-00000000e0e1", 1L,
            Map.of("id", "0e0e0e0e-0000-4000-8000-00000000e0e1", "displayName", "Legal",
                "mail", "Legal@contoso.onmicrosoft.com")));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("otherKinds")
  void groupsSitesAndTeamsHaveTheirEvents(String kind, String eventPrefix, String id, long firstETag,
      Map<String, Object> body) {
    try (Simulator simulator = start(ApiVersion.V8)) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String control = "/_sim/directory/" + CONTOSO + "/" + kind;
      String resource = ORG_PATH + "/" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "/" + id;
      String[] token = {latest(client)};

      assertThat(client.put(control, body).status()).isEqualTo(200);
      List<JsonNode> events = nextEvents(client, token);
      assertThat(events).hasSize(1);
      assertEvent(events.get(0), eventPrefix + "Update", id, firstETag);
      assertThat(client.get(resource).json().get("eTag").asLong()).isEqualTo(firstETag);

      Map<String, Object> changed = new LinkedHashMap<>(body);
      changed.put(kind.equals("sites") ? "title" : "displayName", "Changed again");
      client.put(control, changed);
      events = nextEvents(client, token);
      assertThat(events).hasSize(1);
      assertEvent(events.get(0), eventPrefix + "Update", id, firstETag + 1);
      assertThat(client.get(resource).json().get("eTag").asLong()).isEqualTo(firstETag + 1);

      assertThat(client.delete(control + "/" + id.toUpperCase()).status()).as("ids ignore case").isEqualTo(204);
      events = nextEvents(client, token);
      assertThat(events).hasSize(1);
      assertEvent(events.get(0), eventPrefix + "Delete", id, null);
      assertThat(client.get(resource).status()).isEqualTo(404);
    }
  }

  @Test
  void aWaitingLongPollIsWokenByADirectoryChange() throws Exception {
    try (Simulator simulator = start(ApiVersion.V8)) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String token = latest(client);
      CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(() ->
          client.get("/v8/Events?from=" + token + "&timeoutSeconds=60").json());
      client.delete("/_sim/directory/" + CONTOSO + "/users/" + INTERN);
      JsonNode page = poll.get(30, TimeUnit.SECONDS);
      assertThat(page.get("results")).hasSize(1);
      assertEvent(page.get("results").get(0), "OrganizationUserDelete", INTERN, null);
    }
  }

  @Test
  void jobItemsShowTheChangedObjectWithItsETagAndJobsGetNoEvent() {
    try (Simulator simulator = start(ApiVersion.V8)) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      Map<String, Object> job = newJob("directory events job");
      job.put("selectedItems", users(BOB));
      String jobPath = "/v8/Jobs/" + client.post("/v8/Jobs", job).json().get("id").asText();
      long jobETag = client.get(jobPath).json().get("eTag").asLong();
      String[] token = {latest(client)};

      client.put("/_sim/directory/" + CONTOSO + "/users", Map.of("id", BOB, "name", "bob@contoso.onmicrosoft.com",
          "displayName", "Bob Brown", "office", "London"));
      List<JsonNode> events = nextEvents(client, token);
      assertThat(events).hasSize(1);
      assertEvent(events.get(0), "OrganizationUserUpdate", BOB, 2L);
      JsonNode item = client.get(jobPath + "/SelectedItems").json().get("results").get(0);
      assertThat(item.get("user").get("eTag").asLong()).isEqualTo(2);
      assertThat(item.get("user").get("office").asText()).isEqualTo("London");
      assertThat(client.get(jobPath).json().get("eTag").asLong()).as("the job itself did not change")
          .isEqualTo(jobETag);

      client.delete("/_sim/directory/" + CONTOSO + "/users/" + BOB);
      assertEvent(nextEvents(client, token).get(0), "OrganizationUserDelete", BOB, null);
      item = client.get(jobPath + "/SelectedItems").json().get("results").get(0);
      assertThat(item.get("user").get("eTag").asLong()).as("a removed object is shown as it was").isEqualTo(2);
    }
  }

  @Test
  void badControlRequestsChangeNothing() {
    try (Simulator simulator = start(ApiVersion.V8)) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String control = "/_sim/directory/" + CONTOSO;
      String token = latest(client);

      SimClient.Response room = client.put(control + "/users", Map.of("id", SHARED_ID,
          "name", "room1@contoso.onmicrosoft.com", "type", "Room"));
      assertThat(room.status()).isEqualTo(400);
      assertThat(room.json().get("message").asText()).contains("Room").contains("User, Shared, Public");
      assertThat(client.put(control + "/groups", Map.of("id", "g", "name", "g", "type", "Mail")).status())
          .isEqualTo(400);
      assertThat(client.put(control + "/users", Map.of("id", SHARED_ID, "name", "x@contoso.onmicrosoft.com",
          "assignedLicenses", List.of(Map.of("skuId", "19ec0d23-8335-4cbd-94ac-6050e30712fa",
              "skuPartNumber", "X", "detectedSkuType", "Student")))).status()).isEqualTo(400);
      assertThat(client.put(control + "/rooms", Map.of("id", "r")).status()).isEqualTo(404);
      assertThat(client.put("/_sim/directory/" + java.util.UUID.randomUUID() + "/users",
          sharedMailbox("x")).status()).isEqualTo(404);
      assertThat(client.delete(control + "/users/" + SHARED_ID).status()).isEqualTo(404);

      JsonNode page = client.get("/v8/Events?from=" + token).json();
      assertThat(page.get("results")).as("nothing changed, nothing to tell").isEmpty();
      assertThat(client.get(ORG_PATH + "/Users/" + SHARED_ID).status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"v7", "v6"})
  void olderVersionsChangeTheDirectoryWithoutETagsOrEvents(String version) {
    try (Simulator simulator = start(ApiVersion.parse(version))) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion(version));
      String org = "/" + version + "/Organizations/" + CONTOSO;
      assertThat(client.put("/_sim/directory/" + CONTOSO + "/users", sharedMailbox("Helpdesk")).status())
          .isEqualTo(200);
      JsonNode user = client.get(org + "/Users/" + SHARED_ID).json();
      assertThat(user.get("type").asText()).isEqualTo("Shared");
      assertThat(user.has("eTag")).isFalse();
      assertThat(user.has("assignedLicenses")).isFalse();
      assertThat(user.has("office")).as("v7 has a user's office, v6 has not").isEqualTo(version.equals("v7"));
      assertThat(client.callOutsideSpec("GET", "/" + version + "/Events?from=latest", null).status()).isEqualTo(404);
    }
  }
}
