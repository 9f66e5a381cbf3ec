package dev.vb365.operator.cli;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * Asks the Kubernetes API for its version once, without retries, before the operator starts: an unreachable or
 * refusing API server is one line saying where the operator looked and why it failed, instead of the informers'
 * retries and stack traces.
 */
final class KubernetesReachability {

  /** A start-up failure whose message is the whole story (no cause chain to print). */
  static final class Unreachable extends RuntimeException {
    Unreachable(String message) {
      super(message, null, false, false);
    }
  }

  private KubernetesReachability() {
  }

  static void check(KubernetesClient kubernetes, Path kubeconfig) {
    String where = "the Kubernetes API at " + kubernetes.getMasterUrl() + (kubeconfig == null
        ? " (from KUBECONFIG, ~/.kube/config or the pod's service account; --kubeconfig names another)"
        : " (from " + kubeconfig + ")");
    try (KubernetesClient once = new KubernetesClientBuilder().withConfig(new ConfigBuilder(
        kubernetes.getConfiguration()).withRequestRetryBackoffLimit(0).withConnectionTimeout(10_000)
        .withRequestTimeout(10_000).build()).build()) {
      once.getKubernetesVersion();
    } catch (KubernetesClientException e) {
      throw new Unreachable("cannot reach " + where + ": " + why(e));
    }
  }

  private static String why(KubernetesClientException e) {
    if (e.getCode() == 401) {
      return "the credentials were refused (401 Unauthorized)";
    }
    if (e.getCode() == 403) {
      return "the credentials may not read /version (403 Forbidden)";
    }
    if (e.getCode() > 0) {
      return "it answered HTTP " + e.getCode();
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "could not connect (refused, or nothing listens there)";
      }
      if (t instanceof UnknownHostException) {
        return "unknown host";
      }
      if (t instanceof SSLException) {
        return "TLS handshake failed (" + t.getMessage() + ")";
      }
      if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
        return "no answer within 10 s";
      }
    }
    return String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
  }
}
