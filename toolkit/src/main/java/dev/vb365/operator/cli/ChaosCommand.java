package dev.vb365.operator.cli;

import dev.vb365.operator.chaos.ChaosOptions;
import dev.vb365.operator.chaos.ChaosReport;
import dev.vb365.operator.chaos.ChaosScenario;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `chaos`: see {@link ChaosScenario}. */
@Command(name = "chaos",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Runs the operator through faults, with no cluster and no VB365 server, and checks that it converges.",
        "Starts a VB365 simulator and a Kubernetes API in this process, creates BackupJobs, JobItems and (for a "
            + "third of the BackupJobs) BackupCopyJobs, then edits and deletes some while the simulator injects 5xx "
            + "errors, connection resets, timeouts, latency jitter, lost responses (creates included), token "
            + "revocation and 429 on the token endpoint, Kubernetes answers a share of writes with 409 Conflict, "
            + "someone at the VB365 console edits and deletes copy jobs (and makes a few for BackupJobs without a "
            + "BackupCopyJob), and the operator is restarted several times. Then the faults stop and every invariant "
            + "is checked against the simulator's state: exactly one VB365 job per BackupJob and one copy job per "
            + "BackupCopyJob, items, schedules and copy settings as declared, nothing left behind by deleted "
            + "BackupJobs and BackupCopyJobs (unless Orphan), no copy job but those declared and those the console "
            + "made on purpose, every resource Ready, no unhandled exception in the logs. Exit code 0 when all hold, "
            + "1 if not.",
        ""})
final class ChaosCommand implements Callable<Integer> {

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "1000",
      description = "BackupJobs to create (about half get JobItems, a third a BackupCopyJob). "
          + "Default: ${DEFAULT-VALUE}.")
  int jobs;

  @Option(names = "--restarts", paramLabel = "N", defaultValue = "5",
      description = "Operator restarts while the faults last. Default: ${DEFAULT-VALUE}.")
  int restarts;

  @Option(names = "--fault-time", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
      description = "How long the faults and the workload last. Default: ${DEFAULT-VALUE}.")
  Duration faultTime;

  @Option(names = "--converge-timeout", paramLabel = "DURATION", defaultValue = "5m",
      converter = DurationConverter.class,
      description = "The longest wait for convergence after the faults stop. Default: ${DEFAULT-VALUE}.")
  Duration convergeTimeout;

  @Option(names = "--conflict-share", paramLabel = "SHARE", defaultValue = "0.1",
      description = "Share (0..1) of BackupJob/JobItem/BackupCopyJob writes answered 409 Conflict. "
          + "Default: ${DEFAULT-VALUE}.")
  double conflictShare;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "8",
      description = "Seed of the workload and of the order of the fault phases. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "WARN",
      description = "Level of the operator's own log lines. Default: ${DEFAULT-VALUE}.")
  String logLevel;

  private final PrintStream out;

  ChaosCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    LoggingSetup.apply(logLevel, LoggingSetup.Format.TEXT);
    // fabric8 warns that v1alpha1 is not a stable version; the run's verdict does not depend on these levels:
    // ERROR lines and unexpected stack traces are caught whatever is printed.
    LoggingSetup.setLevel("io.fabric8", "ERROR");
    ChaosOptions options;
    try {
      options = new ChaosOptions(jobs, restarts, faultTime, convergeTimeout, conflictShare, seed);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), e.getMessage());
    }
    ChaosReport report = new ChaosScenario(options, line -> out.println("chaos: " + line)).run();
    report.print(out);
    return report.passed() ? Main.EXIT_OK : Main.EXIT_FAILED;
  }
}
