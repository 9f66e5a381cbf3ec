package dev.vb365.operator.realkube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a shell block of the user guide exactly as written: the {@code kubectl} parts with bash (the kubectl built
 * here first on the PATH, KUBECONFIG set), each {@code helm} command through helm-java (there is no helm binary
 * on the build machines), in the order the guide gives.
 */
final class DocumentedCommands {

  private DocumentedCommands() {
  }

  /** The first ```sh block after the heading line {@code heading} (e.g. "### Upgrade"). */
  static String block(Path markdown, String heading) {
    try {
      String text = Files.readString(markdown);
      int at = text.indexOf("\n" + heading + "\n");
      if (at < 0) {
        throw new IllegalStateException(markdown + " has no heading " + heading);
      }
      int start = text.indexOf("```sh\n", at);
      int end = text.indexOf("\n```", start + 6);
      return text.substring(start + 6, end + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the block: bash for everything but lines starting with {@code helm }, which go to {@code helm} as
   * arguments (continuation lines joined).
   */
  static void run(String block, Path workDir, Path kubectl, Path kubeconfig, Consumer<List<String>> helm) {
    StringBuilder script = new StringBuilder();
    List<String> lines = List.of(block.split("\n"));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("helm ")) {
        StringBuilder command = new StringBuilder(line);
        while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
          command.setLength(command.length() - 1);
          command.append(' ').append(lines.get(++i).trim());
        }
        bash(script.toString(), workDir, kubectl, kubeconfig);
        script.setLength(0);
        helm.accept(Arrays.stream(command.substring(5).trim().split("\\s+")).toList());
      } else {
        script.append(line).append('\n');
      }
    }
    bash(script.toString(), workDir, kubectl, kubeconfig);
  }

  private static void bash(String script, Path workDir, Path kubectl, Path kubeconfig) {
    if (script.isBlank()) {
      return;
    }
    try {
      Path log = Files.createTempFile("documented-", ".log");
      ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(workDir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("PATH", kubectl.getParent() + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
      env.put("KUBECONFIG", kubeconfig.toString());
      Process process = builder.start();
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("did not finish in 180 s:\n" + script + "\n" + Files.readString(log));
      }
      String out = Files.readString(log);
      Files.delete(log);
      System.out.println("$ " + script.strip().replace("\n", "\n$ ") + "\n" + out);
      if (process.exitValue() != 0) {
        throw new AssertionError("exited " + process.exitValue() + ":\n" + script + "\n" + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** helm arguments as parsed: the release, the chart (for install/upgrade), -n, --set, --reuse-values. */
  record HelmArgs(String verb, String release, String chart, String namespace, boolean reuseValues,
      List<String> sets) {

    static HelmArgs parse(List<String> args) {
      String verb = args.get(0);
      List<String> positional = new ArrayList<>();
      String namespace = "default";
      boolean reuse = false;
      List<String> sets = new ArrayList<>();
      for (int i = 1; i < args.size(); i++) {
        String a = args.get(i);
        switch (a) {
          case "-n", "--namespace" -> namespace = args.get(++i);
          case "--reuse-values" -> reuse = true;
          case "--set" -> sets.add(args.get(++i));
          case "--create-namespace" -> { }
          default -> {
            if (a.startsWith("-")) {
              throw new IllegalArgumentException("helm option " + a + " is not understood by the test's runner");
            }
            positional.add(a);
          }
        }
      }
      return new HelmArgs(verb, positional.get(0), positional.size() > 1 ? positional.get(1) : null, namespace,
          reuse, sets);
    }
  }
}
