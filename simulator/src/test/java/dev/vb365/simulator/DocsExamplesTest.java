package dev.vb365.simulator;

import static dev.vb365.simulator.testsupport.DefaultFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.simulator.testsupport.OpenApiContract;
import dev.vb365.simulator.testsupport.ReferenceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The example bodies of the reference documentation (../shared/reference/veeam-docs), read from the files:
 * those that are valid are accepted by the simulator; those that are not are classified, with the reason.
 */
class DocsExamplesTest {

  /**
   * A documentation page as text. The pages were extracted from HTML and indent with no-break spaces
   * (U+00A0), which JSON does not allow as whitespace: they are read as plain spaces.
   */
  private static String page(String file) throws IOException {
    return Files.readString(ReferenceFiles.docPage(file)).replace('\u00a0', ' ');
  }

  /** The text of each JSON object that follows "marker" in a page. */
  private static List<String> bodiesAfter(String page, String marker) {
    List<String> bodies = new ArrayList<>();
    Matcher m = Pattern.compile(Pattern.quote(marker) + "\\s*\\n").matcher(page);
    while (m.find()) {
      int start = page.indexOf('{', m.end());
      int depth = 0;
      int end = start;
      for (; end < page.length(); end++) {
        char c = page.charAt(end);
        if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          break;
        }
      }
      bodies.add(page.substring(start, end + 1));
    }
    return bodies;
  }

  private static JsonNode parseOrNull(String text) {
    try {
      return SimClient.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  @Test
  void theV5ItemExamplesThatFitTheV8SchemaAreAcceptedAsItems() throws IOException {
    String page = page("000_3c2e58e009fd21ae.txt");
    List<String> examples = bodiesAfter(page, "Response Body:");
    assertThat(examples).hasSize(6);
    OpenApiContract v8 = OpenApiContract.forVersion("v8");
    Map<Integer, List<String>> problems = new TreeMap<>();
    List<JsonNode> valid = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      JsonNode json = parseOrNull(examples.get(i));
      if (json == null) {
        problems.put(i + 1, List.of("not JSON"));
        continue;
      }
      List<String> p = v8.responseProblems("GET", "/v8/Jobs/" + DEFAULT_REPOSITORY + "/SelectedItems/x", 200,
          Map.of("Content-Type", "application/json"), json.toString());
      if (p.isEmpty()) {
        valid.add(json);
      } else {
        problems.put(i + 1, p);
      }
    }
    // Examples 1-4 are v5 shapes ("site": true on users/groups/organizations, a site without title and
    // isPersonal); example 6 is malformed as published. Example 5 (a Team item) fits v8.
    assertThat(problems.keySet()).containsExactly(1, 2, 3, 4, 6);
    assertThat(valid).hasSize(1);

    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults())) {
      SimClient client = new SimClient(simulator, v8);
      Map<String, Object> job = JobBodies.newJob("docs items");
      String jobPath = "/v8/Jobs/" + client.post("/v8/Jobs", job).json().get("id").asText();
      for (JsonNode example : valid) {
        ((ObjectNode) example).remove("_links");
        assertThat(client.post(jobPath + "/SelectedItems", List.of(example)).status()).isEqualTo(204);
        JsonNode stored = client.get(jobPath + "/SelectedItems/" + example.get("id").asText()).json();
        assertThat(stored.get("id").asText()).isEqualToIgnoringCase(example.get("id").asText());
        assertThat(stored.get("team").get("displayName").asText())
            .isEqualTo(example.get("team").get("displayName").asText());
      }
    }
  }

  @Test
  void theV3CreateJobExampleIsAcceptedByEveryVersion() throws IOException {
    String page = page("002_2f5c6cfc4ea682b2.txt");
    List<String> requests = bodiesAfter(page, "Request Body:");
    assertThat(requests).hasSize(2);
    assertThat(parseOrNull(requests.get(1))).as("example 2 is malformed as published (trailing comma)").isNull();
    // Example 1 names a repository of the documentation's server: use the fixture's default repository.
    String example = requests.get(0).replace("2c9079b0-76b4-415f-bca8-de1450cedf79", DEFAULT_REPOSITORY);
    for (String version : List.of("v8", "v7", "v6")) {
      try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withApiVersion(ApiVersion.parse(version)))) {
        SimClient client = new SimClient(simulator, OpenApiContract.forVersion(version));
        ObjectNode body = (ObjectNode) SimClient.JSON.readTree(example);
        String path = "/" + version + "/Organizations/" + CONTOSO + "/Jobs";
        if (version.equals("v8")) {
          body.put("organizationId", CONTOSO);
          path = "/v8/Jobs";
        }
        // PascalCase "RepositoryId" is how the v3 docs write it: valid for the .NET server, not for a
        // case-sensitive schema check, so only the response is checked against the spec.
        SimClient.Response created = client.callInvalid("POST", path, body);
        assertThat(created.status()).as(version + ": " + created.body()).isEqualTo(version.equals("v8") ? 201 : 200);
        JsonNode job = created.json();
        assertThat(job.get("name").asText()).isEqualTo("job office365");
        assertThat(job.get("repositoryId").asText()).isEqualTo(DEFAULT_REPOSITORY);
        assertThat(job.get("schedulePolicy").get("dailyTime").asText()).isEqualTo("01:00:00");
        assertThat(job.get("nextRun").asText()).endsWith("T01:00:00Z");
      }
    }
  }

  @Test
  void theV8PlaceholderBodyIsRejectedNamingItsFirstMeaninglessValue() {
    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults())) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String job = "/v8/Jobs/" + client.post("/v8/Jobs", JobBodies.newJob("placeholder")).json().get("id").asText();
      // The reference's "Start Backup Job" payload is a real value: accepted.
      assertThat(client.post(job + "/start", "{\"full\": true}").status()).isEqualTo(200);
      // Its "Edit Backup Job Settings" payload is schema-valid but uses placeholders ("dailyTime": "string",
      // a one-element backupWindow): a server rejects it.
      String placeholder = "{\"schedulePolicy\":{\"scheduleEnabled\":true,\"backupWindowEnabled\":true,"
          + "\"backupWindowSettings\":{\"backupWindow\":[true],\"minuteOffset\":0},\"type\":\"Periodically\","
          + "\"periodicallyEvery\":\"Minutes5\",\"dailyType\":\"Everyday\",\"dailyTime\":\"string\"}}";
      SimClient.Response rejected = client.put(job, placeholder);
      assertThat(rejected.status()).isEqualTo(400);
      assertThat(rejected.json().get("message").asText()).contains("schedulePolicy.dailyTime");
    }
  }
}
