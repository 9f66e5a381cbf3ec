package dev.vb365.operator.realkube;

import dev.vb365.operator.embedded.Kubectl;
import dev.vb365.operator.embedded.LocalControlPlane;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real control plane the *IT classes of one JVM share (started once, ~10 s): etcd and kube-apiserver with RBAC
 * and an audit log, the CRDs from crds/ applied with the real kubectl as the user guide says. Tests keep out of each
 * other's way by working in namespaces of their own ({@link #newNamespace}); tests that need a control plane with
 * other flags, or one they may restart, start their own {@link LocalControlPlane}.
 */
final class RealCluster implements AutoCloseable {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static RealCluster shared;

  final LocalControlPlane plane;
  final Path dir;
  final Kubectl kubectl;

  private RealCluster(LocalControlPlane plane) throws IOException {
    this.plane = plane;
    this.dir = Files.createTempDirectory("vb365-it-");
    this.kubectl = new Kubectl(plane.adminKubeconfig(), dir.resolve("kubectl-cache"));
  }

  /** The control plane the read-only tests of this JVM share (CRDs installed). */
  static synchronized RealCluster get() {
    if (shared == null) {
      RealCluster cluster = start(LocalControlPlane.Options.defaults().withAuditLog());
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "real-cluster-stop"));
      shared = cluster;
    }
    return shared;
  }

  /** A control plane of the caller's own (CRDs installed), for tests that run operators or change the cluster. */
  static RealCluster start(LocalControlPlane.Options options) {
    LocalControlPlane plane = LocalControlPlane.start(options);
    try {
      RealCluster cluster = new RealCluster(plane);
      cluster.installCrds(cluster.kubectl);
      return cluster;
    } catch (IOException | RuntimeException e) {
      plane.close();
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw (RuntimeException) e;
    }
  }

  static RealCluster start() {
    return start(LocalControlPlane.Options.defaults().withAuditLog());
  }

  @Override
  public void close() {
    plane.close();
  }

  AuditLog audit() {
    return AuditLog.read(plane.auditLog());
  }

  KubernetesClient admin() {
    return plane.adminClient();
  }

  /** A fresh namespace, named after the test, so that tests of one JVM never meet. */
  String newNamespace(String prefix) {
    String name = prefix + "-" + NAMESPACES.incrementAndGet();
    admin().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  /**
   * A connection Secret for the simulator, made as the chart's NOTES tell users: {@code kubectl create secret generic
   * NAME --from-literal=url=... --from-literal=username=... --from-file=password=... --from-file=ca.crt=...}.
   */
  void connectionSecret(String namespace, String name, dev.vb365.simulator.Simulator simulator) {
    try {
      Path password = Files.writeString(dir.resolve("password-" + System.nanoTime()), simulator.password());
      dev.vb365.operator.secretscan.SuiteRecord.secret(simulator.password());
      try {
        kubectl.ok("-n", namespace, "create", "secret", "generic", name,
            "--from-literal=url=" + simulator.baseUri(), "--from-literal=username=" + simulator.username(),
            "--from-file=password=" + password, "--from-file=ca.crt=" + simulator.caCertificateFile());
      } finally {
        Files.delete(password);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A kubeconfig for a ServiceAccount of its own, bound to {@code clusterRole} cluster-wide: an identity the audit log
   * tells apart from the test's administrator.
   */
  Path serviceAccountKubeconfig(String namespace, String name, String clusterRole) {
    admin().serviceAccounts().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model
        .ServiceAccountBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    admin().rbac().clusterRoleBindings().resource(new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder()
        .withNewMetadata().withName(namespace + "-" + name).endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", clusterRole)
        .addNewSubject().withKind("ServiceAccount").withName(name).withNamespace(namespace).endSubject().build())
        .create();
    String token = plane.serviceAccountToken(namespace, name, java.time.Duration.ofHours(1));
    return plane.tokenKubeconfig(namespace + "-" + name + ".kubeconfig", token, namespace);
  }

  /** The CRDs as the user guide installs them, waited for until Established. */
  void installCrds(Kubectl kubectl) {
    try {
      kubectl.ok("apply", "--server-side", "--force-conflicts", "-f", Repository.root().resolve("crds").toString());
      kubectl.ok("wait", "--for=condition=Established", "--timeout=60s", "crd/backupjobs.backup.vb365.dev",
          "crd/jobitems.backup.vb365.dev", "crd/backupcopyjobs.backup.vb365.dev");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
