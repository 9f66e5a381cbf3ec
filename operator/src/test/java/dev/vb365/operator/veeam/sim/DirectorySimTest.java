package dev.vb365.operator.veeam.sim;

import static dev.vb365.operator.veeam.sim.SimLeakScan.failure;
import static dev.vb365.simulator.testsupport.DefaultFixture.ALICE;
import static dev.vb365.simulator.testsupport.DefaultFixture.ALICE_PERSONAL_SITE;
import static dev.vb365.simulator.testsupport.DefaultFixture.ARCHIVE_REPOSITORY;
import static dev.vb365.simulator.testsupport.DefaultFixture.BOB;
import static dev.vb365.simulator.testsupport.DefaultFixture.CONTOSO;
import static dev.vb365.simulator.testsupport.DefaultFixture.CONTOSO_NAME;
import static dev.vb365.simulator.testsupport.DefaultFixture.DEFAULT_REPOSITORY;
import static dev.vb365.simulator.testsupport.DefaultFixture.FABRIKAM;
import static dev.vb365.simulator.testsupport.DefaultFixture.FABRIKAM_NAME;
import static dev.vb365.simulator.testsupport.DefaultFixture.FINANCE_GROUP;
import static dev.vb365.simulator.testsupport.DefaultFixture.FINANCE_SITE;
import static dev.vb365.simulator.testsupport.DefaultFixture.HR_GROUP;
import static dev.vb365.simulator.testsupport.DefaultFixture.IT_FINANCE_TEAM;
import static dev.vb365.simulator.testsupport.DefaultFixture.LONG_TERM_REPOSITORY;
import static dev.vb365.simulator.testsupport.DefaultFixture.SALES_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.veeam.ApiVersion;
import dev.vb365.operator.veeam.NotFoundException;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.model.Organization;
import dev.vb365.operator.veeam.model.Repository;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Organizations, repositories and the lookups by natural key against the simulator's built-in
 * fixture, in each API version, with the API calls each one costs.
 */
@ExtendWith(SimLeakScan.class)
class DirectorySimTest {

    static final Backends BACKENDS = new Backends();

    @AfterAll
    static void stop() {
        BACKENDS.closeAll();
    }

