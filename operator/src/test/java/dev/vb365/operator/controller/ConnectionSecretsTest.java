package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.ConnectionSpec;
import dev.vb365.operator.api.SecretReference;
import dev.vb365.operator.veeam.Timeouts;
import dev.vb365.operator.veeam.VeeamConnection;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionSecretsTest {

  private static final String PASSWORD = "correct horse battery staple";
  private final ConnectionSecrets secrets = new ConnectionSecrets(OperatorSettings.defaults(), Timeouts.defaults());

  private static BackupJob job(String secretName) {
    BackupJob job = new BackupJob();
    job.setMetadata(new ObjectMetaBuilder().withName("finance").withNamespace("contoso").build());
    BackupJobSpec spec = new BackupJobSpec();
    if (secretName != null) {
      spec.setConnection(new ConnectionSpec(new SecretReference(secretName)));
    }
    job.setSpec(spec);
    return job;
  }

  private static Secret secret(Map<String, String> values) {
    Map<String, String> data = new LinkedHashMap<>();
    values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder().withMetadata(new ObjectMetaBuilder().withName("vb365").withNamespace("contoso").build())
        .withData(data).build();
  }

  private static Map<String, String> complete() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("url", "https://vb365.example.com:4443/");
    values.put("username", "backup@contoso");
    values.put("password", PASSWORD);
    return values;
  }

  @Test
  void aCompleteSecretIsAConnection() {
    VeeamConnection connection = secrets.connection(job("vb365"), Optional.of(secret(complete())));

    assertThat(connection.baseUrl()).isEqualTo("https://vb365.example.com:4443");
    assertThat(connection.username()).isEqualTo("backup@contoso");
    assertThat(connection.password().reveal()).isEqualTo(PASSWORD);
    assertThat(connection.insecureSkipTlsVerify()).isFalse();
    assertThat(connection.caBundlePem()).isNull();
  }

  @Test
  void theSecretIsAlwaysInTheBackupJobsNamespaceElseTheDefault() {
    assertThat(secrets.secretOf(job("vb365"))).contains(new ResourceID("vb365", "contoso"));
    assertThat(secrets.secretOf(job(null))).isEmpty();
    ConnectionSecrets withDefault = new ConnectionSecrets(
        OperatorSettings.defaults().withDefaultConnectionSecret("vb365-system/vb365-default"), Timeouts.defaults());
    assertThat(withDefault.secretOf(job(null))).contains(new ResourceID("vb365-default", "vb365-system"));
    assertThat(withDefault.secretOf(job("own"))).contains(new ResourceID("own", "contoso"));
  }

  @Test
  void problemsNameTheKeyNeverTheValue() {
    Map<String, String> noPassword = complete();
    noPassword.remove("password");
    Map<String, String> badUrl = complete();
    badUrl.put("url", "ftp://" + PASSWORD);
    Map<String, String> badFlag = complete();
    badFlag.put("insecureSkipTlsVerify", "maybe");
    Map<String, String> badCa = complete();
    badCa.put("ca.crt", PASSWORD);

    assertFailure(noPassword, Reasons.SECRET_INVALID, "key password is missing or empty");
    assertFailure(badUrl, Reasons.SECRET_INVALID, "key url ");
    assertFailure(badFlag, Reasons.SECRET_INVALID, "key insecureSkipTlsVerify must be");
    assertFailure(badCa, Reasons.SECRET_INVALID, "key ca.crt is not a PEM certificate");
  }

  @Test
  void aMissingSecretOrNoneAtAllIsSecretNotFound() {
    assertThatThrownBy(() -> secrets.connection(job("vb365"), Optional.empty()))
        .isInstanceOfSatisfying(ReconcileFailure.class, f -> {
          assertThat(f.reason()).isEqualTo(Reasons.SECRET_NOT_FOUND);
          assertThat(f.getMessage()).contains("contoso/vb365");
          // Nothing announces the Secret's arrival (it is read, not watched): retried with backoff.
          assertThat(f.retry()).isEqualTo(ReconcileFailure.Retry.TRANSIENT);
        });
    // Naming no Secret with no default is the spec's problem: only a change of the BackupJob fixes it.
    assertThatThrownBy(() -> secrets.connection(job(null), Optional.empty()))
        .isInstanceOfSatisfying(ReconcileFailure.class, f -> {
          assertThat(f.getMessage()).contains("no connection");
          assertThat(f.retry()).isEqualTo(ReconcileFailure.Retry.TERMINAL);
        });
  }

  @Test
  void insecureAndStringDataAreUnderstood() {
    Secret stringData = new SecretBuilder().withMetadata(new ObjectMetaBuilder().withName("vb365").build())
        .withStringData(Map.of("url", "http://10.0.0.5:4443", "username", "u", "password", "p",
            "insecureSkipTlsVerify", "TRUE")).build();

    VeeamConnection connection = secrets.connection(job("vb365"), Optional.of(stringData));

    assertThat(connection.insecureSkipTlsVerify()).isTrue();
    assertThat(connection.baseUrl()).isEqualTo("http://10.0.0.5:4443");
  }

  private void assertFailure(Map<String, String> values, String reason, String message) {
    assertThatThrownBy(() -> secrets.connection(job("vb365"), Optional.of(secret(values))))
        .isInstanceOfSatisfying(ReconcileFailure.class, f -> {
          assertThat(f.reason()).isEqualTo(reason);
          assertThat(f.getMessage()).contains(message).contains("contoso/vb365").doesNotContain(PASSWORD);
        });
  }
}
