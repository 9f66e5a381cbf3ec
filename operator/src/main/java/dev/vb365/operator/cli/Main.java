package dev.vb365.operator.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The entry point of the product, operator/target/vb365-operator.jar: `run` (the default) and `export`. The tools
 * (demo, bench, chaos) are toolkit/target/vb365-toolkit.jar ({@code ToolkitMain}), which shares the command-line
 * conventions set up here.
 * Exit codes: 0 done, 1 failed, 2 bad command line (a flag or an environment variable).
 */
@Command(name = "vb365-operator",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "Keeps Veeam Backup for Microsoft 365 backup jobs in line with BackupJob and JobItem resources. "
            + "Without a command it runs the operator (`run`).",
        ""},
    subcommands = {RunCommand.class, ExportCommand.class, CommandLine.HelpCommand.class},
    footer = {"",
        "Every long option can also be set by an environment variable: --foo-bar is VB365_FOO_BAR (that is how "
            + "the Helm chart configures the operator). A flag wins over the variable.",
        "",
        "To see it work without a cluster: java -jar toolkit/target/vb365-toolkit.jar demo"})
public final class Main implements Runnable {

  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILED = 1;
  public static final int EXIT_USAGE = 2;

  private static final Set<String> TOP_LEVEL_FLAGS = Set.of("-h", "--help", "-V", "--version");

  public static void main(String[] args) {
    int code = execute(args, System.out, System.err, System.getenv());
    // `run` and `demo --keep-running` return after their shutdown hook has cleaned up.
    System.exit(code);
  }

  /** Runs a command line as the jar does, with the given streams and environment; returns the exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    CommandLine cli = commandLine(out, err, environment);
    return cli.execute(withDefaultCommand(args));
  }

  static CommandLine commandLine(PrintStream out, PrintStream err, Map<String, String> environment) {
    return configure(new CommandLine(new Main(), new CommandFactory(out, environment)), out, err, environment);
  }

  /** The conventions of every command line of the project: streams, VB365_* defaults, errors and exit codes. */
  static CommandLine configure(CommandLine cli, PrintStream out, PrintStream err, Map<String, String> environment) {
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpAutoWidth(true);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    // After the subcommands are added, so that it reaches all of them.
    cli.setDefaultValueProvider(new EnvironmentDefaults(environment));
    cli.setParameterExceptionHandler((e, args) -> usageError(e, environment));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + describe(e));
      return EXIT_FAILED;
    });
    return cli;
  }

  /** `run` is the default: no arguments, or options only, mean `run` with those options. */
  static String[] withDefaultCommand(String[] args) {
    if (args.length == 0 || (args[0].startsWith("-") && !TOP_LEVEL_FLAGS.contains(args[0]))) {
      return Stream.concat(Stream.of("run"), Stream.of(args)).toArray(String[]::new);
    }
    return args;
  }

  private static int usageError(ParameterException e, Map<String, String> environment) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    if (e instanceof UnmatchedArgumentException unmatched) {
      err.println("error: " + unmatchedMessage(unmatched));
      UnmatchedArgumentException.printSuggestions(unmatched, err);
    } else {
      err.println("error: " + e.getMessage() + fromEnvironment(e, environment));
    }
    err.println("See '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
    return EXIT_USAGE;
  }

  /**
   * picocli would also echo the value after an unknown option, and `--password hunter2` must not end up in a
   * terminal or a CI log: name the unknown options only.
   */
  private static String unmatchedMessage(UnmatchedArgumentException e) {
    List<String> options = e.getUnmatched().stream().filter(a -> a.startsWith("-"))
        .map(a -> "'" + a.split("=", 2)[0] + "'").toList();
    if (options.isEmpty()) {
      return "Unmatched argument" + (e.getUnmatched().size() == 1 ? " " : "s ")
          + e.getUnmatched().stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
    }
    return "Unknown option" + (options.size() == 1 ? ": " : "s: ") + String.join(", ", options);
  }

  /** A bad value that came from a VB365_* variable is easier to fix when the message says so. */
  private static String fromEnvironment(ParameterException e, Map<String, String> environment) {
    ArgSpec arg = e.getArgSpec();
    if (arg instanceof OptionSpec option && option.longestName().startsWith("--")) {
      String variable = EnvironmentDefaults.variableFor(option.longestName());
      String value = environment.get(variable);
      boolean onCommandLine = e.getCommandLine().getParseResult() != null
          && e.getCommandLine().getParseResult().hasMatchedOption(option);
      if (value != null && !value.isBlank() && !onCommandLine) {
        return " (from the environment variable " + variable + ")";
      }
    }
    return "";
  }

  /**
   * A message for a user, without a stack trace: the exception's message followed by those of its causes
   * that add something ("Error starting operator: leases.coordination.k8s.io is forbidden ...").
   */
  static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      String message = t.getMessage();
      if (message == null || message.isBlank()) {
        message = t.getClass().getSimpleName();
      }
      if (text.indexOf(message) < 0) {
        text.append(text.length() == 0 ? "" : ": ").append(message);
      }
    }
    return text.toString();
  }

  @Override
  public void run() {
    // Not reached: withDefaultCommand turns a bare invocation into `run`.
    throw new IllegalStateException("no command given");
  }

  /** Version from the jar's manifest; "development build" when run from classes. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"vb365-operator " + (version == null ? "(development build)" : version),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
  }

  /** Gives the commands the output stream and environment of this invocation (tests pass their own). */
  private record CommandFactory(PrintStream out, Map<String, String> environment) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == RunCommand.class) {
        return type.cast(new RunCommand(out));
      }
      if (type == ExportCommand.class) {
        return type.cast(new ExportCommand(out));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
