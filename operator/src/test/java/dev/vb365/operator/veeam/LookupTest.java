package dev.vb365.operator.veeam;

import static dev.vb365.operator.veeam.FakeVeeam.json;
import static dev.vb365.operator.veeam.JobFixtures.ORG;
import static dev.vb365.operator.veeam.JobFixtures.REPO;
import static dev.vb365.operator.veeam.LeakGuard.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.veeam.model.Organization;
import dev.vb365.operator.veeam.model.Site;
import java.time.Duration;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakGuard.class)
class LookupTest {

    static final String ORGS = JobFixtures.page(0, 1000, null, List.of(
            "{\"id\":\"" + ORG + "\",\"name\":\"contoso.onmicrosoft.com\",\"officeName\":\"Contoso\",\"type\":\"Office365\"}",
            "{\"id\":\"9b538005-3e78-4253-a84e-cc40630747cd\",\"name\":\"fabrikam.onmicrosoft.com\",\"type\":\"Hybrid\"}",
            "{\"id\":\"1b538005-3e78-4253-a84e-cc40630747cd\",\"name\":\"Twin\",\"type\":\"Office365\"}",
            "{\"id\":\"2b538005-3e78-4253-a84e-cc40630747cd\",\"name\":\"Twin\",\"type\":\"Office365\"}"));
    static final String USERS = "/v8/Organizations/" + ORG + "/Users";
    static final String GROUPS = "/v8/Organizations/" + ORG + "/Groups";
    static final String SITES = "/v8/Organizations/" + ORG + "/Sites";
    static final String TEAMS = "/v8/Organizations/" + ORG + "/Teams";

    VeeamTestServer vb;

    @AfterEach
    void stop() {
        if (vb != null) {
            vb.close();
        }
    }

    @Test
    void organizationsByNameTenantNameOrIdAreCached() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.onJson("GET", "/v8/Organizations", 200, ORGS);
        vb.fake.onJson("GET", "/v8/Organizations/" + ORG, 200,
                "{\"id\":\"" + ORG + "\",\"name\":\"contoso.onmicrosoft.com\",\"officeName\":\"Contoso\"}");
        VeeamClient client = vb.client();

        Organization byName = client.resolveOrganization("contoso.onmicrosoft.com");
        assertThat(client.resolveOrganization("CONTOSO.onmicrosoft.com")).isEqualTo(byName);
        assertThat(client.resolveOrganization("contoso.onmicrosoft.com")).isEqualTo(byName);
        assertThat(client.resolveOrganization("Contoso").id()).isEqualTo(ORG);
        assertThat(client.resolveOrganization(ORG).name()).isEqualTo("contoso.onmicrosoft.com");
        assertThat(client.resolveOrganization(ORG).officeName()).isEqualTo("Contoso");

