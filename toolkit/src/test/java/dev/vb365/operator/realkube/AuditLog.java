package dev.vb365.operator.realkube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The kube-apiserver's audit log (one JSON event per line, stage ResponseComplete), as the tests question it. */
final class AuditLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request: who, what, where, and the answer's status code. */
  record Entry(String user, String verb, String apiGroup, String resource, String subresource, String namespace,
      String name, int code, String uri, java.time.Instant received) {

    /** "group/resource[/subresource] verb", the shape of an RBAC rule ("" for the core group). */
    String permission() {
      return apiGroup + "/" + resource + (subresource.isEmpty() ? "" : "/" + subresource) + " " + verb;
    }

    @Override
    public String toString() {
      return user + " " + verb + " " + uri + " -> " + code;
    }
  }

  private final List<Entry> entries;

  private AuditLog(List<Entry> entries) {
    this.entries = entries;
  }

  static AuditLog read(Path file) {
    List<Entry> entries = new ArrayList<>();
    try {
      if (!Files.exists(file)) {
        return new AuditLog(entries);
      }
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode event = JSON.readTree(line);
        if (!"ResponseComplete".equals(event.path("stage").asText())) {
          continue;
        }
        JsonNode ref = event.path("objectRef");
        entries.add(new Entry(event.at("/user/username").asText(), event.path("verb").asText(),
            ref.path("apiGroup").asText(""), ref.path("resource").asText(""), ref.path("subresource").asText(""),
            ref.path("namespace").asText(""), ref.path("name").asText(""),
            event.at("/responseStatus/code").asInt(), event.path("requestURI").asText(),
            java.time.Instant.parse(event.path("requestReceivedTimestamp").asText())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AuditLog(entries);
  }

  List<Entry> of(String user) {
    return entries.stream().filter(e -> e.user().equals(user)).toList();
  }

  /** The requests of {@code user} the server refused as forbidden. */
  List<Entry> forbidden(String user) {
    return of(user).stream().filter(e -> e.code() == 403).toList();
  }

  /** The permissions {@code user} exercised successfully (resource requests only). */
  Set<String> permissionsUsed(String user) {
    Set<String> used = new TreeSet<>();
    for (Entry e : of(user)) {
      if (!e.resource().isEmpty() && e.code() != 401 && e.code() != 403) { // a 404 or 409 was allowed too
        used.add(e.permission());
      }
    }
    return used;
  }

  static String serviceAccount(String namespace, String name) {
    return "system:serviceaccount:" + namespace + ":" + name;
  }
}
