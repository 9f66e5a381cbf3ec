package dev.vb365.operator.controller;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.regex.Pattern;

/**
 * Which cluster this operator works for, as its ownership markers name it: the {@code --cluster-name} setting, else
 * the UID of the cluster's kube-system namespace (made once when the cluster is created, never reused: two clusters
 * applying the same manifests get different identities without anyone configuring anything). Read once at start.
 */
final class ClusterIdentity {

  /** What a cluster name may be: it ends up in VB365 job descriptions and in messages. */
  static final Pattern NAME = Pattern.compile("^[A-Za-z0-9]([-A-Za-z0-9._]{0,61}[A-Za-z0-9])?$");

  private ClusterIdentity() {
  }

  /** The configured name, or the kube-system namespace's UID; a clear failure when neither can be had. */
  static String resolve(KubernetesClient kubernetes, String configured) {
    if (configured != null) {
      return configured;
    }
    Namespace kubeSystem;
    try {
      kubeSystem = kubernetes.namespaces().withName("kube-system").get();
    } catch (KubernetesClientException e) {
      throw new IllegalStateException("cannot tell which cluster this is: reading the kube-system namespace "
          + (e.getCode() == 403 ? "is forbidden (the chart grants get on it unless clusterName is set)"
          : "failed (HTTP " + e.getCode() + ")") + "; set --cluster-name (VB365_CLUSTER_NAME, the chart's clusterName)",
          null);
    }
    if (kubeSystem == null || kubeSystem.getMetadata().getUid() == null) {
      throw new IllegalStateException("cannot tell which cluster this is: the API server has no kube-system namespace; "
          + "set --cluster-name (VB365_CLUSTER_NAME, the chart's clusterName)");
    }
    return kubeSystem.getMetadata().getUid();
  }
}
