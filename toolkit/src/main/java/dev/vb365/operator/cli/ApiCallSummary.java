package dev.vb365.operator.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The VB365 API calls of a run, grouped the way an administrator thinks of them (logins, lookups, reads,
 * writes, the change feed), from the simulator's counts by route ("PUT /v8/Jobs/{jobId}" = 3).
 */
final class ApiCallSummary {

  record Group(String name, Predicate<String> matches) {}

  private static final List<Group> GROUPS = List.of(
      new Group("log in", route -> route.matches("POST /v\\d/token")),
      new Group("change feed", route -> route.matches("GET /v\\d/Events")),
      new Group("directory lookups", route -> route.matches("GET /v\\d/(Organizations|BackupRepositories|Proxies).*")
          && !route.endsWith("/Jobs")),
      new Group("job reads", route -> route.startsWith("GET ")),
      new Group("job creates", route -> route.matches("POST /v\\d/(Organizations/\\{organizationId}/)?Jobs")),
      new Group("copy job creates", route -> route.matches("POST /v\\d/CopyJobs")),
      new Group("copy job changes", route -> route.matches("(PUT|DELETE) /v\\d/CopyJobs/\\{id}")
          || route.matches("POST /v\\d/CopyJobs/\\{id}/.*")),
      new Group("job runs", route -> route.matches("POST /v\\d/Jobs/\\{jobId}/(start|stop)")),
      new Group("job deletes", route -> route.matches("DELETE /v\\d/Jobs/\\{jobId}")),
      new Group("job changes", route -> true));

  private final Map<String, Long> counts;

  /** @param counts the simulator's counts minus the calls that were not the operator's */
  ApiCallSummary(Map<String, Long> counts) {
    this.counts = counts;
  }

  static Map<String, Long> minus(Map<String, Long> all, Map<String, Long> others) {
    Map<String, Long> out = new LinkedHashMap<>();
    all.forEach((route, n) -> {
      long left = n - others.getOrDefault(route, 0L);
      if (left > 0) {
        out.put(route, left);
      }
    });
    return out;
  }

  long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Calls that change something in VB365 (logging in does not). */
  long writes() {
    return counts.entrySet().stream().filter(e -> isWrite(e.getKey())).mapToLong(Map.Entry::getValue).sum();
  }

  static boolean isWrite(String route) {
    return !route.startsWith("GET ") && !GROUPS.get(0).matches().test(route);
  }

  String render(String indent) {
    Map<String, List<Map.Entry<String, Long>>> grouped = new LinkedHashMap<>();
    GROUPS.forEach(g -> grouped.put(g.name(), new ArrayList<>()));
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      GROUPS.stream().filter(g -> g.matches().test(e.getKey())).findFirst()
          .ifPresent(g -> grouped.get(g.name()).add(e));
    }
    StringBuilder out = new StringBuilder();
    grouped.forEach((name, routes) -> {
      if (routes.isEmpty()) {
        return;
      }
      routes.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey));
      long sum = routes.stream().mapToLong(Map.Entry::getValue).sum();
      for (int i = 0; i < routes.size(); i++) {
        Map.Entry<String, Long> route = routes.get(i);
        out.append(indent).append(String.format("%-18s %4s   %4d x %s%n", i == 0 ? name : "",
            i == 0 ? String.valueOf(sum) : "", route.getValue(), route.getKey()));
      }
    });
    return out.toString();
  }
}
