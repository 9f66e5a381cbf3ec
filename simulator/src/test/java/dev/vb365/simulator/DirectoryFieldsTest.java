package dev.vb365.simulator;

import static dev.vb365.simulator.testsupport.DefaultFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.simulator.model.Directory;
import dev.vb365.simulator.model.Fixture;
import dev.vb365.simulator.testsupport.OpenApiContract;
import dev.vb365.simulator.testsupport.ReferenceFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What directory selection rules read, in the built-in fixture and on the wire: a user's type (User, Shared,
 * Public), office and licences (v8), a group's type, a site's URL and isPersonal; and the list filters the
 * spec defines for them. SimClient checks every exchange against the version's spec.
 */
class DirectoryFieldsTest {
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

  private static List<JsonNode> results(String path) {
    List<JsonNode> out = new ArrayList<>();
    client.get(path).json().get("results").forEach(out::add);
    return out;
  }

  /** field value -> the values of {@code key} of the objects that have it, in list order. */
  private static Map<String, List<String>> by(List<JsonNode> objects, String field, String key) {
    return objects.stream().collect(Collectors.groupingBy(o -> o.get(field).asText(), TreeMap::new,
        Collectors.mapping(o -> o.get(key).asText(), Collectors.toList())));
  }

  @Test
  void aLicensedUserHasTheV8Shape() {
    JsonNode judy = client.get(ORG + "/Users/" + JUDY).json();
    String self = simulator.baseUri() + ORG + "/Users/" + JUDY;
    assertThat(judy).isEqualTo(SimClient.JSON.valueToTree(Map.of(
        "id", JUDY, "eTag", 1, "displayName", "Judy Jones", "name", "judy@contoso.onmicrosoft.com",
        "type", "User", "locationType", "Cloud", "office", "Seattle",
        "assignedLicenses", List.of(
            Map.of("skuId", "6fd2c87f-b296-42f0-b197-1e91e994b900", "skuPartNumber", "ENTERPRISEPACK",
                "detectedSkuType", "Other"),
            Map.of("skuId", "efccb6f7-5641-4e0e-bd10-b4976e1bf68e", "skuPartNumber", "EMS",
                "detectedSkuType", "Other")),
        "msid", "01c16fc5-4292-5422-a94d-1cbd437b2ff7",
        "_links", Map.of("self", Map.of("href", self),
            "organization", Map.of("href", simulator.baseUri() + ORG)))));
  }

  @Test
  void usersHaveTypesOfficesAndLicences() {
    List<JsonNode> users = results(ORG + "/Users?limit=100");
    assertThat(users).hasSize(61);
    Map<String, List<String>> byType = by(users, "type", "name");
    assertThat(byType.keySet()).containsExactly("Public", "Shared", "User");
    assertThat(byType.get("Shared")).containsExactly("info@contoso.onmicrosoft.com",
        "reception@contoso.onmicrosoft.com", "support@contoso.onmicrosoft.com");
    assertThat(byType.get("Public")).containsExactly("publicfolders@contoso.onmicrosoft.com");

    Map<String, List<String>> byOffice = by(users, "office", "displayName");
    assertThat(byOffice.get("Seattle")).containsExactly("Grace Green", "Judy Jones", "Reception");
    assertThat(byOffice.get("London")).containsExactly("Heidi Hill", "Ivo Irwin", "Support");
    assertThat(byOffice.get("Finance")).containsExactly("Alice Anderson");

    Map<String, List<String>> licences = users.stream().filter(u -> !u.get("assignedLicenses").isEmpty())
        .collect(Collectors.toMap(u -> u.get("displayName").asText(), u -> {
          List<String> skus = new ArrayList<>();
          u.get("assignedLicenses").forEach(l -> skus.add(l.get("skuPartNumber").asText()));
          return skus;
        }, (a, b) -> a, TreeMap::new));
    assertThat(licences).isEqualTo(Map.of("Alice Anderson", List.of("SPE_E5"), "Bob Brown", List.of("SPE_E3"),
        "Grace Green", List.of("SPE_E3"), "Heidi Hill", List.of("SPE_E5"),
        "Judy Jones", List.of("ENTERPRISEPACK", "EMS"), "Support", List.of("EXCHANGEENTERPRISE")));
    assertThat(users).allSatisfy(u -> assertThat(u.get("assignedLicenses").isArray())
        .as("unlicensed users have an empty list: " + u.get("name")).isTrue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"v8", "v7", "v6"})
  void theSpecHasNoUserTypeFilterSoTheServerIgnoresOne(String version) throws Exception {
    // RESTUser.type is not a query parameter of GET /Organizations/{id}/Users in any version: a client lists the
    // users (narrowed by the filters the spec has) and keeps the types it wants. The real server ignores a query
    // parameter it does not know; so does the simulator, rather than filter where VB365 would not.
    JsonNode spec = SimClient.JSON.readTree(ReferenceFiles.openApiSpec(version).toFile());
    List<String> parameters = new ArrayList<>();
    spec.get("paths").get("/" + version + "/Organizations/{organizationId}/Users").get("get").get("parameters")
        .forEach(p -> parameters.add(p.get("name").asText()));
    assertThat(parameters).contains("userName", "displayName", "locationFilter")
        .doesNotContain("userType", "type", "office");
    try (Simulator other = Simulator.start(SimulatorOptions.defaults().withApiVersion(ApiVersion.parse(version)))) {
      SimClient c = new SimClient(other, OpenApiContract.forVersion(version));
      String users = "/" + version + "/Organizations/" + CONTOSO + "/Users";
      assertThat(c.callInvalid("GET", users + "?userType=Shared&limit=100", null).json().get("results")).hasSize(61);
      List<String> shared = new ArrayList<>();
      c.get(users + "?limit=100").json().get("results").forEach(u -> {
        if (u.get("type").asText().equals("Shared")) {
          shared.add(u.get("id").asText());
        }
      });
      assertThat(shared).containsExactly(INFO_SHARED, RECEPTION_SHARED, SUPPORT_SHARED);
    }
  }