    /** A client that has logged in, so that costs measured next are the operation's alone. */
    static VeeamClient loggedIn(SimBackend vb) {
        VeeamClient client = vb.client();
        client.apiVersion();
        return client;
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void theFirstCallLogsInOnceAfterProbingNewerVersions(ApiVersion version) {
        SimBackend vb = BACKENDS.of(version);
        VeeamClient client = vb.client();
        Map<String, Long> login = vb.cost(() -> assertThat(client.apiVersion()).isEqualTo(version));
        // Newer versions answer 404 on this server: one probe each, then one password login.
        Map<String, Long> expected = switch (version) {
            case V8 -> Map.of("POST /v8/token", 1L);
            case V7 -> Map.of("POST (unmatched)", 1L, "POST /v7/token", 1L);
            case V6 -> Map.of("POST (unmatched)", 2L, "POST /v6/token", 1L);
        };
        assertThat(login).isEqualTo(expected);
        assertThat(vb.cost(() -> client.listProxies())).isEqualTo(Map.of("GET /" + vb.v() + "/Proxies", 1L));
        // Pinned to a version: no probing.
        VeeamClient pinned = vb.client(o -> o.withApiVersions(java.util.List.of(version)));
        assertThat(vb.cost(pinned::apiVersion)).isEqualTo(Map.of("POST /" + vb.v() + "/token", 1L));
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void organizationsByNameIdAndOfficeNameAreCached(ApiVersion version) {
        SimBackend vb = BACKENDS.of(version);
        String v = vb.v();
        VeeamClient client = loggedIn(vb);

        assertThat(vb.cost(() -> assertThat(client.listOrganizations()).extracting(Organization::name)
                .containsExactlyInAnyOrder(CONTOSO_NAME, FABRIKAM_NAME)))
                .isEqualTo(Map.of("GET /" + v + "/Organizations", 1L));
        assertThat(vb.cost(() -> assertThat(client.getOrganization(FABRIKAM).name()).isEqualTo(FABRIKAM_NAME)))
                .isEqualTo(Map.of("GET /" + v + "/Organizations/{organizationId}", 1L));

        assertThat(vb.cost(() -> assertThat(client.resolveOrganization(CONTOSO_NAME).id()).isEqualTo(CONTOSO)))
                .isEqualTo(Map.of("GET /" + v + "/Organizations", 1L));
        assertThat(vb.cost(() -> assertThat(client.resolveOrganization(CONTOSO_NAME).id()).isEqualTo(CONTOSO)))
                .as("cached").isEmpty();
        assertThat(vb.cost(() -> assertThat(client.resolveOrganization("CONTOSO").id()).isEqualTo(CONTOSO)))
                .as("office name, ignoring case").isEqualTo(Map.of("GET /" + v + "/Organizations", 1L));
        assertThat(vb.cost(() -> assertThat(client.resolveOrganization(FABRIKAM).name()).isEqualTo(FABRIKAM_NAME)))
                .isEqualTo(Map.of("GET /" + v + "/Organizations/{organizationId}", 1L));

        assertThat(vb.cost(() -> failure(NotFoundException.class,
                () -> client.resolveOrganization("nowhere.onmicrosoft.com"))))
                .isEqualTo(Map.of("GET /" + v + "/Organizations", 1L));
        assertThat(vb.cost(() -> failure(NotFoundException.class,
                () -> client.resolveOrganization("nowhere.onmicrosoft.com"))))
                .as("misses are cached too").isEmpty();
        NotFoundException unknownId = failure(NotFoundException.class,
                () -> client.resolveOrganization("00000000-0000-0000-0000-000000000001"));
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(unknownId.getMessage()).contains("/Organizations/{organizationId}");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void repositoriesByNameAndId(ApiVersion version) {
        SimBackend vb = BACKENDS.of(version);
        String v = vb.v();
        VeeamClient client = loggedIn(vb);

        assertThat(vb.cost(() -> assertThat(client.listRepositories()).extracting(Repository::id)
                .containsExactlyInAnyOrder(DEFAULT_REPOSITORY, LONG_TERM_REPOSITORY, ARCHIVE_REPOSITORY)))
                .isEqualTo(Map.of("GET /" + v + "/BackupRepositories", 1L));
        assertThat(vb.cost(() -> assertThat(client.resolveRepository("Long-term Repository").id())
                .isEqualTo(LONG_TERM_REPOSITORY))).isEqualTo(Map.of("GET /" + v + "/BackupRepositories", 1L));
        assertThat(client.resolveRepository("default backup repository").id()).isEqualTo(DEFAULT_REPOSITORY);
        assertThat(vb.cost(() -> assertThat(client.resolveRepository(DEFAULT_REPOSITORY).name())
                .isEqualTo("Default Backup Repository")))
                .isEqualTo(Map.of("GET /" + v + "/BackupRepositories/{repositoryId}", 1L));
        assertThat(client.getRepository(LONG_TERM_REPOSITORY).name()).isEqualTo("Long-term Repository");
        failure(NotFoundException.class, () -> client.resolveRepository("Archive"));
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void usersByUpnOrDisplayName(ApiVersion version) {
        SimBackend vb = BACKENDS.of(version);
        String users = "GET /" + vb.v() + "/Organizations/{organizationId}/Users";
        VeeamClient client = loggedIn(vb);

        assertThat(vb.cost(() -> assertThat(client.resolveUser(CONTOSO, "alice@contoso.onmicrosoft.com").id())
                .isEqualTo(ALICE))).isEqualTo(Map.of(users, 1L));
        assertThat(vb.cost(() -> assertThat(client.resolveUser(CONTOSO, "Bob Brown").id()).isEqualTo(BOB)))
                .isEqualTo(Map.of(users, 1L));
        assertThat(client.resolveUser(CONTOSO, "BOB@contoso.onmicrosoft.com").id()).as("UPN ignoring case")
                .isEqualTo(BOB);
        assertThat(client.resolveUser(CONTOSO, "Alice Anderson").name()).isEqualTo("alice@contoso.onmicrosoft.com");
        // A UPN that matches no user name is tried as a display name before giving up.
        assertThat(vb.cost(() -> failure(NotFoundException.class,
                () -> client.resolveUser(CONTOSO, "nobody@contoso.onmicrosoft.com")))).isEqualTo(Map.of(users, 2L));
        // Another organization's user is not found in this one.
        failure(NotFoundException.class, () -> client.resolveUser(CONTOSO, "carol@fabrikam.onmicrosoft.com"));
        assertThat(client.resolveUser(FABRIKAM, "carol@fabrikam.onmicrosoft.com").displayName())
                .isEqualTo("Carol Clark");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void groupsSitesAndTeams(ApiVersion version) {
        SimBackend vb = BACKENDS.of(version);
        String org = "GET /" + vb.v() + "/Organizations/{organizationId}";
        VeeamClient client = loggedIn(vb);

        assertThat(vb.cost(() -> assertThat(client.resolveGroup(CONTOSO, "finance@contoso.onmicrosoft.com").id())
                .isEqualTo(FINANCE_GROUP))).isEqualTo(Map.of(org + "/Groups", 1L));
        // A display name is first tried as a group name.
        assertThat(vb.cost(() -> assertThat(client.resolveGroup(CONTOSO, "HR").id()).isEqualTo(HR_GROUP)))
                .isEqualTo(Map.of(org + "/Groups", 2L));
        failure(NotFoundException.class, () -> client.resolveGroup(CONTOSO, "Marketing"));

        assertThat(vb.cost(() -> assertThat(
                client.resolveSite(CONTOSO, "https://contoso.sharepoint.com/sites/finance/").id())
                .isEqualTo(FINANCE_SITE))).isEqualTo(Map.of(org + "/Sites", 1L));
        assertThat(client.resolveSite(CONTOSO,
                "https://contoso-my.sharepoint.com/personal/alice_contoso_onmicrosoft_com").id())
                .as("personal sites are looked up with includePersonalSites").isEqualTo(ALICE_PERSONAL_SITE);
        assertThat(vb.cost(() -> assertThat(client.resolveSite(CONTOSO, FINANCE_SITE).url())
                .isEqualTo("https://contoso.sharepoint.com/sites/finance")))
                .isEqualTo(Map.of(org + "/Sites/{siteId}", 1L));
        failure(NotFoundException.class, () -> client.resolveSite(CONTOSO, "https://contoso.sharepoint.com/sites/x"));

        assertThat(vb.cost(() -> assertThat(client.resolveTeam(CONTOSO, "IT&Finance").id())
                .isEqualTo(IT_FINANCE_TEAM))).isEqualTo(Map.of(org + "/Teams", 1L));
        assertThat(vb.cost(() -> assertThat(client.resolveTeam(CONTOSO, SALES_TEAM).displayName())
                .isEqualTo("Sales"))).isEqualTo(Map.of(org + "/Teams/{teamId}", 1L));
        failure(NotFoundException.class, () -> client.resolveTeam(CONTOSO, "Marketing"));
        failure(NotFoundException.class, () -> client.resolveTeam(FABRIKAM, "Sales"));
    }
}
