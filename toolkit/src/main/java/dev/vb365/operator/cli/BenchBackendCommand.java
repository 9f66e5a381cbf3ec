package dev.vb365.operator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.operator.embedded.DemoDirectory;
import dev.vb365.operator.embedded.LocalControlPlane;
import dev.vb365.operator.embedded.Sandbox;
import dev.vb365.simulator.Faults;
import dev.vb365.simulator.Simulator;
import dev.vb365.simulator.SimulatorOptions;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `bench-backend` (hidden): what `bench` measures against, in a JVM of its own so that its memory is not counted
 * as the operator's. Starts the VB365 simulator the operator talks to, a second simulator for the direct-client run
 * (same directory, same latency), and the embedded Kubernetes API with the CRDs and the connection Secret; prints
 * one line of JSON (URLs, credentials, CA files) and serves until its stdin closes, which happens when the parent
 * ends, however it ends.
 */
@Command(name = "bench-backend", hidden = true,
    description = "The simulator and Kubernetes API of `bench`, in a process of their own (started by bench).")
final class BenchBackendCommand implements Callable<Integer> {

  static final String NAMESPACE = "bench";
  static final String SECRET = "vb365";

  @Option(names = "--latency-ms", defaultValue = "0")
  long latencyMs;

  @Option(names = "--event-log-capacity", defaultValue = "10000")
  int eventLogCapacity;

  @Option(names = "--kubernetes", defaultValue = "embedded")
  KubernetesBackend kubernetes;

  private final PrintStream out;
  private final InputStream in;

  BenchBackendCommand(PrintStream out, InputStream in) {
    this.out = out;
    this.in = in;
  }

  @Override
  public Integer call() throws Exception {
    LoggingSetup.apply("WARN", LoggingSetup.Format.TEXT);
    LoggingSetup.setLevel("io.fabric8", "ERROR");
    Faults faults = latencyMs > 0 ? Faults.NONE.withLatencyMs(latencyMs) : Faults.NONE;
    SimulatorOptions options = SimulatorOptions.defaults().withFaults(faults).withEventLogCapacity(eventLogCapacity);
    Path work = Files.createTempDirectory("vb365-bench-backend-");
    if (kubernetes == KubernetesBackend.real) {
      return serveWithRealKubernetes(options, work);
    }
    try (Sandbox sandbox = Sandbox.start(options);
         Simulator direct = Simulator.start(SimulatorOptions.builder(options)
             .fixture(DemoDirectory.write(work.resolve("directory.json")))
             .caOut(work.resolve("direct-ca.pem")).build())) {
      sandbox.connectionSecret(NAMESPACE, SECRET);
      ObjectNode line = new ObjectMapper().createObjectNode();
      line.put("kubernetesUrl", sandbox.kubernetes().url());
      line.put("namespace", NAMESPACE);
      line.put("secret", SECRET);
      line.set("operatorSimulator", simulator(sandbox.simulator()));
      line.set("directSimulator", simulator(direct));
      line.put("pid", ProcessHandle.current().pid());
      out.println(line);
      out.flush();
      // Serve until the parent closes our stdin (or dies, which closes it too).
      while (in.read() >= 0) {
        // nothing to read: the parent never writes
      }
      return Main.EXIT_OK;
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (java.io.IOException | RuntimeException ignored) {
        // a temporary directory
      }
    }
  }

  /** The same backend, with a real kube-apiserver and etcd on loopback instead of the embedded API. */
  private Integer serveWithRealKubernetes(SimulatorOptions options, Path work) throws Exception {
    try (LocalControlPlane plane = LocalControlPlane.start(LocalControlPlane.Options.defaults());
         Simulator operatorSide = Simulator.start(SimulatorOptions.builder(options)
             .fixture(DemoDirectory.write(work.resolve("directory.json")))
             .caOut(work.resolve("operator-ca.pem")).build());
         Simulator direct = Simulator.start(SimulatorOptions.builder(options)
             .fixture(DemoDirectory.write(work.resolve("direct-directory.json")))
             .caOut(work.resolve("direct-ca.pem")).build())) {
      plane.installCrds(Sandbox.CRD_RESOURCES);
      Sandbox.connectionSecret(plane.adminClient(), operatorSide, NAMESPACE, SECRET);
      ObjectNode line = new ObjectMapper().createObjectNode();
      line.put("kubeconfig", plane.adminKubeconfig().toString());
      line.put("namespace", NAMESPACE);
      line.put("secret", SECRET);
      line.set("operatorSimulator", simulator(operatorSide));
      line.set("directSimulator", simulator(direct));
      line.put("pid", ProcessHandle.current().pid());
      out.println(line);
      out.flush();
      while (in.read() >= 0) {
        // serve until the parent closes our stdin
      }
      return Main.EXIT_OK;
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (java.io.IOException | RuntimeException ignored) {
        // a temporary directory
      }
    }
  }

  private static ObjectNode simulator(Simulator simulator) {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("url", simulator.baseUri().toString());
    node.put("apiVersion", simulator.apiVersion());
    node.put("username", simulator.username());
    node.put("password", simulator.password());
    node.put("caFile", simulator.caCertificateFile().toAbsolutePath().toString());
    return node;
  }
}
