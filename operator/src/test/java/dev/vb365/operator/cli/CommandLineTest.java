package dev.vb365.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.controller.OperatorSettings;
import dev.vb365.operator.controller.OperatorSettings.FeedMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The command line as users and the Helm chart drive it: flags, VB365_* variables, help, errors, exit codes. */
class CommandLineTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int execute(Map<String, String> env, String... args) {
    return Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Parses like the jar does (without running) and returns the run command's settings. */
  private static RunCommand parseRun(Map<String, String> env, String... args) {
    CommandLine cli = Main.commandLine(System.out, System.err, env);
    ParseResult result = cli.parseArgs(Main.withDefaultCommand(args));
    return (RunCommand) result.subcommand().commandSpec().userObject();
  }

  @Test
  void helpListsTheCommandsAndTheEnvironmentContract() {
    assertThat(execute(Map.of(), "--help")).isZero();
    assertThat(out()).contains("Usage: vb365-operator", "run", "export", "VB365_FOO_BAR", "vb365-toolkit.jar")
        .doesNotContain("bench", "chaos");
    assertThat(err()).isEmpty();
  }

  @Test
  void runHelpNamesEveryFlagWithItsDefault() {
    assertThat(execute(Map.of(), "run", "--help")).isZero();
    assertThat(out()).contains("--watch-namespaces", "--label-selector", "--default-connection-secret",
        "--http-port", "--leader-election", "--leader-election-namespace", "--leader-election-lease", "--log-level",
        "--log-format", "--resync-interval", "--feed", "--feed-poll-interval", "--concurrency",
        "--max-requests-per-server", "Default: 8080", "Default: 10m");
  }

  @Test
  void versionIsPrinted() {
    assertThat(execute(Map.of(), "--version")).isZero();
    assertThat(out()).startsWith("vb365-operator ");
  }

  @Test
  void withoutFlagsAndVariablesTheSettingsAreTheChartDefaults() {
    RunCommand run = parseRun(Map.of());
    assertThat(run.settings()).isEqualTo(OperatorSettings.defaults());
    assertThat(run.httpPort).isEqualTo(8080);
    assertThat(run.leaderElection).isFalse();
    assertThat(run.leaderElectionLease).isEqualTo("vb365-operator");
    assertThat(run.logFormat).isEqualTo(LoggingSetup.Format.TEXT);
  }

  @Test
  void optionsWithoutACommandMeanRun() {
    RunCommand run = parseRun(Map.of(), "--concurrency", "9");
    assertThat(run.settings().concurrency()).isEqualTo(9);
  }

