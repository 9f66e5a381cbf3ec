package dev.vb365.operator.veeam;

import static dev.vb365.operator.veeam.LeakGuard.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(LeakGuard.class)
class ApiVersionTest {

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void detectsTheNewestVersionTheServerHasByItsTokenEndpoint(ApiVersion serverVersion) {
        try (VeeamTestServer vb = VeeamTestServer.start(serverVersion)) {
            VeeamClient client = vb.client();

            assertThat(client.apiVersion()).isEqualTo(serverVersion);
            assertThat(client.apiVersion()).isEqualTo(serverVersion);

            List<String> probed = vb.fake.tokenRequests().stream().map(r -> r.getUrl().encodedPath()).toList();
            List<String> expected = switch (serverVersion) {
                case V8 -> List.of("/v8/token");
                case V7 -> List.of("/v8/token", "/v7/token");
                case V6 -> List.of("/v8/token", "/v7/token", "/v6/token");
            };
            assertThat(probed).isEqualTo(expected);
            // v7+ want the antiforgery opt-out; v6 does not know the field
            assertThat(FakeVeeam.form(vb.fake.tokenRequests().get(probed.size() - 1)))
                    .containsEntry("grant_type", "password")
                    .satisfies(form -> {
                        if (serverVersion == ApiVersion.V6) {
                            assertThat(form).doesNotContainKey("disable_antiforgery_token");
                        } else {
                            assertThat(form).containsEntry("disable_antiforgery_token", "true");
                        }
                    });
        }
    }

    @Test
    void aPinnedVersionIsNotProbed() {
        try (VeeamTestServer vb = VeeamTestServer.start(ApiVersion.V7)) {
            VeeamClient client = vb.client(vb.options().withApiVersions(List.of(ApiVersion.V7)));

            assertThat(client.apiVersion()).isEqualTo(ApiVersion.V7);
            assertThat(vb.fake.tokenRequests()).extracting(r -> r.getUrl().encodedPath()).containsExactly("/v7/token");
        }
    }

    @Test
    void aServerWithNoKnownVersionIsAClearError() {
        try (VeeamTestServer vb = VeeamTestServer.start(ApiVersion.V6)) {
            VeeamClient client = vb.client(vb.options().withApiVersions(List.of(ApiVersion.V8, ApiVersion.V7)));

            NotFoundException e = failure(NotFoundException.class, client::apiVersion);

            assertThat(e.getMessage()).contains("none of the API versions [v8, v7]");
            assertThat(e.retryable()).isFalse();
        }
    }
}
