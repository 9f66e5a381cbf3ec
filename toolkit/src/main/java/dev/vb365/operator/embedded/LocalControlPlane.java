package dev.vb365.operator.embedded;

import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Kubernetes control plane on loopback: etcd and kube-apiserver of {@link ControlPlaneBinaries#VERSION},
 * started as processes, with RBAC authorization, client-certificate and service-account token authentication
 * (TokenRequest works), and optionally an audit log of every request. What it does not run: a controller
 * manager (so no namespace finalization, no garbage collection of owner references, no default ServiceAccounts)
 * and no nodes (no pod ever runs). Each start has its own ports, certificates and etcd data directory.
 */
public final class LocalControlPlane implements AutoCloseable {

  /** The issuer and audience of service-account tokens, as in a cluster. */
  public static final String ISSUER = "https://kubernetes.default.svc.cluster.local";

  private final ControlPlaneBinaries binaries;
  private final Options options;
  private final Path dir;
  private final ControlPlaneCertificates certificates;
  private final int etcdPort;
  private final int etcdPeerPort;
  private final int apiPort;
  private final Path adminKubeconfig;
  private final Thread reaper = new Thread(this::destroyProcesses, "local-control-plane-reaper");
  private Process etcd;
  private Process apiServer;
  private KubernetesClient admin;

  /** What is started beyond the defaults. */
  public record Options(List<String> apiServerFlags, boolean auditLog, Duration startupTimeout) {
    public static Options defaults() {
      return new Options(List.of(), false, Duration.ofSeconds(90));
    }

    /** Every request (user, verb, resource, response code) in {@link #auditLog()}, at Metadata level. */
    public Options withAuditLog() {
      return new Options(apiServerFlags, true, startupTimeout);
    }

    public Options withApiServerFlags(String... flags) {
      List<String> all = new ArrayList<>(apiServerFlags);
      all.addAll(List.of(flags));
      return new Options(List.copyOf(all), auditLog, startupTimeout);
    }
  }

  private LocalControlPlane(ControlPlaneBinaries binaries, Options options, Path dir) {
    this.binaries = binaries;
    this.options = options;
    this.dir = dir;
    this.certificates = ControlPlaneCertificates.generate(dir.resolve("pki"));
    this.etcdPort = freePort();
    this.etcdPeerPort = freePort();
    this.apiPort = freePort();
    this.adminKubeconfig = dir.resolve("admin.kubeconfig");
  }

  /** Starts etcd and kube-apiserver (building the binaries first when they are missing) and waits until ready. */
  public static LocalControlPlane start(Options options) {
    ControlPlaneBinaries binaries = ControlPlaneBinaries.provision();
    Path dir;
    try {
      dir = Files.createTempDirectory("vb365-kube-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LocalControlPlane plane = new LocalControlPlane(binaries, options, dir);
    Runtime.getRuntime().addShutdownHook(plane.reaper);
    try {
      plane.startEtcd();
      plane.writeKubeconfig(plane.adminKubeconfig, plane.adminUser());
      plane.startApiServer();
      return plane;
    } catch (RuntimeException e) {
      plane.close();
      throw e;
    }
  }

  public static LocalControlPlane start() {
    return start(Options.defaults());
  }

  public ControlPlaneBinaries binaries() {
    return binaries;
  }

  public URI url() {
    return URI.create("https://127.0.0.1:" + apiPort);
  }

  /** The CA that signed the API server's certificate (what a pod finds in its ServiceAccount's ca.crt). */
  public Path caCertificate() {
    return certificates.caCert();
  }

  /** A kubeconfig of a cluster administrator (client certificate in group system:masters). */
  public Path adminKubeconfig() {
    return adminKubeconfig;
  }

  /** A client of a cluster administrator; closed with the control plane. */
  public synchronized KubernetesClient adminClient() {
    if (admin == null) {
      admin = client(adminKubeconfig);
    }
    return admin;
  }

  /** A new client for a kubeconfig file; the caller closes it. */
  public static KubernetesClient client(Path kubeconfig) {
    try {
      return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A token of a ServiceAccount from the TokenRequest API, as a pod's projected token would be. */
  public String serviceAccountToken(String namespace, String serviceAccount, Duration lifetime) {
    TokenRequest request = new TokenRequestBuilder().withNewSpec().withAudiences(ISSUER)
        .withExpirationSeconds(lifetime.toSeconds()).endSpec().build();
    return adminClient().serviceAccounts().inNamespace(namespace).withName(serviceAccount).tokenRequest(request)
        .getStatus().getToken();
  }

  /** Writes a kubeconfig that authenticates with a bearer token (e.g. a ServiceAccount's), namespace as given. */
  public Path tokenKubeconfig(String fileName, String token, String namespace) {
    Path file = dir.resolve(fileName);
    writeKubeconfig(file, "    token: " + token + "\n", namespace);
    return file;
  }

  /**
   * Creates the CRDs of the jar (the generated {@code META-INF/fabric8/<plural>.<group>-v1.yml}) and waits until the
   * server serves them (condition Established).
   */
  public void installCrds(List<String> classpathResources) {
    for (String resource : classpathResources) {
      try (java.io.InputStream in = LocalControlPlane.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is not on the class path");
        }
        adminClient().apiextensions().v1().customResourceDefinitions().load(in).createOr(
            io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Instant deadline = Instant.now().plus(options.startupTimeout());
    while (!adminClient().apiextensions().v1().customResourceDefinitions().list().getItems().stream()
        .filter(c -> classpathResources.stream().anyMatch(r -> r.contains(c.getMetadata().getName())))
        .allMatch(c -> c.getStatus() != null && c.getStatus().getConditions() != null && c.getStatus().getConditions()
            .stream().anyMatch(k -> k.getType().equals("Established") && k.getStatus().equals("True")))) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the CRDs were not Established within " + options.startupTimeout());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The audit log (JSON lines), when {@link Options#withAuditLog()} was given. */
  public Path auditLog() {
    return dir.resolve("audit.log");
  }

  /** The kube-apiserver's own output, for a failing test's report. */
  public Path apiServerLog() {
    return dir.resolve("kube-apiserver.log");
  }

  /**
   * Stops kube-apiserver and starts it again on the same port and etcd: every watch breaks, the watch cache starts
   * afresh; what is stored stays.
   */
  public synchronized void restartApiServer() {
    stop(apiServer);
    startApiServer();
  }

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close();
      admin = null;
    }
    destroyProcesses();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
    deleteTree(dir);
  }

  // ---- processes -----------------------------------------------------------------------------

  private void startEtcd() {
    String client = "http://127.0.0.1:" + etcdPort;
    String peer = "http://127.0.0.1:" + etcdPeerPort;
    etcd = launch("etcd", List.of(binaries.etcd().toString(), "--name=default",
        "--data-dir=" + dir.resolve("etcd"), "--listen-client-urls=" + client, "--advertise-client-urls=" + client,
        "--listen-peer-urls=" + peer, "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=default=" + peer, "--unsafe-no-fsync=true", "--log-level=warn"));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    awaitReady("etcd", etcd, dir.resolve("etcd.log"), () -> {
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(client + "/health"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      return health.statusCode() == 200 && health.body().contains("\"health\":\"true\"");
    });
  }

  private void startApiServer() {
    List<String> command = new ArrayList<>(List.of(binaries.kubeApiServer().toString(),
        "--etcd-servers=http://127.0.0.1:" + etcdPort,
        "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1", "--secure-port=" + apiPort,
        "--cert-dir=" + dir.resolve("apiserver-certs"),
        "--tls-cert-file=" + certificates.serverCert(), "--tls-private-key-file=" + certificates.serverKey(),
        "--client-ca-file=" + certificates.caCert(),
        "--authorization-mode=RBAC",
        "--service-account-issuer=" + ISSUER,
        "--service-account-key-file=" + certificates.serviceAccountKey(),
        "--service-account-signing-key-file=" + certificates.serviceAccountKey(),
        "--service-cluster-ip-range=10.0.0.0/24",
        // No controller manager creates the default ServiceAccounts this admission plugin waits for.
        "--disable-admission-plugins=ServiceAccount",
        // The kubernetes Service's endpoint would be 127.0.0.1, which Endpoints refuse (and nothing routes to it).
        "--endpoint-reconciler-type=none",
        "--allow-privileged=true", "--profiling=false"));
    if (options.auditLog()) {
      Path policy = dir.resolve("audit-policy.yaml");
      write(policy, """
          apiVersion: audit.k8s.io/v1
          kind: Policy
          omitStages: ["RequestReceived"]
          rules:
          - level: Metadata
          """);
      command.addAll(List.of("--audit-policy-file=" + policy, "--audit-log-path=" + auditLog(),
          "--audit-log-format=json", "--audit-log-maxbackup=0"));
    }
    command.addAll(options.apiServerFlags());
    apiServer = launch("kube-apiserver", command);
    HttpClient http = trustingClient();
    awaitReady("kube-apiserver", apiServer, apiServerLog(), () -> {
      // /readyz is public (system:public-info-viewer) and answers "ok" only after the post-start hooks,
      // RBAC's bootstrap roles among them, have run.
      HttpResponse<String> ready = http.send(HttpRequest.newBuilder(url().resolve("/readyz"))
          .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
      return ready.statusCode() == 200 && adminClient().namespaces().withName("default").get() != null;
    });
  }

  private Process launch(String name, List<String> command) {
    try {
      Path log = dir.resolve(name + ".log");
      return new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  @FunctionalInterface
  private interface Probe {
    boolean ready() throws Exception;
  }

  private void awaitReady(String name, Process process, Path log, Probe probe) {
    Instant deadline = Instant.now().plus(options.startupTimeout());
    Exception last = null;
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with code " + process.exitValue() + ": " + tail(log));
      }
      try {
        if (probe.ready()) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting " + name, e);
      } catch (Exception e) {
        last = e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting " + name, e);
      }
    }
    throw new IllegalStateException(name + " not ready within " + options.startupTimeout()
        + (last == null ? "" : " (last probe: " + causes(last) + ")") + ": " + tail(log));
  }

  /** An HTTP client that trusts this control plane's CA only (for the readiness probe). */
  private HttpClient trustingClient() {
    try (java.io.InputStream pem = Files.newInputStream(certificates.caCert())) {
      java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
          .generateCertificate(pem));
      javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
          javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      // HTTP/1.1: the JDK client's HTTP/2 meets GOAWAY from Go's server while it starts.
      return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context).connectTimeout(Duration.ofSeconds(2)).build();
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the control plane's CA " + certificates.caCert(), e);
    }
  }

  private static String causes(Throwable e) {
    StringBuilder out = new StringBuilder(e.toString());
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      out.append("; caused by ").append(t);
    }
    return out.toString();
  }

  private static void stop(Process process) {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void destroyProcesses() {
    stop(apiServer);
    stop(etcd);
  }

  // ---- files ---------------------------------------------------------------------------------

  private String adminUser() {
    return "    client-certificate-data: " + base64(certificates.adminCert()) + "\n"
        + "    client-key-data: " + base64(certificates.adminKey()) + "\n";
  }

  private void writeKubeconfig(Path file, String user) {
    writeKubeconfig(file, user, "default");
  }

  private void writeKubeconfig(Path file, String user, String namespace) {
    write(file, "apiVersion: v1\n"
        + "kind: Config\n"
        + "clusters:\n"
        + "- name: local\n"
        + "  cluster:\n"
        + "    server: " + url() + "\n"
        + "    certificate-authority-data: " + base64(certificates.caCert()) + "\n"
        + "users:\n"
        + "- name: user\n"
        + "  user:\n"
        + user
        + "contexts:\n"
        + "- name: local\n"
        + "  context:\n"
        + "    cluster: local\n"
        + "    user: user\n"
        + "    namespace: " + namespace + "\n"
        + "current-context: local\n");
  }

  private static String base64(Path file) {
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is not worth failing for
    }
  }
}