  @Test
  void detectedSkuTypeFiltersByTheUsersLicences() {
    String fabrikam = "/v8/Organizations/" + FABRIKAM + "/Users";
    assertThat(results(fabrikam + "?detectedSkuType=Education")).extracting(u -> u.get("name").asText())
        .containsExactly("carol@fabrikam.onmicrosoft.com", "dave@fabrikam.onmicrosoft.com");
    assertThat(results(fabrikam + "?detectedSkuType=Other")).extracting(u -> u.get("name").asText())
        .as("an unlicensed user counts as Other").containsExactly("erin@fabrikam.onmicrosoft.com");
    assertThat(results(fabrikam + "?detectedSkuType=Education")).allSatisfy(u ->
        assertThat(u.get("assignedLicenses").get(0).get("detectedSkuType").asText()).isEqualTo("Education"));
    assertThat(results(ORG + "/Users?detectedSkuType=Education")).isEmpty();
    assertThat(results(ORG + "/Users?detectedSkuType=Other&limit=100")).hasSize(61);
    assertThat(client.callInvalid("GET", fabrikam + "?detectedSkuType=Student", null).status()).isEqualTo(400);
  }

  @Test
  void filtersCombineWithPaging() {
    // Every Seattle user, found with the name filter the spec has, a page of 2 at a time.
    List<String> names = new ArrayList<>();
    for (int offset = 0; offset < 100; offset += 2) {
      List<JsonNode> page = results(ORG + "/Users?displayName=*e*&limit=2&offset=" + offset);
      page.stream().filter(u -> u.get("office").asText().equals("Seattle"))
          .forEach(u -> names.add(u.get("displayName").asText()));
      if (page.size() < 2) {
        break;
      }
    }
    assertThat(names).containsExactly("Grace Green", "Judy Jones", "Reception");
  }

  @Test
  void groupsHaveTheirTypes() {
    Map<String, List<String>> byType = by(results(ORG + "/Groups"), "type", "displayName");
    assertThat(byType).isEqualTo(Map.of("Office365", List.of("Finance", "HR", "Projects"),
        "Distribution", List.of("All Staff"), "Security", List.of("IT Admins"),
        "DynamicDistribution", List.of("London Office")));
    assertThat(client.get(ORG + "/Groups/" + IT_ADMINS_GROUP).json().get("type").asText()).isEqualTo("Security");
  }

