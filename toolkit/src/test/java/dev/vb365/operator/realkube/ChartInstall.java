package dev.vb365.operator.realkube;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The chart installed on a real API server with helm-java, and the operator run out of cluster the way its
 * Deployment would run it: the container's environment, and the chart's ServiceAccount's identity (a TokenRequest
 * token, as a pod's projected token), never an administrator's certificate.
 */
final class ChartInstall {

  static final String NAMESPACE = "vb365-system";

  final RealCluster cluster;
  final Release release;
  /** The chart's fullname: the name of its Deployment, ServiceAccount and (Cluster)Roles. */
  final String fullname;

  private ChartInstall(RealCluster cluster, Release release, String fullname) {
    this.cluster = cluster;
    this.release = release;
    this.fullname = fullname;
  }

  /** `helm install vb365 helm/vb365-operator -n vb365-system --create-namespace -f values.yaml`. */
  static ChartInstall install(RealCluster cluster, String valuesYaml) {
    return install(cluster, Repository.chart(), "vb365", valuesYaml);
  }

  static ChartInstall install(RealCluster cluster, Path chart, String releaseName, String valuesYaml) {
    InstallCommand install = new Helm(chart).install().withName(releaseName).withNamespace(NAMESPACE)
        .createNamespace().withKubeConfig(cluster.plane.adminKubeconfig());
    if (valuesYaml != null && !valuesYaml.isBlank()) {
      install.withValuesFile(write(cluster.dir.resolve("values-" + System.nanoTime() + ".yaml"), valuesYaml));
    }
    return new ChartInstall(cluster, install.call(), fullname(releaseName));
  }

  /** As the chart's helper computes it (no fullnameOverride): the release name if it holds the chart's name. */
  static String fullname(String releaseName) {
    return releaseName.contains("vb365-operator") ? releaseName : releaseName + "-vb365-operator";
  }

  String serviceAccountUser() {
    return AuditLog.serviceAccount(NAMESPACE, fullname);
  }

  /** A kubeconfig that authenticates as the chart's ServiceAccount, namespace the release's (as in the pod). */
  Path serviceAccountKubeconfig() {
    String token = cluster.plane.serviceAccountToken(NAMESPACE, fullname, Duration.ofHours(1));
    return cluster.plane.tokenKubeconfig("operator-" + System.nanoTime() + ".kubeconfig", token, NAMESPACE);
  }

  /** The operator container's environment as the installed Deployment sets it (the downward API resolved). */
  Map<String, String> environment() {
    Deployment deployment = cluster.admin().apps().deployments().inNamespace(NAMESPACE).withName(fullname).get();
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
      if (var.getValue() != null) {
        env.put(var.getName(), var.getValue());
      } else if (var.getValueFrom() != null && var.getValueFrom().getFieldRef() != null
          && "metadata.namespace".equals(var.getValueFrom().getFieldRef().getFieldPath())) {
        env.put(var.getName(), NAMESPACE);
      }
    }
    env.remove("JAVA_TOOL_OPTIONS"); // the container's JVM options (/tmp, heap share) are not this machine's
    return env;
  }

  /** The container's arguments (["run"]). */
  List<String> args() {
    return cluster.admin().apps().deployments().inNamespace(NAMESPACE).withName(fullname).get().getSpec()
        .getTemplate().getSpec().getContainers().get(0).getArgs();
  }

  /**
   * What the chart grants the operator's ServiceAccount, as "group/resource verb" (the shape {@link AuditLog}
   * reports use in): the rules of the Roles and ClusterRoles bound to it.
   */
  Set<String> granted() {
    Set<String> granted = new TreeSet<>();
    String sa = fullname;
    cluster.admin().rbac().clusterRoleBindings().list().getItems().stream()
        .filter(b -> b.getSubjects() != null && b.getSubjects().stream().anyMatch(s -> sa.equals(s.getName())
            && NAMESPACE.equals(s.getNamespace())))
        .forEach(b -> add(granted, cluster.admin().rbac().clusterRoles().withName(b.getRoleRef().getName()).get()
            .getRules()));
    cluster.admin().rbac().roleBindings().inAnyNamespace().list().getItems().stream()
        .filter(b -> b.getSubjects() != null && b.getSubjects().stream().anyMatch(s -> sa.equals(s.getName())
            && NAMESPACE.equals(s.getNamespace())))
        .forEach(b -> add(granted, "ClusterRole".equals(b.getRoleRef().getKind())
            ? cluster.admin().rbac().clusterRoles().withName(b.getRoleRef().getName()).get().getRules()
            : cluster.admin().rbac().roles().inNamespace(b.getMetadata().getNamespace())
                .withName(b.getRoleRef().getName()).get().getRules()));
    return granted;
  }

  private static void add(Set<String> granted, List<PolicyRule> rules) {
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            granted.add(group + "/" + resource + " " + verb);
          }
        }
      }
    }
  }

  static Path write(Path file, String text) {
    try {
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
