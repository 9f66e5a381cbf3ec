package dev.vb365.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.simulator.testsupport.MutableClock;
import dev.vb365.simulator.testsupport.OpenApiContract;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /{v}/token: grants, expiry, refresh, revocation, the antiforgery token and throttling. */
class TokenTest {
  private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private static SimClient.Response login(SimClient client, String v, String body, Map<String, String> headers) {
    return client.send("POST", "/" + v + "/token", headers, body, true);
  }

  private static SimClient.Response getJobs(SimClient client, String v, String accessToken) {
    return client.send("GET", "/" + v + "/Jobs", Map.of("Authorization", "Bearer " + accessToken), null, true);
  }

  @Test
  void passwordGrantWorksWithFormAndJsonBodies() {
    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withCredentials("backup", "s3cret"))) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      SimClient.Response form = login(client, "v8",
          "grant_type=password&username=backup&password=s3cret&disable_antiforgery_token=true", FORM);
      assertThat(form.status()).isEqualTo(200);
      JsonNode token = form.json();
      assertThat(token.get("token_type").asText()).isEqualTo("bearer");
      assertThat(token.get("expires_in").asLong()).isEqualTo(3600);
      assertThat(token.get("userName").asText()).isEqualTo("backup");
      assertThat(getJobs(client, "v8", token.get("access_token").asText()).status()).isEqualTo(200);

      SimClient.Response json = login(client, "v8",
          "{\"grant_type\":\"password\",\"username\":\"backup\",\"password\":\"s3cret\"}", JSON);
      assertThat(json.status()).isEqualTo(200);

      SimClient.Response wrong = login(client, "v8", "grant_type=password&username=backup&password=nope", FORM);
      assertThat(wrong.status()).isEqualTo(400);
      assertThat(wrong.body()).doesNotContain("nope").doesNotContain("s3cret");
      assertThat(getJobs(client, "v8", "not-a-token").status()).isEqualTo(401);
      SimClient.Response none = client.send("GET", "/v8/Jobs", Map.of(), null, false);
      assertThat(none.status()).isEqualTo(401);
      assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
    }
  }

  @Test
  void tokensExpireAndRefreshTokensAreSingleUse() {
    MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withClock(clock).withTokenLifetimeSeconds(600))) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      JsonNode token = login(client, "v8", "grant_type=password&username=admin&password=admin", FORM).json();
      assertThat(token.get("expires_in").asLong()).isEqualTo(600);
      assertThat(token.get(".expires").asText()).isEqualTo("2025-03-01T08:10:00Z");
      String access = token.get("access_token").asText();

      clock.advance(Duration.ofSeconds(599));
      assertThat(getJobs(client, "v8", access).status()).isEqualTo(200);
      clock.advance(Duration.ofSeconds(1));
      assertThat(getJobs(client, "v8", access).status()).isEqualTo(401);

      String refresh = token.get("refresh_token").asText();
      SimClient.Response refreshed = login(client, "v8", "grant_type=refresh_token&refresh_token=" + refresh, FORM);
      assertThat(refreshed.status()).isEqualTo(200);
      assertThat(getJobs(client, "v8", refreshed.json().get("access_token").asText()).status()).isEqualTo(200);
      assertThat(login(client, "v8", "grant_type=refresh_token&refresh_token=" + refresh, FORM).status())
          .as("a refresh token works once").isEqualTo(400);
    }
  }

  @Test
  void revokingInvalidatesEveryTokenAndTheLifetimeFaultApplies() {
    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults())) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      JsonNode token = login(client, "v8", "grant_type=password&username=admin&password=admin", FORM).json();
      SimClient.Response revoke = client.send("POST", "/_sim/tokens/revoke", Map.of(), null, false);
      assertThat(revoke.status()).isEqualTo(204);
      assertThat(getJobs(client, "v8", token.get("access_token").asText()).status()).isEqualTo(401);
      assertThat(login(client, "v8", "grant_type=refresh_token&refresh_token=" + token.get("refresh_token").asText(),
          FORM).status()).isEqualTo(400);

      simulator.setFaults(Faults.NONE.withTokenLifetimeSeconds(5));
      assertThat(login(client, "v8", "grant_type=password&username=admin&password=admin", FORM).json()
          .get("expires_in").asLong()).isEqualTo(5);
    }
  }

  @Test
  void v7BindsTokensToAnAntiforgeryTokenUnlessDisabled() {
    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withApiVersion(ApiVersion.V7))) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v7"));
      SimClient.Response bound = login(client, "v7", "grant_type=password&username=admin&password=admin", FORM);
      String access = bound.json().get("access_token").asText();
      String xsrf = bound.header("X-XSRF-TOKEN");
      assertThat(xsrf).isNotBlank();
      assertThat(bound.header("Set-Cookie")).startsWith("XSRF-TOKEN=" + xsrf);
      String org = "/v7/Organizations/" + dev.vb365.simulator.testsupport.DefaultFixture.CONTOSO + "/Jobs";
      String body = "{\"name\":\"x\",\"backupType\":\"EntireOrganization\",\"repositoryId\":\""
          + dev.vb365.simulator.testsupport.DefaultFixture.DEFAULT_REPOSITORY + "\"}";
      assertThat(getJobs(client, "v7", access).status()).as("reads need no antiforgery token").isEqualTo(200);
      SimClient.Response refused = client.send("POST", org,
          Map.of("Authorization", "Bearer " + access, "Content-Type", "application/json"), body, true);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().get("message").asText()).contains("antiforgery");
      assertThat(client.send("POST", org, Map.of("Authorization", "Bearer " + access,
          "Content-Type", "application/json", "X-XSRF-TOKEN", xsrf), body, true).status()).isEqualTo(200);

      SimClient.Response unbound = login(client, "v7",
          "grant_type=password&username=admin&password=admin&disable_antiforgery_token=true", FORM);
      assertThat(unbound.header("X-XSRF-TOKEN")).isNull();
      assertThat(client.send("POST", org, Map.of("Authorization", "Bearer " + unbound.json().get("access_token").asText(),
          "Content-Type", "application/json"), body.replace("\"x\"", "\"y\""), true).status()).isEqualTo(200);
    }
  }

  @Test
  void throttledTokenEndpointAnswers429WithRetryAfter() {
    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults()
        .withFaults(Faults.NONE.withThrottleToken(true)))) {
      SimClient client = new SimClient(simulator, OpenApiContract.forVersion("v8"));
      String body = "grant_type=password&username=admin&password=admin";
      SimClient.Response first = login(client, "v8", body, FORM);
      assertThat(first.status()).isEqualTo(200);
      SimClient.Response throttled = login(client, "v8", body, FORM);
      assertThat(throttled.status()).isEqualTo(429);
      assertThat(throttled.json().get("message").asText()).isEqualTo("Quota Exceeded");
      assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 60);
      assertThat(getJobs(client, "v8", first.json().get("access_token").asText()).status())
          .as("other endpoints are not throttled").isEqualTo(200);
    }
  }
}