  @Test
  void sitesArePersonalOrNotAndAllInTheCloud() {
    Map<String, List<String>> byPersonal = by(results(ORG + "/Sites?includePersonalSites=true"), "isPersonal", "url");
    assertThat(byPersonal.get("false")).containsExactly("https://contoso.sharepoint.com/sites/finance",
        "https://contoso.sharepoint.com/sites/hr", "https://contoso.sharepoint.com/sites/projects",
        "https://contoso.sharepoint.com/sites/intranet");
    assertThat(byPersonal.get("true")).containsExactly(
        "https://contoso-my.sharepoint.com/personal/alice_contoso_onmicrosoft_com",
        "https://contoso-my.sharepoint.com/personal/grace_contoso_onmicrosoft_com",
        "https://contoso-my.sharepoint.com/personal/heidi_contoso_onmicrosoft_com");
    assertThat(results(ORG + "/Sites?includePersonalSites=true&locationFilter=Cloud")).hasSize(7);
    assertThat(results(ORG + "/Sites?locationFilter=Any")).hasSize(4);
    assertThat(results(ORG + "/Sites?includePersonalSites=true&locationFilter=OnPremises")).isEmpty();
    SimClient.Response hybrid = client.callInvalid("GET", ORG + "/Sites?locationFilter=Hybrid", null);
    assertThat(hybrid.status()).as("sites have no Hybrid location filter").isEqualTo(400);
    assertThat(client.get(ORG + "/Sites/" + GRACE_PERSONAL_SITE).json().get("isPersonal").asBoolean()).isTrue();
    assertThat(results(ORG + "/Sites?filter=personal/heidi&includePersonalSites=true"))
        .extracting(s -> s.get("id").asText()).containsExactly(HEIDI_PERSONAL_SITE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v7", "v6"})
  void olderVersionsShowOnlyTheFieldsOfTheirSpec(String version) {
    try (Simulator legacy = Simulator.start(SimulatorOptions.defaults().withApiVersion(ApiVersion.parse(version)))) {
      SimClient c = new SimClient(legacy, OpenApiContract.forVersion(version));
      String org = "/" + version + "/Organizations/" + CONTOSO;
      JsonNode support = c.get(org + "/Users/" + SUPPORT_SHARED).json();
      assertThat(support.get("type").asText()).isEqualTo("Shared");
      assertThat(support.has("assignedLicenses")).as("assignedLicenses is v8's").isFalse();
      assertThat(support.has("eTag")).isFalse();
      assertThat(support.has("msid")).isFalse();
      if (version.equals("v7")) {
        assertThat(support.get("office").asText()).isEqualTo("London");
      } else {
        assertThat(support.has("office")).as("v6 has no office").isFalse();
      }
      JsonNode users = c.get(org + "/Users?limit=100").json().get("results");
      assertThat(users).hasSize(61).allSatisfy(u -> assertThat(u.has("assignedLicenses")).isFalse());
      assertThat(c.get(org + "/Groups/" + LONDON_GROUP).json().get("type").asText())
          .isEqualTo("DynamicDistribution");
      assertThat(c.get(org + "/Sites?includePersonalSites=true").json().get("results")).hasSize(7);
      assertThat(c.get(org + "/Sites?locationFilter=OnPremises").json().get("results")).isEmpty();
    }
  }

  @Test
  void theNewFixtureIdsAreTheFixtures() {
    Directory.Organization contoso = Fixture.loadDefault().organizations().get(0);
    Map<String, String> users = ids(contoso.users(), Directory.User::name, Directory.User::id);
    assertThat(users).containsEntry("grace@contoso.onmicrosoft.com", GRACE)
        .containsEntry("heidi@contoso.onmicrosoft.com", HEIDI).containsEntry("ivo@contoso.onmicrosoft.com", IVO)
        .containsEntry("judy@contoso.onmicrosoft.com", JUDY)
        .containsEntry("info@contoso.onmicrosoft.com", INFO_SHARED)
        .containsEntry("reception@contoso.onmicrosoft.com", RECEPTION_SHARED)
        .containsEntry("support@contoso.onmicrosoft.com", SUPPORT_SHARED)
        .containsEntry("publicfolders@contoso.onmicrosoft.com", PUBLIC_FOLDERS);
    assertThat(ids(contoso.groups(), Directory.Group::displayName, Directory.Group::id))
        .containsEntry("Projects", PROJECTS_GROUP).containsEntry("All Staff", ALL_STAFF_GROUP)
        .containsEntry("IT Admins", IT_ADMINS_GROUP).containsEntry("London Office", LONDON_GROUP);
    assertThat(ids(contoso.sites(), Directory.Site::url, Directory.Site::id))
        .containsEntry("https://contoso.sharepoint.com/sites/projects", PROJECTS_SITE)
        .containsEntry("https://contoso.sharepoint.com/sites/intranet", INTRANET_SITE)
        .containsEntry("https://contoso-my.sharepoint.com/personal/grace_contoso_onmicrosoft_com", GRACE_PERSONAL_SITE)
        .containsEntry("https://contoso-my.sharepoint.com/personal/heidi_contoso_onmicrosoft_com", HEIDI_PERSONAL_SITE);
    assertThat(ids(contoso.teams(), Directory.Team::displayName, t -> t.id().toString()))
        .containsEntry("Projects", PROJECTS_TEAM).containsEntry("Support Desk", SUPPORT_DESK_TEAM);
  }

  private static <T> Map<String, String> ids(List<T> objects, Function<T, String> key, Function<T, String> id) {
    return objects.stream().collect(Collectors.toMap(key, id));
  }
}
