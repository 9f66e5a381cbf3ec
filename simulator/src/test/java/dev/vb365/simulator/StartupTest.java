package dev.vb365.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vb365.simulator.model.Fixture;
import dev.vb365.simulator.testsupport.DefaultFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** TLS identity, the command line, and fixtures. */
class StartupTest {
  @TempDir
  Path tmp;

  @Test
  void servesACertificateForLocalhostAndLoopbackSignedByTheWrittenCa() throws Exception {
    Path ca = tmp.resolve("ca.pem");
    try (Simulator simulator = Simulator.start(SimulatorOptions.builder().caOut(ca).build())) {
      assertThat(simulator.caCertificateFile()).isEqualTo(ca);
      assertThat(Files.readString(ca)).startsWith("-----BEGIN CERTIFICATE-----");
      SimClient trusting = new SimClient(simulator, null);
      assertThat(trusting.get("/v8/Organizations").status()).isEqualTo(200);

      HttpClient verifying = HttpClient.newBuilder().sslContext(sslTrusting(simulator)).build();
      URI byIp = URI.create("https://127.0.0.1:" + simulator.baseUri().getPort() + "/_sim/info");
      assertThat(verifying.send(HttpRequest.newBuilder(byIp).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .as("the IP SAN passes host name verification").isEqualTo(200);

      HttpClient untrusting = HttpClient.newHttpClient();
      assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create(simulator.baseUri() + "/_sim/info"))
          .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
    }
  }

  private static javax.net.ssl.SSLContext sslTrusting(Simulator simulator) throws Exception {
    var cf = java.security.cert.CertificateFactory.getInstance("X.509");
    var ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
    ks.load(null, null);
    try (var in = Files.newInputStream(simulator.caCertificateFile())) {
      ks.setCertificateEntry("ca", cf.generateCertificate(in));
    }
    var tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    var ctx = javax.net.ssl.SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  @Test
  void servesAGivenKeystore() throws Exception {
    Path keystore = tmp.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isEqualTo(0);
    try (Simulator simulator = Simulator.start(SimulatorOptions.builder().keystore(keystore, "changeit")
        .caOut(tmp.resolve("their-ca.pem")).build())) {
      assertThat(new SimClient(simulator, null).get("/v8/Proxies").status()).isEqualTo(200);
    }
  }

  @Test
  void commandLineFlagsBecomeOptions() {
    SimulatorMain main = new SimulatorMain();
    new CommandLine(main).parseArgs("--port", "0", "--http", "--api", "v6", "--username", "u", "--password", "p",
        "--session-duration", "0.5", "--token-lifetime", "60", "--latency-ms", "10", "--error-rate", "0.1",
        "--error-status", "502", "--path-pattern", "Jobs", "--reset-rate", "0.2", "--throttle-token",
        "--session-outcome", "Warning", "--event-log-capacity", "50", "--lost-response-rate", "0.3");
    SimulatorOptions o = main.options();
    assertThat(o.http()).isTrue();
    assertThat(o.apiVersion()).isEqualTo(ApiVersion.V6);
    assertThat(o.username()).isEqualTo("u");
    assertThat(o.sessionDuration()).isEqualTo(Duration.ofMillis(500));
    assertThat(o.tokenLifetimeSeconds()).isEqualTo(60);
    assertThat(o.eventLogCapacity()).isEqualTo(50);
    assertThat(o.faults()).isEqualTo(new Faults(10L, null, 0.1, 502, "Jobs", 0.2, true, null, "Warning", 0.3));
    assertThat(o.toString()).doesNotContain("p,").doesNotContain("password=");
  }

  @Test
  void theDefaultFixtureHasTheDocumentedContentAndIds() {
    Fixture fixture = Fixture.loadDefault();
    var contoso = fixture.organizations().get(0);
    assertThat(contoso.id().toString()).isEqualTo(DefaultFixture.CONTOSO);
    assertThat(contoso.name()).isEqualTo(DefaultFixture.CONTOSO_NAME);
    assertThat(contoso.users()).hasSize(61);
    assertThat(contoso.users().stream().map(u -> u.name()).toList())
        .contains("alice@contoso.onmicrosoft.com", "bob@contoso.onmicrosoft.com", "intern@contoso.onmicrosoft.com",
            "user001@contoso.onmicrosoft.com", "user050@contoso.onmicrosoft.com");
    assertThat(contoso.users().get(0).id()).isEqualTo(DefaultFixture.ALICE);
    assertThat(contoso.groups().stream().map(g -> g.displayName() + "=" + g.name()).toList())
        .containsExactly("Finance=finance@contoso.onmicrosoft.com", "HR=hr@contoso.onmicrosoft.com",
            "Projects=projects@contoso.onmicrosoft.com", "All Staff=allstaff@contoso.onmicrosoft.com",
            "IT Admins=it-admins@contoso.onmicrosoft.com", "London Office=london@contoso.onmicrosoft.com");
    assertThat(contoso.groups().get(0).id()).isEqualTo(DefaultFixture.FINANCE_GROUP);
    assertThat(contoso.sites().stream().filter(s -> !s.isPersonal()).map(s -> s.url()).toList()).containsExactly(
        "https://contoso.sharepoint.com/sites/finance", "https://contoso.sharepoint.com/sites/hr",
        "https://contoso.sharepoint.com/sites/projects", "https://contoso.sharepoint.com/sites/intranet");
    assertThat(contoso.sites().get(0).id()).isEqualTo(DefaultFixture.FINANCE_SITE);
    assertThat(contoso.teams().stream().map(t -> t.displayName()).toList()).containsExactly("IT&Finance", "Sales", "Projects",
        "Support Desk");
    assertThat(contoso.teams().get(1).id().toString()).isEqualTo(DefaultFixture.SALES_TEAM);
    assertThat(fixture.organizations().get(1).name()).isEqualTo(DefaultFixture.FABRIKAM_NAME);
    assertThat(fixture.repositories().stream().map(r -> r.name()).toList())
        .containsExactly("Default Backup Repository", "Long-term Repository", "Archive Repository");
    assertThat(fixture.proxies().get(0).id().toString()).isEqualTo(DefaultFixture.PROXY);
  }

  @Test
  void theReadmeFixtureExampleLoads() throws IOException {
    Path readme = Path.of("").toAbsolutePath();
    while (!Files.exists(readme.resolve("README.md")) || !Files.exists(readme.resolve("simulator"))) {
      readme = readme.getParent();
    }
    String text = Files.readString(readme.resolve("README.md"));
    int start = text.indexOf("```json", text.indexOf("takes the same format")) + "```json".length();
    Path file = tmp.resolve("readme-fixture.json");
    Files.writeString(file, text.substring(start, text.indexOf("```", start)));
    Fixture fixture = Fixture.load(file);
    assertThat(fixture.organizations().get(0).users().get(0).displayName()).isEqualTo("Solo");
    assertThat(fixture.organizations().get(0).users().get(0).assignedLicenses())
        .extracting(l -> l.skuPartNumber() + "/" + l.detectedSkuType()).containsExactly("SPE_E3/Other");
    assertThat(fixture.organizations().get(0).users().get(1).type()).isEqualTo("Shared");
    assertThat(fixture.proxies().get(0).port()).isEqualTo(9193);
  }

  @Test
  void loadsAFixtureFileAndRejectsTypos() throws IOException {
    Path file = tmp.resolve("fixture.json");
    Files.writeString(file, """
        {"organizations": [{"id": "11111111-1111-1111-1111-111111111111", "name": "tiny.onmicrosoft.com",
          "users": [{"id": "u1", "name": "solo@tiny.onmicrosoft.com"}]}],
         "repositories": [{"id": "22222222-2222-2222-2222-222222222222", "name": "Only repo"}],
         "proxies": []}
        """);
    try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withFixture(file).withHttp(true))) {
      SimClient client = new SimClient(simulator, null);
      var users = client.get("/v8/Organizations/11111111-1111-1111-1111-111111111111/Users").json().get("results");
      assertThat(users).hasSize(1);
      assertThat(users.get(0).get("displayName").asText()).isEqualTo("solo@tiny.onmicrosoft.com");
      assertThat(client.post("/v8/Jobs", Map.of("name", "j", "organizationId", "11111111-1111-1111-1111-111111111111",
          "repositoryId", "22222222-2222-2222-2222-222222222222", "backupType", "SelectedItems",
          "selectedItems", List.of(Map.of("type", "User", "user", Map.of("id", "U1"))))).status()).isEqualTo(201);
    }
    Files.writeString(file, "{\"organisations\": []}");
    assertThatThrownBy(() -> Fixture.load(file)).hasMessageContaining("organisations");
    Files.writeString(file, """
        {"organizations": [{"id": "11111111-1111-1111-1111-111111111111", "name": "tiny.onmicrosoft.com",
          "users": [{"id": "u1", "name": "room@tiny.onmicrosoft.com", "type": "Room"}]}]}
        """);
    assertThatThrownBy(() -> Fixture.load(file)).hasMessageContaining("user type 'Room' is not one of User, Shared, Public");
  }
}
