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
 *
 * <p>The Secret is read when a reconcile needs it (one GET), not from an informer: an informer would hold every
 * Secret of every watched namespace in memory (in cluster-wide mode all Secrets of the cluster: Helm releases,
 * tokens, TLS keys) and needs list and watch rights on them. A GET needs only {@code get}, which in namespaced mode
 * can be limited to the one default Secret by name. The price: a changed Secret is not an event, so it is used at
 * the BackupJob's next reconcile (a retry, the resync, or any change of the BackupJob).
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
   * Reads the BackupJob's Secret from the API server (empty: none named, or it does not exist).
   *
   * @throws ReconcileFailure SecretForbidden when the operator may not read it
   */
  Optional<io.fabric8.kubernetes.api.model.Secret> read(io.fabric8.kubernetes.client.KubernetesClient client,
      BackupJob job) {
    Optional<ResourceID> id = secretOf(job);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    String namespace = id.get().getNamespace().orElseThrow();
    try {
      return Optional.ofNullable(client.secrets().inNamespace(namespace).withName(id.get().getName()).get());
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      if (e.getCode() == 403) {
        throw new ReconcileFailure(Reasons.SECRET_FORBIDDEN, "the operator may not read Secret " + key(id.get())
            + " (its ServiceAccount needs get on secrets in namespace " + namespace + "; installed with the chart's "
            + "watchNamespaces, it reads Secrets only in those namespaces and the default connection Secret)",
            ReconcileFailure.Retry.TRANSIENT, null, null);
      }
      throw e;
    }
  }

  /**
   * @param secret the Secret named by {@link #secretOf}, as {@link #read} found it (empty: missing)
   * @throws ReconcileFailure SecretNotFound or SecretInvalid
   */
  VeeamConnection connection(BackupJob job, Optional<io.fabric8.kubernetes.api.model.Secret> secret) {
    ResourceID id = secretOf(job).orElseThrow(() -> ReconcileFailure.terminal(Reasons.SECRET_NOT_FOUND,
        "no connection: set spec.connection.secretRef.name to a Secret in namespace "
            + job.getMetadata().getNamespace() + " (the operator has no default connection)"));
    String name = key(id);
    io.fabric8.kubernetes.api.model.Secret found = secret.orElseThrow(() -> secretProblem(
        Reasons.SECRET_NOT_FOUND, "Secret " + name + " not found; it needs the keys url, username and password"));
    String url = value(found, URL, name, true);
    String username = value(found, USERNAME, name, true);
    // A file written by an editor ends with a line break, and kubectl create secret --from-file keeps it: a
    // password never ends with one on purpose.
    String password = withoutTrailingLineBreaks(value(found, PASSWORD, name, true));
    String ca = value(found, CA, name, false);
    String insecureText = value(found, INSECURE, name, false);
    boolean insecure = false;
    if (insecureText != null) {
      String flag = insecureText.trim().toLowerCase(Locale.ROOT);
      if (!flag.equals("true") && !flag.equals("false")) {
        throw secretProblem(Reasons.SECRET_INVALID, "Secret " + name + ": key " + INSECURE
            + " must be \"true\" or \"false\"");
      }
      insecure = flag.equals("true");
    }
    String urlProblem = VeeamConnection.urlProblem(url.trim(), "the keys username and password");
    if (urlProblem != null) {
      throw secretProblem(Reasons.SECRET_INVALID, "Secret " + name + ": key " + URL + " " + urlProblem
          + " (e.g. https://vb365.example.com:4443)");
    }
    if (ca != null && !ca.contains("-----BEGIN CERTIFICATE-----")) {
      throw secretProblem(Reasons.SECRET_INVALID, "Secret " + name + ": key " + CA
          + " is not a PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    if (ca != null) {
      requireCertificates(ca, name);
    }
    try {
      return new VeeamConnection(url.trim(), username.trim(), Secret.of(password), ca, insecure, timeouts);
    } catch (IllegalArgumentException e) {
      throw secretProblem(Reasons.SECRET_INVALID, "Secret " + name + ": key " + URL
          + " is not an http(s) URL with a host");
    }
  }

  /**
   * A Secret that is missing or wrong is retried with backoff (2 s, doubling up to 5 minutes): no event says when it
   * has been created or fixed.
   */
  private static ReconcileFailure secretProblem(String reason, String message) {
    return new ReconcileFailure(reason, message, ReconcileFailure.Retry.TRANSIENT, null, null);
  }

  private static String withoutTrailingLineBreaks(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }

  /** The CA bundle must parse: a broken one is the Secret's problem, not an error of the reconcile. */
  private static void requireCertificates(String pem, String name) {
    try {
      java.util.Collection<? extends java.security.cert.Certificate> certificates =
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(
              new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      if (certificates.isEmpty()) {
        throw new java.security.cert.CertificateException("no certificate in it");
      }
    } catch (java.security.cert.CertificateException e) {
      throw secretProblem(Reasons.SECRET_INVALID, "Secret " + name + ": key " + CA
          + " is not a valid PEM certificate bundle (" + e.getMessage() + ")");
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
        throw secretProblem(Reasons.SECRET_INVALID, "Secret " + name + ": key " + key
            + " is not valid base64");
      }
    } else if (secret.getStringData() != null) {
      value = secret.getStringData().get(key);
    }
    if (value != null && value.isBlank()) {
      value = null;
    }
    if (value == null && required) {
      throw secretProblem(Reasons.SECRET_INVALID, "Secret " + name + ": key " + key
          + " is missing or empty (needed: url, username, password; optional: ca.crt, insecureSkipTlsVerify)");
    }
    return value;
  }
}
