package dev.vb365.operator.embedded;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A real kube-apiserver and etcd on loopback ({@link LocalControlPlane}) as a sandbox's Kubernetes API. */
final class RealKubernetesEndpoint implements KubernetesEndpoint {

  private final LocalControlPlane plane;

  RealKubernetesEndpoint(LocalControlPlane plane) {
    this.plane = plane;
  }

  @Override
  public KubernetesClient client() {
    return plane.adminClient();
  }

  @Override
  public String url() {
    return plane.url().toString();
  }

  @Override
  public String description() {
    return "kube-apiserver " + ControlPlaneBinaries.VERSION + " and etcd, real, on loopback";
  }

  @Override
  public boolean real() {
    return true;
  }

  @Override
  public void installCrdResources(List<String> classpathResources) {
    plane.installCrds(classpathResources);
  }

  /** The administrator kubeconfig carries its certificates inline, so a copy works from anywhere. */
  @Override
  public Path writeKubeconfig(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.copy(plane.adminKubeconfig(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  @Override
  public void close() {
    plane.close();
  }
}
