package dev.vb365.operator.embedded;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.JobItem;
import dev.vb365.simulator.Simulator;
import dev.vb365.simulator.SimulatorOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A VB365 server and a Kubernetes API on loopback, wired for the operator: the simulator over HTTPS (serving
 * {@link DemoDirectory}), the embedded Kubernetes API with the operator's CRDs installed from the class path,
 * and connection Secrets that point at the simulator and trust its CA. Used by `demo`, the benchmark and the
 * end-to-end tests; the operator itself is started by the caller.
 */
public final class Sandbox implements AutoCloseable {

  /** The CRDs the build generates into the class path (META-INF/fabric8). */
  public static final List<Class<? extends HasMetadata>> CUSTOM_RESOURCES = List.of(BackupJob.class, JobItem.class,
      dev.vb365.operator.api.BackupCopyJob.class);
  /** Their class-path resources. */
  public static final List<String> CRD_RESOURCES = CUSTOM_RESOURCES.stream()
      .map(type -> "/META-INF/fabric8/" + HasMetadata.getFullResourceName(type) + "-v1.yml").toList();

  private final Simulator simulator;
  private final KubernetesEndpoint kubernetes;
  private final Path workDir;

  private Sandbox(Simulator simulator, KubernetesEndpoint kubernetes, Path workDir) {
    this.simulator = simulator;
    this.kubernetes = kubernetes;
    this.workDir = workDir;
  }

  /**
   * Starts both on free ports. The simulator serves {@link DemoDirectory} unless {@code simulatorOptions} name a
   * fixture of their own.
   */
  public static Sandbox start(SimulatorOptions simulatorOptions) {
    return start(simulatorOptions, false);
  }

  /**
   * The same, on a real kube-apiserver and etcd started on loopback ({@link LocalControlPlane}; the binaries are
   * built first when missing) when {@code realKubernetes}, else on the embedded API.
   */
  public static Sandbox start(SimulatorOptions simulatorOptions, boolean realKubernetes) {
    Path workDir;
    try {
      workDir = Files.createTempDirectory("vb365-sandbox-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Simulator simulator = Simulator.start(SimulatorOptions.builder(simulatorOptions)
        .fixture(simulatorOptions.fixture() != null ? simulatorOptions.fixture()
            : DemoDirectory.write(workDir.resolve("directory.json")))
        .caOut(workDir.resolve("simulator-ca.pem"))
        .build());
    KubernetesEndpoint kubernetes;
    try {
      kubernetes = realKubernetes ? new RealKubernetesEndpoint(LocalControlPlane.start())
          : EmbeddedKubernetesApi.start(0);
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
    Sandbox sandbox = new Sandbox(simulator, kubernetes, workDir);
    try {
      sandbox.installCrds();
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
    return sandbox;
  }

  private void installCrds() {
    kubernetes.installCrdResources(CRD_RESOURCES);
  }

  /** The names of the installed CRDs, e.g. backupjobs.backup.vb365.dev. */
  public List<String> crdNames() {
    return CUSTOM_RESOURCES.stream().map(HasMetadata::getFullResourceName).toList();
  }

  /** A temporary directory of this sandbox's, deleted when it closes. */
  public Path workDir() {
    return workDir;
  }

  public Simulator simulator() {
    return simulator;
  }

  /** The Kubernetes API, embedded or real. */
  public KubernetesEndpoint endpoint() {
    return kubernetes;
  }

  /** The embedded Kubernetes API (conflict injection, its request tally); only for a sandbox that runs on it. */
  public EmbeddedKubernetesApi kubernetes() {
    if (kubernetes instanceof EmbeddedKubernetesApi embedded) {
      return embedded;
    }
    throw new IllegalStateException("this sandbox runs on a real kube-apiserver, not the embedded API");
  }

  public KubernetesClient client() {
    return kubernetes.client();
  }

  /**
   * Creates (or replaces) a Secret with the keys the operator reads (url, username, password, ca.crt), pointing
   * at the simulator; creates the namespace first if needed.
   */
  public Secret connectionSecret(String namespace, String name) {
    return connectionSecret(client(), simulator, namespace, name);
  }

  /** The same, for the simulator {@code simulator} on the Kubernetes API of {@code client}. */
  public static Secret connectionSecret(KubernetesClient client, Simulator simulator, String namespace, String name) {
    if (client.namespaces().withName(namespace).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
    Map<String, String> data = new LinkedHashMap<>();
    data.put("url", simulator.baseUri().toString());
    data.put("username", simulator.username());
    data.put("password", simulator.password());
    try {
      data.put("ca.crt", Files.readString(simulator.caCertificateFile(), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> encoded = new LinkedHashMap<>();
    data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    Secret secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withType("Opaque").withData(encoded).build();
    return client.secrets().resource(secret).createOr(NonDeletingOperation::update);
  }

  @Override
  public void close() {
    try {
      kubernetes.close();
    } finally {
      simulator.close();
      deleteQuietly(workDir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a temporary directory: the OS cleans up what is left
    }
  }
}