        assertThat(byName).isEqualTo(new Organization(ORG, "contoso.onmicrosoft.com", "Contoso", "Office365"));
        List<RecordedRequest> lists = vb.fake.requests("GET", "/v8/Organizations");
        assertThat(lists).hasSize(3); // three distinct keys; the repeated one came from the cache
        assertThat(lists.get(0).getUrl().queryParameter("extendedView")).isEqualTo("false");
        assertThat(vb.fake.requests("GET", "/v8/Organizations/" + ORG)).hasSize(1);
    }

    @Test
    void ambiguousNamesListTheCandidates() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.onJson("GET", "/v8/Organizations", 200, ORGS);

        AmbiguousMatchException e = failure(AmbiguousMatchException.class,
                () -> vb.client().resolveOrganization("twin"));

        assertThat(e.candidates()).containsExactly("Twin (1b538005-3e78-4253-a84e-cc40630747cd)",
                "Twin (2b538005-3e78-4253-a84e-cc40630747cd)");
        assertThat(e.getMessage()).contains("organization 'twin' is ambiguous; candidates: Twin (1b538005");
    }

    @Test
    void missesAreCachedForAShorterWhile() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.onJson("GET", "/v8/Organizations", 200, ORGS);
        VeeamClient client = vb.client(vb.options().withLookupTtl(Duration.ofMinutes(5), Duration.ofSeconds(30)));

        NotFoundException first = failure(NotFoundException.class, () -> client.resolveOrganization("northwind"));
        NotFoundException cached = failure(NotFoundException.class, () -> client.resolveOrganization("northwind"));
        assertThat(first.getMessage()).isEqualTo("GET /v8/Organizations: organization 'northwind' not found");
        assertThat(cached.getMessage()).endsWith("not found (cached)");
        assertThat(vb.fake.requests("GET", "/v8/Organizations")).hasSize(1);

        vb.clock.advance(Duration.ofSeconds(31));
        failure(NotFoundException.class, () -> client.resolveOrganization("northwind"));
        assertThat(vb.fake.requests("GET", "/v8/Organizations")).hasSize(2);

        client.resolveOrganization("Contoso");
        vb.clock.advance(Duration.ofMinutes(4));
        client.resolveOrganization("Contoso");
        assertThat(vb.fake.requests("GET", "/v8/Organizations")).hasSize(3);
        vb.clock.advance(Duration.ofMinutes(2));
        client.resolveOrganization("Contoso");
        assertThat(vb.fake.requests("GET", "/v8/Organizations")).hasSize(4);
    }

    @Test
    void repositoriesByNameOrId() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.onJson("GET", "/v8/BackupRepositories", 200, JobFixtures.page(0, 1000, null, List.of(
                "{\"id\":\"" + REPO + "\",\"name\":\"Object storage\",\"proxyId\":\"p1\",\"retentionType\":\"SnapshotBased\"}",
                "{\"id\":\"3c9079b0-76b4-415f-bca8-de1450cedf79\",\"name\":\"Local\",\"isLongTerm\":false}")));
        vb.fake.onJson("GET", "/v8/BackupRepositories/" + REPO, 200, "{\"id\":\"" + REPO + "\",\"name\":\"Object storage\"}");
        VeeamClient client = vb.client();

        assertThat(client.resolveRepository("object storage").id()).isEqualTo(REPO);
        assertThat(client.resolveRepository(REPO).name()).isEqualTo("Object storage");
        assertThat(client.listRepositories()).hasSize(2);
    }

    @Test
    void usersByUpnWithTheUserNameFilterOrByDisplayName() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.on("GET", USERS, r -> {
            String upn = r.getUrl().queryParameter("userName");
            String display = r.getUrl().queryParameter("displayName");
            if ("alice@contoso.com".equalsIgnoreCase(upn)) {
                return json(200, JobFixtures.page(0, 1000, "5f0c0000-0000-0000-0000-000000000001", List.of(user("1", "Alice", "alice@contoso.com"))));
            }
            if ("Bob".equals(display)) {
                return json(200, JobFixtures.page(0, 1000, null, List.of(user("2", "Bob", "bob@contoso.com"),
                        user("3", "Bob", "bob.smith@contoso.com"), user("4", "Bobby", "bobby@contoso.com"))));
            }
            if ("Bobby".equals(display)) {
                return json(200, JobFixtures.page(0, 1000, null, List.of(user("4", "Bobby", "bobby@contoso.com"))));
            }
            return json(200, JobFixtures.page(0, 1000, null, List.of()));
        });
        VeeamClient client = vb.client();

        assertThat(client.resolveUser(ORG, "Alice@Contoso.com").id()).isEqualTo("1");
        assertThat(client.resolveUser(ORG, "Bobby").name()).isEqualTo("bobby@contoso.com");
        AmbiguousMatchException ambiguous = failure(AmbiguousMatchException.class, () -> client.resolveUser(ORG, "Bob"));
        assertThat(ambiguous.candidates()).containsExactly("Bob <bob@contoso.com> (2)",
                "Bob <bob.smith@contoso.com> (3)");
        failure(NotFoundException.class, () -> client.resolveUser(ORG, "carol@contoso.com"));

        List<RecordedRequest> calls = vb.fake.requests("GET", USERS);
        assertThat(calls.get(0).getUrl().queryParameter("userName")).isEqualTo("Alice@Contoso.com");
        assertThat(calls.get(0).getUrl().queryParameter("limit")).isEqualTo("1000");
        // an unknown UPN is then tried as a display name
        assertThat(calls.subList(3, 5)).extracting(r -> r.getUrl().query()).containsExactly(
                "userName=carol@contoso.com&offset=0&limit=1000",
                "displayName=carol@contoso.com&offset=0&limit=1000");
    }

    @Test
    void groupsByNameThenDisplayNameAcrossPagesWithSetId() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        String setId = "83e19bc1-5428-42b5-88ea-b28354e481f3";
        List<String> finance = List.of(group("g1", "Finance", "finance-eu@contoso.com"),
                group("g2", "Finance", "finance-us@contoso.com"), group("g3", "Finance", "finance@contoso.com"));
        vb.fake.on("GET", GROUPS, r -> {
            int offset = Integer.parseInt(r.getUrl().queryParameter("offset"));
            if (r.getUrl().queryParameter("groupName") != null) {
                return json(200, JobFixtures.page(0, 2, null, List.of()));
            }
            return json(200, JobFixtures.page(offset, 2, setId, finance.subList(offset, Math.min(3, offset + 2))));
        });
        VeeamClient client = vb.client(vb.options().withPageSize(2));

        AmbiguousMatchException e = failure(AmbiguousMatchException.class, () -> client.resolveGroup(ORG, "Finance"));

        assertThat(e.candidates()).hasSize(3);
        List<RecordedRequest> calls = vb.fake.requests("GET", GROUPS);
        assertThat(calls).extracting(r -> r.getUrl().query()).containsExactly(
                "groupName=Finance&offset=0&limit=2",
                "displayName=Finance&offset=0&limit=2",
                "displayName=Finance&offset=2&limit=2&setId=" + setId);
    }

    @Test
    void sitesByUrlWithTheFilterOrById() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.onJson("GET", SITES, 200, JobFixtures.page(0, 1000, null, List.of(
                site("s1", "https://contoso.sharepoint.com/sites/intranet"),
                site("s2", "https://contoso.sharepoint.com/sites/intranet-archive"))));
        vb.fake.onJson("GET", SITES + "/s2", 200, site("s2", "https://contoso.sharepoint.com/sites/intranet-archive"));
        VeeamClient client = vb.client();

        Site byUrl = client.resolveSite(ORG, "https://contoso.sharepoint.com/sites/intranet/");
        Site byId = client.resolveSite(ORG, "s2");

        assertThat(byUrl).isEqualTo(new Site("s1", "https://contoso.sharepoint.com/sites/intranet", "s1", "Title s1",
                "https://contoso.sharepoint.com", true, false));
        assertThat(byId.url()).endsWith("intranet-archive");
        RecordedRequest list = vb.fake.requests("GET", SITES).get(0);
        assertThat(list.getUrl().queryParameter("filter")).as("the keyword without the trailing slash")
                .isEqualTo("https://contoso.sharepoint.com/sites/intranet");
        assertThat(list.getUrl().queryParameter("includePersonalSites")).isEqualTo("false");
    }

    @Test
    void v6HasNoSiteFilterSoTheSitesArePaged() {
        vb = VeeamTestServer.start(ApiVersion.V6);
        String path = "/v6/Organizations/" + ORG + "/Sites";
        List<String> sites = List.of(site("s1", "https://contoso.sharepoint.com/sites/a"),
                site("s2", "https://contoso-my.sharepoint.com/personal/alice_contoso_com"),
                site("s3", "https://contoso.sharepoint.com/sites/c"));
        vb.fake.on("GET", path, r -> {
            int offset = Integer.parseInt(r.getUrl().queryParameter("offset"));
            return json(200, JobFixtures.page(offset, 2, "83e19bc1-5428-42b5-88ea-b28354e481f3",
                    sites.subList(offset, Math.min(3, offset + 2))));
        });
        VeeamClient client = vb.client(vb.options().withPageSize(2));

        Site personal = client.resolveSite(ORG, "https://contoso-my.sharepoint.com/personal/alice_contoso_com");

        assertThat(personal.id()).isEqualTo("s2");
        assertThat(vb.fake.requests("GET", path)).extracting(r -> r.getUrl().query()).containsExactly(
                "includePersonalSites=true&offset=0&limit=2",
                "includePersonalSites=true&offset=2&limit=2&setId=83e19bc1-5428-42b5-88ea-b28354e481f3");
    }

    @Test
    void teamsByDisplayNameOrId() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        String teamId = "448c5b66-8dcd-4c75-b636-d3b500bce36f";
        vb.fake.onJson("GET", TEAMS, 200, JobFixtures.page(0, 1000, null, List.of(
                "{\"id\":\"" + teamId + "\",\"displayName\":\"IT&Finance\",\"mail\":\"itf@contoso.com\"}",
                "{\"id\":\"548c5b66-8dcd-4c75-b636-d3b500bce36f\",\"displayName\":\"IT & Finance\",\"mail\":\"x@contoso.com\"}")));
        vb.fake.onJson("GET", TEAMS + "/" + teamId, 200,
                "{\"id\":\"" + teamId + "\",\"displayName\":\"IT&Finance\",\"mail\":\"itf@contoso.com\"}");
        VeeamClient client = vb.client();

        assertThat(client.resolveTeam(ORG, "IT&Finance").id()).isEqualTo(teamId);
        assertThat(client.resolveTeam(ORG, teamId).mail()).isEqualTo("itf@contoso.com");
        assertThat(vb.fake.requests("GET", TEAMS).get(0).getUrl().queryParameter("displayName")).isEqualTo("IT&Finance");
    }

    @Test
    void proxiesAreListed() {
        vb = VeeamTestServer.start(ApiVersion.V7);
        vb.fake.onJson("GET", "/v7/Proxies", 200,
                "[{\"id\":\"p1\",\"hostName\":\"proxy1\",\"fqdn\":\"proxy1.contoso.local\",\"status\":\"Online\"}]");

        assertThat(vb.client().listProxies()).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo("Online"));
    }

    static String user(String id, String displayName, String upn) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"" + displayName + "\",\"name\":\"" + upn
                + "\",\"type\":\"User\",\"locationType\":\"Cloud\"}";
    }

    static String group(String id, String displayName, String name) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"" + displayName + "\",\"name\":\"" + name
                + "\",\"type\":\"Office365\",\"locationType\":\"Cloud\"}";
    }

    static String site(String id, String url) {
        return "{\"id\":\"" + id + "\",\"url\":\"" + url + "\",\"name\":\"" + id + "\",\"title\":\"Title " + id
                + "\",\"parentUrl\":\"https://contoso.sharepoint.com\",\"isCloud\":true,\"isPersonal\":false}";
    }
}
