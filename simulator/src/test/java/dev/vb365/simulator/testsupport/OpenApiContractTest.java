package dev.vb365.simulator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract must catch what it is there to catch, or the fidelity tests prove nothing. */
class OpenApiContractTest {
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  private static final String JOB = "/v8/Jobs/1ca282ed-d685-5125-a482-10aea47d1918";

  @Test
  void acceptsAConformingJob() {
    OpenApiContract v8 = OpenApiContract.forVersion("v8");
    assertThat(v8.responseProblems("GET", JOB, 200, JSON,
        "{\"id\":\"1ca282ed-d685-5125-a482-10aea47d1918\",\"name\":\"j\",\"eTag\":3,\"lastStatus\":\"Success\","
            + "\"backupType\":\"SelectedItems\",\"_links\":{}}")).isEmpty();
  }

  @Test
  void rejectsUnknownPropertiesWrongEnumsAndWrongTypes() {
    OpenApiContract v8 = OpenApiContract.forVersion("v8");
    assertThat(v8.responseProblems("GET", JOB, 200, JSON, "{\"name\":\"j\",\"totalObjects\":1}"))
        .anyMatch(p -> p.contains("totalObjects"));
    assertThat(v8.responseProblems("GET", JOB, 200, JSON, "{\"name\":\"j\",\"lastStatus\":\"Succeeded\"}"))
        .anyMatch(p -> p.contains("Succeeded"));
    assertThat(v8.responseProblems("GET", JOB, 200, JSON, "{\"name\":\"j\",\"eTag\":\"3\"}")).isNotEmpty();
  }

  @Test
  void versionsDiffer() {
    String withEtag = "{\"name\":\"j\",\"eTag\":3}";
    assertThat(OpenApiContract.forVersion("v8").responseProblems("GET", JOB, 200, JSON, withEtag)).isEmpty();
    assertThat(OpenApiContract.forVersion("v7").responseProblems("GET", JOB.replace("v8", "v7"), 200, JSON, withEtag))
        .anyMatch(p -> p.contains("eTag"));
  }

  @Test
  void checksRequestBodiesAndTheTokenResponse() {
    OpenApiContract v8 = OpenApiContract.forVersion("v8");
    Map<String, String> auth = Map.of("Content-Type", "application/json", "Authorization", "Bearer x");
    assertThat(v8.requestProblems("POST", "/v8/Jobs", auth, "{\"name\":\"j\"}"))
        .anyMatch(p -> p.contains("required"));
    assertThat(v8.requestProblems("POST", "/v8/token", JSON, "{\"grant_type\":\"password\",\"username\":\"a\"}"))
        .isEmpty();
    assertThat(v8.responseProblems("POST", "/v8/token", 200, JSON, "{\"access_token\":\"a\"}"))
        .anyMatch(p -> p.contains("refresh_token"));
  }

  @Test
  void checksEventsAgainstRestEvent() {
    OpenApiContract v8 = OpenApiContract.forVersion("v8");
    String ok = "{\"nextChangeToken\":\"t\",\"limit\":30,\"results\":[{\"eventType\":\"JobUpdate\",\"id\":\"x\","
        + "\"eTag\":2,\"jobType\":\"Backup\"}]}";
    assertThat(v8.responseProblems("GET", "/v8/Events?from=latest", 200, JSON, ok)).isEmpty();
    assertThat(v8.responseProblems("GET", "/v8/Events?from=latest", 200, JSON, ok.replace("JobUpdate", "JobChanged")))
        .isNotEmpty();
    // The event subtypes' own required properties are checked too (RESTJobUpdateEvent requires eTag).
    assertThat(v8.responseProblems("GET", "/v8/Events?from=latest", 200, JSON, ok.replace("\"eTag\":2,", "")))
        .anyMatch(p -> p.contains("eTag"));
    // ... and their additional properties: a JobSelectedItemsChange event has only eventType and jobId.
    assertThat(v8.responseProblems("GET", "/v8/Events?from=latest", 200, JSON,
        "{\"nextChangeToken\":\"t\",\"limit\":30,\"results\":[{\"eventType\":\"JobSelectedItemsChange\","
            + "\"jobId\":\"x\",\"eTag\":3}]}")).isNotEmpty();
  }
}
