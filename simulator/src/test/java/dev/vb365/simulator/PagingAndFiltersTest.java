package dev.vb365.simulator;

import static dev.vb365.simulator.JobBodies.newJob;
import static dev.vb365.simulator.JobBodies.users;
import static dev.vb365.simulator.testsupport.DefaultFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.simulator.testsupport.OpenApiContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** offset/limit paging and the organization query filters (wildcards, exact names, location, keywords). */
class PagingAndFiltersTest {
  static Simulator simulator;
  static SimClient client;
  static final String ORG = "/v8/Organizations/" + CONTOSO;

  @BeforeAll
  static void start() {
    simulator = Simulator.start(SimulatorOptions.defaults());
    client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static List<String> names(SimClient.Response r, String field) {
    List<String> out = new ArrayList<>();
    r.json().get("results").forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  @Test
  void pagesDefaultTo30AndWalkWithOffset() {
    JsonNode first = client.get(ORG + "/Users").json();
    assertThat(first.get("limit").asInt()).isEqualTo(30);
    assertThat(first.get("offset").asInt()).isEqualTo(0);
    assertThat(first.get("results")).hasSize(30);
    List<String> all = new ArrayList<>();
    for (int offset = 0; ; offset += 20) {
      List<String> page = names(client.get(ORG + "/Users?limit=20&offset=" + offset), "name");
      all.addAll(page);
      if (page.size() < 20) {
        break;
      }
    }
    assertThat(all).hasSize(61).doesNotHaveDuplicates();
    assertThat(client.get(ORG + "/Users?offset=1000").json().get("results")).isEmpty();
  }

  @Test
  void rejectsLimitsOutsideTheDocumentedRange() {
    assertThat(client.get(ORG + "/Users?limit=10001").status()).isEqualTo(400);
    assertThat(client.get(ORG + "/Users?limit=0").json().get("message").asText()).contains("limit");
    assertThat(client.get(ORG + "/Users?offset=-1").json().get("message").asText()).contains("offset");
    assertThat(client.get("/v8/Jobs?limit=10000").status()).isEqualTo(200);
  }

  @Test
  void userNameAndDisplayNameTakeWildcardsCaseInsensitively() {
    assertThat(names(client.get(ORG + "/Users?userName=ALICE@contoso.onmicrosoft.com"), "displayName"))
        .containsExactly("Alice Anderson");
    assertThat(names(client.get(ORG + "/Users?userName=alice"), "name")).as("no wildcard: whole name").isEmpty();
    assertThat(client.get(ORG + "/Users?userName=user0*&limit=100").json().get("results")).hasSize(50);
    assertThat(names(client.get(ORG + "/Users?displayName=User%200?1"), "displayName"))
        .containsExactly("User 001", "User 011", "User 021", "User 031", "User 041");
    assertThat(names(client.get(ORG + "/Users?displayName=*an*&userName=*@contoso.onmicrosoft.com"), "name"))
        .containsExactly("alice@contoso.onmicrosoft.com");
    assertThat(client.get(ORG + "/Users?locationFilter=OnPremises").json().get("results")).isEmpty();
    assertThat(client.get(ORG + "/Users?locationFilter=CloudOrHybrid&limit=100").json().get("results")).hasSize(61);
    assertThat(client.callInvalid("GET", ORG + "/Users?locationFilter=Moon", null).status()).isEqualTo(400);
  }

  @Test
  void groupsTeamsAndSitesFilter() {
    assertThat(names(client.get(ORG + "/Groups?groupName=hr@contoso.onmicrosoft.com"), "displayName"))
        .containsExactly("HR");
    assertThat(names(client.get(ORG + "/Groups?displayName=f*"), "name"))
        .containsExactly("finance@contoso.onmicrosoft.com");
    assertThat(names(client.get(ORG + "/Teams?displayName=*%26Fin*"), "displayName")).containsExactly("IT&Finance");
    assertThat(names(client.get(ORG + "/Sites"), "title")).containsExactly("Finance", "HR", "Projects", "Intranet");
    assertThat(names(client.get(ORG + "/Sites?includePersonalSites=true"), "title"))
        .containsExactly("Finance", "HR", "Alice Anderson", "Projects", "Intranet", "Grace Green", "Heidi Hill");
    assertThat(names(client.get(ORG + "/Sites?filter=fin"), "url"))
        .containsExactly("https://contoso.sharepoint.com/sites/finance");
    assertThat(client.get("/v8/Organizations/" + FABRIKAM + "/Users").json().get("results")).hasSize(3);
  }

  @Test
  void repositoriesFilterByLongTermAndProxy() {
    assertThat(names(client.get("/v8/BackupRepositories?longTerm=true"), "name")).containsExactly("Archive Repository",
        "Long-term Repository");
    assertThat(client.get("/v8/BackupRepositories?longTerm=false").json().get("results")).hasSize(1);
    assertThat(client.get("/v8/BackupRepositories?proxyId=" + PROXY).json().get("results")).hasSize(3);
    assertThat(client.get("/v8/BackupRepositories?limit=1&offset=1").json().get("results")).hasSize(1);
  }

  @Test
  void jobsFilterByOrganizationAndRepositoryAndItemsPage() {
    Map<String, Object> contosoJob = newJob("paging contoso");
    contosoJob.put("selectedItems", users(ALICE, BOB, INTERN, USER001));
    String job = client.post("/v8/Jobs", contosoJob).json().get("id").asText();
    Map<String, Object> fabrikamJob = newJob("paging fabrikam");
    fabrikamJob.put("organizationId", FABRIKAM);
    fabrikamJob.put("repositoryId", LONG_TERM_REPOSITORY);
    client.post("/v8/Jobs", fabrikamJob);

    assertThat(names(client.get("/v8/Jobs?organizationId=" + FABRIKAM), "name")).containsExactly("paging fabrikam");
    assertThat(names(client.get("/v8/Jobs?repositoryId=" + DEFAULT_REPOSITORY), "name")).contains("paging contoso")
        .doesNotContain("paging fabrikam");
    JsonNode page = client.get("/v8/Jobs/" + job + "/SelectedItems?limit=3&offset=2").json();
    assertThat(page.get("results")).hasSize(2);
    assertThat(page.get("offset").asInt()).isEqualTo(2);
  }
}
