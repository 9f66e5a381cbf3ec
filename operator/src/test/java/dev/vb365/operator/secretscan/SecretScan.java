package dev.vb365.operator.secretscan;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks for secrets in what a test suite recorded ({@link SuiteRecord}): every line of the log,
 * every body sent to Kubernetes, every Event and status seen at the end. A secret counts in the
 * forms it could leak in: as is, URL-encoded (a login form) and base64 (a Basic header, a Secret's
 * data). Reports how much it read, so that a scan of nothing cannot pass for a clean one.
 */
final class SecretScan {

  /** Shorter values would match by chance (and no password or token used is this short). */
  static final int MIN_SECRET_LENGTH = 8;

  record Finding(String file, int line, String secretHint) {
    @Override
    public String toString() {
      return file + ":" + line + " contains a secret (" + secretHint + ")";
    }
  }

  record Result(int secrets, long logLines, long kubernetesWrites, long statusWrites, long eventWrites,
      long objects, List<Finding> findings) {
  }

  private SecretScan() {
  }

  static Result scan(Path dir) throws IOException {
    Set<String> secrets = secrets(dir.resolve(SuiteRecord.SECRETS));
    Set<String> forms = new LinkedHashSet<>();
    for (String s : secrets) {
      forms.add(s);
      forms.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
      forms.add(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
    }
    List<Finding> findings = new ArrayList<>();
    long[] log = scanFile(dir.resolve(SuiteRecord.LOG), forms, findings);
    long[] writes = scanFile(dir.resolve(SuiteRecord.KUBERNETES), forms, findings);
    long statusWrites = count(dir.resolve(SuiteRecord.KUBERNETES), "/status ");
    long eventWrites = count(dir.resolve(SuiteRecord.KUBERNETES), "/events");
    long[] objects = scanFile(dir.resolve(SuiteRecord.OBJECTS), forms, findings);
    return new Result(secrets.size(), log[0], writes[0], statusWrites, eventWrites, objects[0], findings);
  }

  private static Set<String> secrets(Path file) throws IOException {
    Set<String> secrets = new LinkedHashSet<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.length() >= MIN_SECRET_LENGTH) {
          secrets.add(line);
        }
      }
    }
    return secrets;
  }

  /** Prefix length of the index: every secret is at least this long. */
  private static final int KEY = 6;

  private static long[] scanFile(Path file, Set<String> forms, List<Finding> findings) throws IOException {
    if (!Files.exists(file)) {
      return new long[] {0};
    }
    // Many secrets (every issued token) times many lines: look secrets up by their first characters.
    java.util.Map<String, List<String>> byPrefix = new java.util.HashMap<>();
    for (String form : forms) {
      byPrefix.computeIfAbsent(form.substring(0, KEY), k -> new ArrayList<>()).add(form);
    }
    long lines = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lines++;
        for (int i = 0; i + KEY <= line.length(); i++) {
          List<String> candidates = byPrefix.get(line.substring(i, i + KEY));
          if (candidates == null) {
            continue;
          }
          for (String form : candidates) {
            if (line.startsWith(form, i)) {
              findings.add(new Finding(file.getFileName().toString(), (int) lines,
                  form.substring(0, 3) + "... (" + form.length() + " characters)"));
            }
          }
        }
      }
    }
    return new long[] {lines};
  }

  private static long count(Path file, String marker) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.substring(0, Math.min(l.length(), 300)).contains(marker)).count();
    }
  }
}
