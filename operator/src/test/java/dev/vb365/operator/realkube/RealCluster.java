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
final class RealCluster {

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

  static synchronized RealCluster get() {
    if (shared == null) {
      try {
        LocalControlPlane plane = LocalControlPlane.start(LocalControlPlane.Options.defaults().withAuditLog());
        Runtime.getRuntime().addShutdownHook(new Thread(plane::close, "real-cluster-stop"));
        RealCluster cluster = new RealCluster(plane);
        cluster.installCrds(cluster.kubectl);
        shared = cluster;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
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