  @Test
  void environmentVariablesSetTheOptionsAndFlagsWinOverThem() {
    Map<String, String> env = Map.of(
        "VB365_WATCH_NAMESPACES", "team-a, team-b",
        "VB365_CONCURRENCY", "7",
        "VB365_FEED", "poll",
        "VB365_FEED_POLL_INTERVAL", "15s",
        "VB365_RESYNC_INTERVAL", "1h");
    OperatorSettings fromEnv = parseRun(env).settings();
    assertThat(fromEnv.watchNamespaces()).containsExactly("team-a", "team-b");
    assertThat(fromEnv.concurrency()).isEqualTo(7);
    assertThat(fromEnv.feedMode()).isEqualTo(FeedMode.POLL);
    assertThat(fromEnv.feedPollInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(fromEnv.resyncInterval()).isEqualTo(Duration.ofHours(1));

    OperatorSettings flagsWin = parseRun(env, "run", "--watch-namespaces", "ops", "--concurrency", "2",
        "--feed", "events").settings();
    assertThat(flagsWin.watchNamespaces()).containsExactly("ops");
    assertThat(flagsWin.concurrency()).isEqualTo(2);
    assertThat(flagsWin.feedMode()).isEqualTo(FeedMode.EVENTS);
    assertThat(flagsWin.feedPollInterval()).as("still from the environment").isEqualTo(Duration.ofSeconds(15));
  }

  /** Every variable the chart's Deployment sets, with the values the chart renders, reaches the run command. */
  @Test
  void everyVariableTheHelmChartSetsIsHonoured() throws IOException {
    String deployment = Files.readString(chartDeployment());
    Matcher m = Pattern.compile("- name: (VB365_[A-Z_]+)").matcher(deployment);
    List<String> variables = new java.util.ArrayList<>();
    while (m.find()) {
      variables.add(m.group(1));
    }
    assertThat(variables).hasSizeGreaterThanOrEqualTo(14);
    CommandLine cli = Main.commandLine(System.out, System.err, Map.of());
    List<String> runOptions = cli.getSubcommands().get("run").getCommandSpec().options().stream()
        .map(o -> EnvironmentDefaults.variableFor(o.longestName())).toList();
    assertThat(runOptions).containsAll(variables);

    // The values as a chart with HA, two namespaces, JSON logs and a default connection renders them.
    Map<String, String> env = new HashMap<>();
    env.put("VB365_WATCH_NAMESPACES", "team-a,team-b");
    env.put("VB365_LABEL_SELECTOR", "vb365.dev/shard=a");
    env.put("VB365_DEFAULT_CONNECTION_SECRET", "vb365-system/vb365-connection");
    env.put("VB365_HTTP_PORT", "9090");
    env.put("VB365_LEADER_ELECTION", "true");
    env.put("VB365_LEADER_ELECTION_NAMESPACE", "vb365-system");
    env.put("VB365_LEADER_ELECTION_LEASE", "backup-ops");
    env.put("VB365_LOG_LEVEL", "DEBUG");
    env.put("VB365_LOG_FORMAT", "json");
    env.put("VB365_RESYNC_INTERVAL", "5m");
    env.put("VB365_FEED", "events");
    env.put("VB365_FEED_POLL_INTERVAL", "30s");
    env.put("VB365_CONCURRENCY", "8");
    env.put("VB365_MAX_REQUESTS_PER_SERVER", "6");
    env.put("VB365_CLUSTER_NAME", "prod-east");
    assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(variables);
    RunCommand run = parseRun(env);
    assertThat(run.settings()).isEqualTo(new OperatorSettings(List.of("team-a", "team-b"), "vb365.dev/shard=a",
        "vb365-system/vb365-connection", FeedMode.EVENTS, Duration.ofSeconds(30), Duration.ofMinutes(5), 8, 6,
        "prod-east"));
    assertThat(run.httpPort).isEqualTo(9090);
    assertThat(run.leaderElection).isTrue();
    assertThat(run.leaderElectionNamespace).isEqualTo("vb365-system");
    assertThat(run.leaderElectionLease).isEqualTo("backup-ops");
    assertThat(run.logLevel).isEqualTo(RunCommand.LogLevel.DEBUG);
    assertThat(run.logFormat).isEqualTo(LoggingSetup.Format.JSON);

    // The chart's defaults render empty strings for "all"/"none" and false for leader election.
    Map<String, String> defaults = new HashMap<>(Map.of("VB365_WATCH_NAMESPACES", "", "VB365_LABEL_SELECTOR", "",
        "VB365_DEFAULT_CONNECTION_SECRET", "", "VB365_LEADER_ELECTION", "false", "VB365_LOG_LEVEL", "INFO",
        "VB365_LOG_FORMAT", "text", "VB365_FEED", "events", "VB365_FEED_POLL_INTERVAL", "60s"));
    defaults.putAll(Map.of("VB365_RESYNC_INTERVAL", "10m", "VB365_CONCURRENCY", "5",
        "VB365_MAX_REQUESTS_PER_SERVER", "4", "VB365_HTTP_PORT", "8080", "VB365_CLUSTER_NAME", ""));
    RunCommand chartDefaults = parseRun(defaults);
    assertThat(chartDefaults.settings()).isEqualTo(OperatorSettings.defaults());
    assertThat(chartDefaults.leaderElection).isFalse();
  }

  @Test
  void leaderElectionTakesAnExplicitFalseOnTheCommandLine() {
    assertThat(parseRun(Map.of("VB365_LEADER_ELECTION", "true"), "run", "--leader-election=false").leaderElection)
        .isFalse();
    assertThat(parseRun(Map.of(), "run", "--leader-election").leaderElection).isTrue();
  }

  @Test
  void anUnknownFlagIsAUsageErrorWithASuggestion() {
    assertThat(execute(Map.of(), "run", "--concurency", "3")).isEqualTo(2);
    assertThat(err()).contains("error: Unknown option: '--concurency'").contains("--concurrency")
        .contains("See 'vb365-operator run --help'");
    assertThat(out()).isEmpty();
  }

  @Test
  void aBadValueIsAUsageErrorThatNamesTheOption() {
    assertThat(execute(Map.of(), "run", "--resync-interval", "soon")).isEqualTo(2);
    assertThat(err()).contains("--resync-interval").contains("'soon' is not a duration");
  }

  @Test
  void aBadValueFromTheEnvironmentNamesTheVariable() {
    assertThat(execute(Map.of("VB365_CONCURRENCY", "many"), "run")).isEqualTo(2);
    assertThat(err()).contains("--concurrency").contains("'many'").contains("VB365_CONCURRENCY");
  }

  @Test
  void valuesTheSettingsRefuseAreUsageErrors() {
    assertThat(execute(Map.of(), "run", "--concurrency", "0")).isEqualTo(2);
    assertThat(err()).contains("concurrency must be at least 1");
    err.reset();
    assertThat(execute(Map.of(), "run", "--default-connection-secret", "just-a-name")).isEqualTo(2);
    assertThat(err()).contains("namespace/name");
    err.reset();
    assertThat(execute(Map.of(), "run", "--feed", "webhook")).isEqualTo(2);
    assertThat(err()).contains("--feed").contains("EVENTS, POLL");
  }

  @Test
  void aMissingKubeconfigIsAUsageError(@TempDir Path dir) {
    assertThat(execute(Map.of(), "run", "--kubeconfig", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(err()).contains("--kubeconfig").contains("is not a readable file");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertThat(execute(Map.of(), "deploy")).isEqualTo(2);
    assertThat(err()).contains("Unmatched argument").contains("deploy");
  }

  @Test
  void exportNeedsItsRequiredOptionsAndAReadablePasswordFile(@TempDir Path dir) {
    assertThat(execute(Map.of(), "export", "--url", "https://vb365.example:4443")).isEqualTo(2);
    assertThat(err()).contains("Missing required options").contains("--username").contains("--password-file");
    err.reset();
    assertThat(execute(Map.of(), "export", "--url", "https://vb365.example:4443", "--username", "u",
        "--password-file", dir.resolve("missing").toString())).isEqualTo(2);
    assertThat(err()).contains("cannot read --password-file");
    err.reset();
    // There is deliberately no --password: a password on the command line shows in `ps` and shell histories.
    assertThat(execute(Map.of(), "export", "--url", "https://x", "--username", "u", "--password", "hunter2",
        "--password-file", "f")).isEqualTo(2);
    assertThat(err()).contains("error: Unknown option: '--password'").doesNotContain("hunter2");
    err.reset();
    assertThat(execute(Map.of(), "export", "--url", "https://x", "--username", "u", "--password-file", "f",
        "--password=hunter2")).isEqualTo(2);
    assertThat(err()).contains("error: Unknown option: '--password'").doesNotContain("hunter2");
  }

  static Path chartDeployment() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("helm/vb365-operator"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("repository root with helm/vb365-operator").isNotNull();
    return dir.resolve("helm/vb365-operator/templates/deployment.yaml");
  }
}
