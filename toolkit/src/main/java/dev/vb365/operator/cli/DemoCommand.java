package dev.vb365.operator.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `demo`: see {@link Demo}. */
@Command(name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Shows the operator at work, with no cluster and no VB365 server.",
        "Starts a VB365 simulator and a Kubernetes API in this process, applies examples/, changes a job behind "
            + "the operator's back to show drift correction, requests a run, and prints the VB365 API calls made. "
            + "Takes well under a minute.",
        ""})
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--keep-running",
      description = "After the examples converge, write a kubeconfig and keep serving until Ctrl+C, so that you can "
          + "use kubectl against it and poke the simulator.")
  boolean keepRunning;

  @Option(names = "--kubeconfig", paramLabel = "FILE", defaultValue = Demo.DEFAULT_KUBECONFIG,
      description = "Where --keep-running writes the kubeconfig. Default: ${DEFAULT-VALUE}.")
  Path kubeconfig;

  @Option(names = "--examples", paramLabel = "DIR", defaultValue = "examples",
      description = "The YAML to apply. Default: ${DEFAULT-VALUE} when it exists, else the examples bundled in the jar.")
  Path examples;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
      description = "The longest wait for any one step. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(names = "--kubernetes", paramLabel = "embedded|real", defaultValue = "embedded",
      description = "embedded (default): a stand-in Kubernetes API in this process, nothing to install; real: "
          + "kube-apiserver and etcd started on loopback from the binaries tools/kube-binaries.sh builds (or "
          + "kube-api-test downloads) into ~/.kubeapitest, for everything kubectl does (get -w among it).")
  KubernetesBackend kubernetes;

  private final PrintStream out;

  DemoCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    // The story is the output: library and operator logs only when something is wrong.
    LoggingSetup.apply("WARN", LoggingSetup.Format.TEXT);
    // fabric8 warns that v1alpha1 is not a stable version, JOSDK about informers stopping at the end.
    LoggingSetup.setLevel("io.fabric8", "ERROR");
    LoggingSetup.setLevel("io.javaoperatorsdk", "ERROR");
    Demo demo = new Demo(new Demo.Options(keepRunning, kubeconfig, examples, timeout,
        kubernetes == KubernetesBackend.real), out);
    Thread hook = new Thread(demo::close, "vb365-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (demo) {
      return demo.run();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook closes the demo
      }
    }
  }
}
