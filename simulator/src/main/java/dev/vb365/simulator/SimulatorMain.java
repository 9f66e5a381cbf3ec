package dev.vb365.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar vb365-simulator.jar [options]}: runs a simulator until interrupted. */
@Command(name = "vb365-simulator", mixinStandardHelpOptions = true, sortOptions = false,
    description = "A stateful simulator of the Veeam Backup for Microsoft 365 REST API (v8, v7, v6).")
public final class SimulatorMain implements Callable<Integer> {
  @Option(names = "--port", description = "TCP port (0 = any free port). Default: ${DEFAULT-VALUE}")
  int port = 4443;

  @Option(names = "--bind", description = "Address to listen on. Default: the loopback address")
  String bind;

  @Option(names = "--http", description = "Serve plain HTTP instead of HTTPS")
  boolean http;

  @Option(names = "--api", description = "API version served: v8, v7 or v6. Default: ${DEFAULT-VALUE}")
  String api = "v8";

  @Option(names = "--fixture", description = "Fixture JSON file (default: the built-in contoso/fabrikam fixture)")
  Path fixture;

  @Option(names = "--username", description = "User name accepted by POST /{v}/token. Default: ${DEFAULT-VALUE}")
  String username = "admin";

  @Option(names = "--password", description = "Password accepted by POST /{v}/token. Default: admin")
  String password = "admin";

  @Option(names = "--keystore", description = "PKCS12 keystore to serve instead of a generated certificate")
  Path keystore;

  @Option(names = "--keystore-password", description = "Password of --keystore")
  String keystorePassword;

  @Option(names = "--ca-out", description = "Where to write the CA certificate (PEM). Default: a temporary file")
  Path caOut;

  @Option(names = "--token-lifetime", description = "Access token lifetime in seconds. Default: ${DEFAULT-VALUE}")
  int tokenLifetime = 3600;

  @Option(names = "--session-duration", description = "Seconds a started job session stays Running. Default: ${DEFAULT-VALUE}")
  double sessionSeconds = 2;

  @Option(names = "--event-log-capacity", description = "Events kept for GET /v8/Events. Default: ${DEFAULT-VALUE}")
  int eventLogCapacity = 10_000;

  @Option(names = "--latency-ms", description = "Fault: delay added to every API response")
  Long latencyMs;

  @Option(names = "--jitter-ms", description = "Fault: up to this many more milliseconds, at random")
  Long jitterMs;

  @Option(names = "--error-rate", description = "Fault: share (0..1) of API calls answered with --error-status")
  Double errorRate;

  @Option(names = "--error-status", description = "Fault: status of injected errors (default 503)")
  Integer errorStatus;

  @Option(names = "--path-pattern",
      description = "Fault: regex over the path; errors, resets and lost responses hit only matching paths")
  String pathPattern;

  @Option(names = "--reset-rate", description = "Fault: share (0..1) of API calls whose connection is dropped")
  Double resetRate;

  @Option(names = "--throttle-token", description = "Fault: enforce the token endpoint quotas (1/s, 5/min, 1500/h)")
  Boolean throttleToken;

  @Option(names = "--session-outcome", description = "How job sessions end: Success, Warning or Failed")
  String sessionOutcome;

  @Option(names = "--lost-response-rate",
      description = "Fault: share (0..1) of API calls processed, then dropped without an answer")
  Double lostResponseRate;

  /** The options the flags describe. */
  SimulatorOptions options() {
    Faults faults = new Faults(latencyMs, jitterMs, errorRate, errorStatus, pathPattern, resetRate, throttleToken,
        null, sessionOutcome, lostResponseRate);
    return SimulatorOptions.builder()
        .port(port).bindAddress(bind).http(http).apiVersion(ApiVersion.parse(api))
        .username(username).password(password).fixture(fixture)
        .tokenLifetimeSeconds(tokenLifetime).eventLogCapacity(eventLogCapacity).faults(faults)
        .sessionDuration(Duration.ofMillis(Math.round(sessionSeconds * 1000)))
        .keystore(keystore, keystorePassword).caOut(caOut)
        .build();
  }

  @Override
  public Integer call() throws InterruptedException {
    Simulator simulator = Simulator.start(options());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close();
      stopped.countDown();
    }, "vb365-sim-shutdown"));
    System.out.println("VB365 simulator serving API " + simulator.apiVersion() + " at " + simulator.baseUri() + "/"
        + simulator.apiVersion());
    if (simulator.caCertificateFile() != null) {
      System.out.println("CA certificate (PEM): " + simulator.caCertificateFile());
    }
    System.out.println("Log in as '" + simulator.username() + "' (POST " + simulator.baseUri() + "/"
        + simulator.apiVersion() + "/token); controls at " + simulator.baseUri() + "/_sim/. Ctrl+C stops.");
    System.out.flush();
    stopped.await();
    return 0;
  }

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "vb365-simulator-logback.xml");
    }
    CommandLine cli = new CommandLine(new SimulatorMain());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("vb365-simulator: " + e.getMessage());
      return 2;
    });
    int code = cli.execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
