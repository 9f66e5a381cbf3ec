package dev.vb365.operator.embedded;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Kubernetes API a {@link Sandbox} runs on: the embedded stand-in (no install, what `demo` uses by default) or a
 * real kube-apiserver with etcd on loopback ({@link LocalControlPlane}, when the binaries are there).
 */
public interface KubernetesEndpoint extends AutoCloseable {

  /** An administrator's client; closed with the endpoint. */
  KubernetesClient client();

  /** The API's base URL. */
  String url();

  /** "embedded" or a real server's name and version, for what the demo prints. */
  String description();

  /** True for a real kube-apiserver (watches for kubectl get -w, OpenAPI v2 and v3, RBAC, schema and CEL). */
  boolean real();

  /** Installs the CRDs from the class path (META-INF/fabric8/...) and waits until they are served. */
  void installCrdResources(List<String> classpathResources);

  /** Writes an administrator's kubeconfig for kubectl to {@code file}. */
  Path writeKubeconfig(Path file) throws IOException;

  @Override
  void close();
}
