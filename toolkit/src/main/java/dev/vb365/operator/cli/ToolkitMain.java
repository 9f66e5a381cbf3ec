package dev.vb365.operator.cli;

import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of toolkit/target/vb365-toolkit.jar: the operator's tools, apart from the product: `demo`,
 * `bench` and `chaos` (plus the hidden `bench-backend` that `bench` starts as its child process). Same conventions as
 * the operator's own command line ({@link Main#configure}): VB365_* variables, exit codes 0, 1 and 2.
 */
@Command(name = "vb365-toolkit",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "The vb365-operator at work on this machine, with a VB365 simulator and a Kubernetes API of its own: "
            + "a demo, a benchmark and a chaos run. The operator itself is operator/target/vb365-operator.jar.",
        ""},
    subcommands = {DemoCommand.class, BenchCommand.class, ChaosCommand.class, BenchBackendCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"",
        "Every long option can also be set by an environment variable: --foo-bar is VB365_FOO_BAR. A flag wins "
            + "over the variable.",
        "",
        "Start here: java -jar toolkit/target/vb365-toolkit.jar demo"})
public final class ToolkitMain implements Runnable {

  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err, System.getenv()));
  }

  /** Runs a command line as the jar does, with the given streams and environment; returns the exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    CommandLine cli = Main.configure(new CommandLine(new ToolkitMain(), new Factory(out)), out, err, environment);
    return cli.execute(args.length == 0 ? new String[] {"--help"} : args);
  }

  @Override
  public void run() {
    // Not reached: a bare invocation prints the help.
    throw new IllegalStateException("no command given");
  }

  /** Gives the commands the output stream of this invocation (tests pass their own). */
  private record Factory(PrintStream out) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == DemoCommand.class) {
        return type.cast(new DemoCommand(out));
      }
      if (type == BenchCommand.class) {
        return type.cast(new BenchCommand(out));
      }
      if (type == BenchBackendCommand.class) {
        return type.cast(new BenchBackendCommand(out, System.in));
      }
      if (type == ChaosCommand.class) {
        return type.cast(new ChaosCommand(out));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
