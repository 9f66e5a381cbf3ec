package dev.vb365.operator.secretscan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;

/**
 * What the test suite produced, kept for {@link SuiteSecretScanTest}, which runs after all other
 * tests in a JVM of its own: every body the operator sent to Kubernetes (statuses, Events, patches),
 * the Events and statuses the harnesses saw when they closed, and every secret in play (passwords,
 * and each token a simulator issued). The log of the test JVM comes through {@link SuiteLogAppender}. Recording is on when the system property {@code vb365.secretScan.dir} is set
 * (the build sets it); the directory is emptied once per test JVM, unless {@code vb365.secretScan.append} is true
 * (the failsafe tier adds to what the surefire tier recorded).
 */
public final class SuiteRecord {

  public static final String DIR_PROPERTY = "vb365.secretScan.dir";
  static final String SECRETS = "secrets.txt";
  static final String KUBERNETES = "kubernetes-writes.txt";
  static final String OBJECTS = "kubernetes-objects.txt";
  /** Written through {@link SuiteLogAppender}, configured in logback-test.xml. */
  static final String LOG = "test-jvm-log.txt";

  private static final Path DIR = prepare();

  private SuiteRecord() {
  }

  private static Path prepare() {
    String dir = System.getProperty(DIR_PROPERTY);
    if (dir == null || dir.isBlank() || Boolean.getBoolean("vb365.secretScan.reading")) {
      return null;
    }
    Path path = Path.of(dir);
    try {
      Files.createDirectories(path);
      if (Boolean.getBoolean("vb365.secretScan.append")) {
        return path;
      }
      try (DirectoryStream<Path> old = Files.newDirectoryStream(path, "*.txt")) {
        for (Path file : old) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return path;
  }

  /** A value that must appear in no log line, Event or status (blank and short values are ignored). */
  public static void secret(String value) {
    if (value != null && !value.isBlank()) {
      append(SECRETS, value.replace("\n", " "));
    }
  }

  public static void secrets(Collection<String> values) {
    values.forEach(SuiteRecord::secret);
  }

  /** A request body the operator sent to Kubernetes ({@code method path}, then the body on one line). */
  public static void kubernetesWrite(String method, String path, String body) {
    append(KUBERNETES, method + " " + path + " " + oneLine(body));
  }

  /** An object (an Event, a BackupJob or JobItem with its status) as a harness saw it at its end. */
  public static void kubernetesObject(String kind, String json) {
    append(OBJECTS, kind + " " + oneLine(json));
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replace("\r", " ").replace("\n", " ");
  }

  /** A log line of this JVM (see {@link SuiteLogAppender}). */
  static void logLine(String line) {
    append(LOG, oneLine(line));
  }

  /** The log of a process a test started (an operator run as users run it), when the process has ended. */
  public static void processLog(Path file) {
    if (DIR == null || !Files.isRegularFile(file)) {
      return;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        append(LOG, oneLine(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final java.util.Map<String, java.io.Writer> WRITERS = new java.util.HashMap<>();

  private static synchronized void append(String file, String line) {
    if (DIR == null) {
      return;
    }
    try {
      java.io.Writer out = WRITERS.get(file);
      if (out == null) {
        out = Files.newBufferedWriter(DIR.resolve(file), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        WRITERS.put(file, out);
      }
      out.write(line);
      out.write('\n');
      out.flush(); // the JVM may end at any moment (surefire exits it); every line must be on disk
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
