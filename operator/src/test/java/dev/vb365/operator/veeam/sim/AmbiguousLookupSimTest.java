package dev.vb365.operator.veeam.sim;

import static dev.vb365.operator.veeam.sim.SimLeakScan.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.veeam.AmbiguousMatchException;
import dev.vb365.operator.veeam.ApiVersion;
import dev.vb365.operator.veeam.VeeamClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Names that match more than one object, served by the simulator from a fixture made for it: the
 * lookup fails with the candidates listed, and an exact spelling still wins over a match that only
 * ignores case.
 */
@ExtendWith(SimLeakScan.class)
class AmbiguousLookupSimTest {

    static final String OPS = "0a000000-0000-4000-8000-000000000001";
    static final String OPS_DE = "0a000000-0000-4000-8000-000000000002";
    static final String PROXY = "0a000000-0000-4000-8000-0000000000ff";
    static final String FIXTURE = """
            {
              "organizations": [
                {"id": "%1$s", "name": "ops.onmicrosoft.com",
                 "users": [
                   {"id": "u1", "name": "sam.smith@ops.onmicrosoft.com", "displayName": "Sam Smith"},
                   {"id": "u2", "name": "sam.smith2@ops.onmicrosoft.com", "displayName": "Sam Smith"},
                   {"id": "u3", "name": "dana@ops.onmicrosoft.com", "displayName": "Dana"},
                   {"id": "u4", "name": "dana.x@ops.onmicrosoft.com", "displayName": "DANA"}],
                 "groups": [
                   {"id": "g1", "name": "ops@ops.onmicrosoft.com", "displayName": "Ops"},
                   {"id": "g2", "name": "ops-team@ops.onmicrosoft.com", "displayName": "Ops"}],
                 "sites": [{"id": "s1", "url": "https://ops.sharepoint.com/sites/ops", "title": "Ops"}],
                 "teams": [
                   {"id": "0a000000-0000-4000-8000-0000000000a1", "displayName": "Ops"},
                   {"id": "0a000000-0000-4000-8000-0000000000a2", "displayName": "Ops"}]},
                {"id": "%2$s", "name": "ops.onmicrosoft.de"}
              ],
              "repositories": [
                {"id": "0a000000-0000-4000-8000-0000000000b1", "name": "Backup", "proxyId": "%3$s"},
                {"id": "0a000000-0000-4000-8000-0000000000b2", "name": "Backup", "proxyId": "%3$s"}],
              "proxies": [{"id": "%3$s", "hostName": "proxy.ops.local"}]
            }
            """.formatted(OPS, OPS_DE, PROXY);

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void ambiguousNamesListTheCandidates(ApiVersion version, @TempDir Path dir) throws IOException {
        Path fixture = Files.writeString(dir.resolve("ops.json"), FIXTURE);
        try (SimBackend vb = SimBackend.start(version, o -> o.withFixture(fixture))) {
            VeeamClient client = vb.client();
            String users = "GET /" + vb.v() + "/Organizations/{organizationId}/Users";

            AmbiguousMatchException org = failure(AmbiguousMatchException.class,
                    () -> client.resolveOrganization("ops"));
            assertThat(org.candidates()).containsExactlyInAnyOrder("ops.onmicrosoft.com (" + OPS + ")",
                    "ops.onmicrosoft.de (" + OPS_DE + ")");
            assertThat(client.resolveOrganization("ops.onmicrosoft.de").id()).isEqualTo(OPS_DE);

            assertThat(failure(AmbiguousMatchException.class, () -> client.resolveRepository("Backup")).candidates())
                    .hasSize(2).allMatch(c -> c.startsWith("Backup (0a000000-"));

            AmbiguousMatchException sam = failure(AmbiguousMatchException.class,
                    () -> client.resolveUser(OPS, "Sam Smith"));
            assertThat(sam.candidates()).containsExactlyInAnyOrder(
                    "Sam Smith <sam.smith@ops.onmicrosoft.com> (u1)", "Sam Smith <sam.smith2@ops.onmicrosoft.com> (u2)");
            assertThat(sam.getMessage()).contains("Sam Smith", "sam.smith2@ops.onmicrosoft.com");
            assertThat(sam.retryable()).isFalse();
            assertThat(vb.cost(() -> failure(AmbiguousMatchException.class, () -> client.resolveUser(OPS, "Sam Smith"))))
                    .as("ambiguities are not cached: the directory may have been fixed").isEqualTo(Map.of(users, 1L));
            assertThat(client.resolveUser(OPS, "sam.smith2@ops.onmicrosoft.com").id()).as("the UPN is unique")
                    .isEqualTo("u2");
            assertThat(client.resolveUser(OPS, "DANA").id()).as("the exact spelling wins").isEqualTo("u4");
            assertThat(failure(AmbiguousMatchException.class, () -> client.resolveUser(OPS, "dana")).candidates())
                    .as("two that differ only in case").hasSize(2);

            assertThat(failure(AmbiguousMatchException.class, () -> client.resolveGroup(OPS, "Ops")).candidates())
                    .hasSize(2);
            assertThat(client.resolveGroup(OPS, "ops-team@ops.onmicrosoft.com").id()).isEqualTo("g2");
            assertThat(failure(AmbiguousMatchException.class, () -> client.resolveTeam(OPS, "Ops")).candidates())
                    .hasSize(2);
            assertThat(client.resolveSite(OPS, "https://ops.sharepoint.com/sites/ops").id()).isEqualTo("s1");
            vb.assertContractKept();
        }
    }
}
