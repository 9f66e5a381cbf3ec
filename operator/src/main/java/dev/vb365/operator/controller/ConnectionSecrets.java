package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.veeam.Secret;
import dev.vb365.operator.veeam.Timeouts;
import dev.vb365.operator.veeam.VeeamConnection;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The "connection" step: which Secret a BackupJob uses and the {@link VeeamConnection} it describes.
 * A BackupJob names a Secret of its own namespace (never another: tenants must not borrow each
 * other's credentials); one that names none uses the operator's default Secret, if configured.
 * Problems are conditions, never crashes, and messages name keys, never values.
 */
final class ConnectionSecrets {

  static final String URL = "url";
  static final String USERNAME = "username";
  static final String PASSWORD = "password";
  static final String CA = "ca.crt";
  static final String INSECURE = "insecureSkipTlsVerify";

  private final OperatorSettings settings;
  private final Timeouts timeouts;

  ConnectionSecrets(OperatorSettings settings, Timeouts timeouts) {
    this.settings = settings;
    this.timeouts = timeouts;
  }

  /** The Secret a BackupJob uses, or empty when it names none and there is no default. */
  Optional<ResourceID> secretOf(BackupJob job) {
    if (job.getSpec() != null && job.getSpec().getConnection() != null
        && job.getSpec().getConnection().getSecretRef() != null
        && job.getSpec().getConnection().getSecretRef().getName() != null) {
      return Optional.of(new ResourceID(job.getSpec().getConnection().getSecretRef().getName(),
          job.getMetadata().getNamespace()));
    }
    return settings.defaultConnectionSecretName()
        .map(name -> new ResourceID(name, settings.defaultConnectionSecretNamespace().orElseThrow()));
  }

  /** "namespace/name" of the Secret, the key of the index Secret to BackupJobs. */
  static String key(ResourceID id) {
    return id.getNamespace().orElse("") + "/" + id.getName();
  }

  /**
   * @param secret the Secret named by {@link #secretOf}, as the informer has it (empty: missing)
   * @throws ReconcileFailure SecretNotFound or SecretInvalid
   */
  VeeamConnection connection(BackupJob job, Optional<io.fabric8.kubernetes.api.model.Secret> secret) {
    ResourceID id = secretOf(job).orElseThrow(() -> ReconcileFailure.terminal(Reasons.SECRET_NOT_FOUND,
        "no connection: set spec.connection.secretRef.name to a Secret in namespace "
            + job.getMetadata().getNamespace() + " (the operator has no default connection)"));
    String name = key(id);
    io.fabric8.kubernetes.api.model.Secret found = secret.orElseThrow(() -> ReconcileFailure.terminal(
        Reasons.SECRET_NOT_FOUND, "Secret " + name + " not found; it needs the keys url, username and password"));
    String url = value(found, URL, name, true);
    String username = value(found, USERNAME, name, true);
    String password = value(found, PASSWORD, name, true);
    String ca = value(found, CA, name, false);
    String insecureText = value(found, INSECURE, name, false);
    boolean insecure = false;
    if (insecureText != null) {
      String flag = insecureText.trim().toLowerCase(Locale.ROOT);
      if (!flag.equals("true") && !flag.equals("false")) {
        throw ReconcileFailure.terminal(Reasons.SECRET_INVALID, "Secret " + name + ": key " + INSECURE
            + " must be \"true\" or \"false\"");
      }
      insecure = flag.equals("true");
    }
    if (!validUrl(url.trim())) {
      throw ReconcileFailure.terminal(Reasons.SECRET_INVALID, "Secret " + name + ": key " + URL
          + " is not an http(s) URL with a host (e.g. https://vb365.example.com:4443)");
    }
    if (ca != null && !ca.contains("-----BEGIN CERTIFICATE-----")) {
      throw ReconcileFailure.terminal(Reasons.SECRET_INVALID, "Secret " + name + ": key " + CA
          + " is not a PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    try {
      return new VeeamConnection(url.trim(), username.trim(), Secret.of(password), ca, insecure, timeouts);
    } catch (IllegalArgumentException e) {
      throw ReconcileFailure.terminal(Reasons.SECRET_INVALID, "Secret " + name + ": key " + URL
          + " is not an http(s) URL with a host");
    }
  }

  private static boolean validUrl(String url) {
    try {
      URI uri = URI.create(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
          && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
          && uri.getQuery() == null && uri.getUserInfo() == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A key of the Secret (data is base64; stringData is read too, for API servers that keep it). */
  private static String value(io.fabric8.kubernetes.api.model.Secret secret, String key, String name,
      boolean required) {
    String value = null;
    Map<String, String> data = secret.getData();
    if (data != null && data.get(key) != null) {
      try {
        value = new String(Base64.getDecoder().decode(data.get(key).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw ReconcileFailure.terminal(Reasons.SECRET_INVALID, "Secret " + name + ": key " + key
            + " is not valid base64");
      }
    } else if (secret.getStringData() != null) {
      value = secret.getStringData().get(key);
    }
    if (value != null && value.isBlank()) {
      value = null;
    }
    if (value == null && required) {
      throw ReconcileFailure.terminal(Reasons.SECRET_INVALID, "Secret " + name + ": key " + key
          + " is missing or empty (needed: url, username, password; optional: ca.crt, insecureSkipTlsVerify)");
    }
    return value;
  }
}
