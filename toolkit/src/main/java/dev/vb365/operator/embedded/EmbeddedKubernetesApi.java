package dev.vb365.operator.embedded;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;

/**
 * A Kubernetes API on loopback for the demo, the benchmark and the end-to-end tests: fabric8's mock server in
 * CRUD mode (real create/get/list/watch/patch/delete semantics, resource versions, status subresources of
 * installed CRDs), with the discovery documents and Table output that real kubectl needs.
 *
 * <p>{@link EmbeddedApiDispatcher} makes it answer as a real API server does where the demo's users and kubectl
 * meet it (RFC 7386 merge patches, strict field validation, OpenAPI v3, protobuf of built-in kinds). Gaps that
 * remain, which callers must respect: no server-side apply (use client-side apply and JSON merge patches), no
 * schema types, CEL rules or RBAC enforced, and watches over WebSocket only (kubectl get -w is refused with a
 * message). Anything that depends on those is tested on a real kube-apiserver (the *IT tier).
 */
public final class EmbeddedKubernetesApi implements KubernetesEndpoint {

  /** The mock web server logs every request at INFO through java.util.logging; held so the level sticks. */
  private static final java.util.logging.Logger MOCK_SERVER_LOG = quiet("io.fabric8.mockwebserver");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  private final KubernetesMockServer server;
  private final EmbeddedApiDispatcher dispatcher;
  private final KubernetesClient client;

  private EmbeddedKubernetesApi(KubernetesMockServer server, EmbeddedApiDispatcher dispatcher) {
    this.server = server;
    this.dispatcher = dispatcher;
    this.client = server.createClient();
  }

  /** Starts on loopback; port 0 picks a free port. */
  public static EmbeddedKubernetesApi start(int port) {
    KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of());
    KubernetesMockServer[] self = new KubernetesMockServer[1];
    EmbeddedApiDispatcher dispatcher = new EmbeddedApiDispatcher(crud,
        () -> "127.0.0.1:" + self[0].getPort(), Clock.systemUTC());
    self[0] = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    self[0].init(InetAddress.getLoopbackAddress(), port);
    EmbeddedKubernetesApi api = new EmbeddedKubernetesApi(self[0], dispatcher);
    // As in every cluster; the UID of kube-system is the operator's default cluster identity.
    for (String namespace : List.of("default", "kube-system")) {
      api.client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
          .withName(namespace).withUid(java.util.UUID.randomUUID().toString()).endMetadata().build()).create();
    }
    return api;
  }

  /**
   * From now on, another writer changes a BackupJob or JobItem (an annotation) just before this share (0..1) of
   * the updates and patches of them (spec, metadata or status) is served: those based on the version read before
   * fail with 409 Conflict, as on a real API server when another writer got there first. 0 stops it.
   */
  public void injectConflicts(double share) {
    injectConflicts(share, java.util.Set.of("backupjobs", "jobitems"));
  }

  /**
   * As {@link #injectConflicts(double)}, for these kinds only (plurals: "backupjobs", "jobitems",
   * "backupcopyjobs").
   */
  public void injectConflicts(double share, java.util.Set<String> plurals) {
    dispatcher.injectConflicts(share, plurals);
  }

  /** How many writes {@link #injectConflicts} has made fail with 409 Conflict so far. */
  public long conflictsInjected() {
    return dispatcher.conflictsInjected();
  }

  /** A client for this API (shared; do not close it). */
  @Override
  public KubernetesClient client() {
    return client;
  }

  @Override
  public String description() {
    return "embedded";
  }

  @Override
  public boolean real() {
    return false;
  }

  @Override
  public void installCrdResources(List<String> classpathResources) {
    for (String resource : classpathResources) {
      try (InputStream in = EmbeddedKubernetesApi.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is not on the class path (the build generates it)");
        }
        installCrd(in);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** e.g. http://127.0.0.1:34567 */
  @Override
  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** Installs (creates or replaces) CRDs, e.g. the generated ones from the class path. */
  public void installCrds(List<CustomResourceDefinition> crds) {
    for (CustomResourceDefinition crd : crds) {
      client.apiextensions().v1().customResourceDefinitions().resource(crd).createOr(c -> c.update());
    }
  }

  /** Installs a CRD from YAML, e.g. META-INF/fabric8/backupjobs.backup.vb365.dev-v1.yml from the class path. */
  public void installCrd(InputStream yaml) {
    installCrds(List.of(client.apiextensions().v1().customResourceDefinitions().load(yaml).item()));
  }

  /** Writes a kubeconfig that points kubectl at this API (context "vb365-demo", namespace default). */
  @Override
  public Path writeKubeconfig(Path file) throws IOException {
    String kubeconfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: vb365-demo
          cluster:
            server: %s
        users:
        - name: vb365-demo
          user:
            token: demo
        contexts:
        - name: vb365-demo
          context:
            cluster: vb365-demo
            user: vb365-demo
            namespace: default
        current-context: vb365-demo
        """.formatted(url());
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, kubeconfig);
    return file;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
