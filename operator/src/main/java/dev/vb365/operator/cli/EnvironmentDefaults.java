package dev.vb365.operator.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every long option can also be set by an environment variable named after it: `--watch-namespaces` is
 * `VB365_WATCH_NAMESPACES`. That is how the Helm chart configures the operator. A flag on the command line
 * wins over the variable, and the variable over the option's built-in default.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

  private final Map<String, String> environment;

  public EnvironmentDefaults(Map<String, String> environment) {
    this.environment = environment;
  }

  public static String variableFor(String longOption) {
    return "VB365_" + longOption.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (argSpec instanceof OptionSpec option && option.longestName().startsWith("--") && !option.usageHelp()
        && !option.versionHelp()) {
      String value = environment.get(variableFor(option.longestName()));
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return argSpec.defaultValue();
  }
}
