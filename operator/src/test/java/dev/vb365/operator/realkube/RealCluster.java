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

  /** The CRDs as the user guide installs them, waited for until Established. */
  void installCrds(Kubectl kubectl) {
    try {
      kubectl.ok("apply", "--server-side", "--force-conflicts", "-f", Repository.root().resolve("crds").toString());
      kubectl.ok("wait", "--for=condition=Established", "--timeout=60s", "crd/backupjobs.backup.vb365.dev",
          "crd/jobitems.backup.vb365.dev");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
