package dev.vb365.operator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.operator.controller.OperatorSettings.FeedMode;
import dev.vb365.operator.embedded.ControlPlaneBinaries;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `bench`: see {@link Benchmark}; prints a table per feed mode and, with --json, one JSON object last. */
@Command(name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Measures the operator: time until N BackupJobs are Ready against the direct-client limit, VB365 calls by "
            + "kind and per job, steady-state calls per minute, drift detection latency, heap and RSS.",
        "The simulator and the Kubernetes API run in a child JVM; the operator runs in this one, so the memory "
            + "figures are the operator's.",
        ""})
final class BenchCommand implements Callable<Integer> {

  enum Feed { events, poll, both }

  @Spec
  private CommandSpec spec;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "1000", description = "BackupJobs. Default: ${DEFAULT-VALUE}.")
  int jobs;

  @Option(names = "--items", paramLabel = "M", defaultValue = "10",
      description = "Selected items per BackupJob (users, groups, sites, teams of one tenant, reused across jobs). "
          + "Default: ${DEFAULT-VALUE}.")
  int items;

  @Option(names = "--latency-ms", paramLabel = "L", defaultValue = "20",
      description = "Latency the simulator adds to every VB365 request. Default: ${DEFAULT-VALUE}.")
  long latencyMs;

  @Option(names = "--concurrency", paramLabel = "C", defaultValue = "8",
      description = "Requests per VB365 server (the operator runs 4 x C reconcile threads, which hold a server "
          + "slot only for their VB365 calls), and the direct client's parallelism. Default: ${DEFAULT-VALUE}.")
  int concurrency;

  @Option(names = "--feed", paramLabel = "events|poll|both", defaultValue = "both",
      description = "Feed mode(s) to measure; both: one after the other, each on a fresh backend. "
          + "Default: ${DEFAULT-VALUE}.")
  Feed feed;

  @Option(names = "--drift-edits", paramLabel = "K", defaultValue = "20",
      description = "Out-of-band edits timed for the drift latency. Default: ${DEFAULT-VALUE}.")
  int driftEdits;

  @Option(names = "--steady-seconds", paramLabel = "S", defaultValue = "60",
      description = "Seconds of steady state counted (scaled to per minute). Default: ${DEFAULT-VALUE}.")
  int steadySeconds;

  @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
      description = "The job list interval of --feed poll. Default: ${DEFAULT-VALUE}.")
  Duration pollInterval;

  @Option(names = "--resync-interval", paramLabel = "DURATION", defaultValue = "10m",
      converter = DurationConverter.class, description = "The operator's resync interval. Default: ${DEFAULT-VALUE}.")
  Duration resyncInterval;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
      description = "Longest wait for convergence, and for each drift correction. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(names = "--kubernetes", paramLabel = "embedded|real", defaultValue = "embedded",
      description = "embedded: fabric8's mock API (no install); real: kube-apiserver and etcd of Kubernetes "
          + ControlPlaneBinaries.VERSION + " started on loopback (tools/kube-binaries.sh builds them). "
          + "Default: ${DEFAULT-VALUE}.")
  KubernetesBackend kubernetes;

  @Option(names = "--json", description = "Also print the results as one JSON object, the last line of output.")
  boolean json;

  private final PrintStream out;

  BenchCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    if (jobs < 1 || items < 1 || items > Benchmark.maxItems() || concurrency < 1 || driftEdits < 0
        || steadySeconds < 1 || latencyMs < 0) {
      throw new ParameterException(spec.commandLine(), "need --jobs >= 1, 1 <= --items <= " + Benchmark.maxItems()
          + ", --concurrency >= 1, --drift-edits >= 0, --steady-seconds >= 1, --latency-ms >= 0");
    }
    LoggingSetup.apply("WARN", LoggingSetup.Format.TEXT);
    LoggingSetup.setLevel("io.fabric8", "ERROR");
    LoggingSetup.setLevel("io.javaoperatorsdk", "ERROR");
    Benchmark.Options options = new Benchmark.Options(jobs, items, latencyMs, concurrency, driftEdits,
        Duration.ofSeconds(steadySeconds), pollInterval, resyncInterval, timeout, kubernetes == KubernetesBackend.real);
    if (options.realKubernetes() && ControlPlaneBinaries.find().isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--kubernetes real needs kube-apiserver, etcd and kubectl "
          + ControlPlaneBinaries.VERSION + " in " + ControlPlaneBinaries.expected().directory()
          + ": run tools/kube-binaries.sh (builds them with Go) first");
    }
    List<FeedMode> modes = switch (feed) {
      case events -> List.of(FeedMode.EVENTS);
      case poll -> List.of(FeedMode.POLL);
      case both -> List.of(FeedMode.EVENTS, FeedMode.POLL);
    };
    out.printf("vb365-operator bench: %d BackupJobs x %d items, %d ms latency, concurrency %d, feed %s, %s Kubernetes "
        + "API%n", jobs, items, latencyMs, concurrency, feed, kubernetes);
    List<Benchmark.Result> results = new ArrayList<>();
    for (FeedMode mode : modes) {
      results.add(new Benchmark(options, line -> out.println("  " + line)).run(mode));
    }
    out.println();
    out.print(table(results));
    boolean complete = results.stream().allMatch(r -> r.completed);
    if (results.stream().anyMatch(r -> !r.missing.isEmpty())) {
      out.println();
      out.println(complete ? "Not measured:" : "Not every phase completed (exit 1):");
      results.forEach(r -> r.missing.forEach((k, v) -> out.println("  " + r.mode + " " + k + ": " + v)));
    }
    if (json) {
      out.println(json(results).toString());
    }
    out.flush();
    return complete ? Main.EXIT_OK : Main.EXIT_FAILED;
  }

  private String table(List<Benchmark.Result> results) {
    List<Row> rows = List.of(
        new Row("BackupJobs Ready after (s)", r -> fmt(r.convergeSeconds, 1)),
        new Row("direct-client limit (s)", r -> fmt(r.directSeconds, 1)),
        new Row("ratio (target <= 1.3)", r -> fmt(r.ratio, 2)),
        new Row("BackupJob creation in Kubernetes (s, not counted)", r -> fmt(r.createSeconds, 1)),
        new Row("Kubernetes API requests until Ready", r -> r.kubernetesRequests == null ? "null"
            : r.kubernetesRequests.toString()),
        new Row("  their service time, summed over threads (s)", r -> fmt(r.kubernetesSeconds, 1)),
        new Row("  wall time it was serving at least one (s, embedded only)", r -> fmt(r.kubernetesBusySeconds, 1)),
        new Row("reconcile threads (VB365 slots: --concurrency)", r -> Integer.toString(r.reconcileThreads)),
        new Row("VB365 calls until Ready", r -> r.calls == null ? "null" : r.calls.toString()),
        new Row("calls per job", r -> fmt(r.callsPerJob, 3)),
        new Row("calls per job beyond lookups (target <= 1.05)", r -> fmt(r.callsPerJobBeyondLookups, 3)),
        new Row("direct client calls", r -> r.directCalls == null ? "null" : r.directCalls.toString()),
        new Row("settling after Ready (s, until 3 s without job work)", r -> fmt(r.settleSeconds, 1)),
        new Row("steady calls per minute (events target <= 2)", r -> fmt(r.steadyCallsPerMinute, 1)),
        new Row("drift p50 (ms)", r -> fmt(r.driftP50Ms, 0)),
        new Row("drift p99 (ms, events target < 2000)", r -> fmt(r.driftP99Ms, 0)),
        new Row("operator heap after GC (MiB)", r -> fmt(r.heapMiB, 1)),
        new Row("operator RSS (MiB)", r -> fmt(r.rssMiB, 1)));
    StringBuilder text = new StringBuilder();
    text.append(String.format("%-60s", ""));
    results.forEach(r -> text.append(String.format("%14s", r.mode)));
    text.append('\n');
    for (Row row : rows) {
      text.append(String.format("%-60s", row.label()));
      results.forEach(r -> text.append(String.format("%14s", row.value().apply(r))));
      text.append('\n');
    }
    text.append("\nVB365 calls until Ready, by kind (lookups: token, Organizations..., BackupRepositories, Proxies)\n");
    TreeSet<String> kinds = new TreeSet<>();
    results.forEach(r -> kinds.addAll(r.callsByKind.keySet()));
    for (String kind : kinds) {
      text.append(String.format("  %-58s", kind + (Benchmark.LOOKUP.matcher(kind).matches() ? " (lookup)" : "")));
      results.forEach(r -> text.append(String.format("%14d", r.callsByKind.getOrDefault(kind, 0L))));
      text.append('\n');
    }
    text.append("Kubernetes API requests until Ready, by kind (count / service seconds)\n");
    kinds.clear();
    results.forEach(r -> kinds.addAll(r.kubernetesByKind.keySet()));
    for (String kind : kinds) {
      text.append(String.format("  %-58s", kind));
      results.forEach(r -> {
        BenchBackend.KubernetesFigure f = r.kubernetesByKind.get(kind);
        text.append(String.format(java.util.Locale.ROOT, "%14s", f == null ? "0" : f.count() + " / "
            + String.format(java.util.Locale.ROOT, "%.1f", f.seconds())));
      });
      text.append('\n');
    }
    text.append("Steady-state calls, by kind\n");
    kinds.clear();
    results.forEach(r -> kinds.addAll(r.steadyCallsByKind.keySet()));
    for (String kind : kinds) {
      text.append(String.format("  %-58s", kind));
      results.forEach(r -> text.append(String.format("%14d", r.steadyCallsByKind.getOrDefault(kind, 0L))));
      text.append('\n');
    }
    return text.toString();
  }

  private record Row(String label, Function<Benchmark.Result, String> value) {}

  private static String fmt(Double value, int decimals) {
    return value == null ? "null" : String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
  }

  private ObjectNode json(List<Benchmark.Result> results) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("jobs", jobs);
    root.put("items", items);
    root.put("latencyMs", latencyMs);
    root.put("concurrency", concurrency);
    root.put("driftEdits", driftEdits);
    root.put("steadySeconds", steadySeconds);
    root.put("pollIntervalSeconds", pollInterval.toMillis() / 1000.0);
    ObjectNode modes = root.putObject("modes");
    for (Benchmark.Result r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("convergeSeconds", r.convergeSeconds);
      m.put("directSeconds", r.directSeconds);
      m.put("ratio", r.ratio);
      m.put("createSeconds", r.createSeconds);
      m.put("calls", r.calls);
      m.put("callsPerJob", r.callsPerJob);
      m.put("callsPerJobBeyondLookups", r.callsPerJobBeyondLookups);
      m.put("callsByKind", r.callsByKind);
      m.put("directCalls", r.directCalls);
      m.put("directCallsByKind", r.directCallsByKind);
      m.put("settleSeconds", r.settleSeconds);
      m.put("steadyCallsPerMinute", r.steadyCallsPerMinute);
      m.put("steadyCallsByKind", r.steadyCallsByKind);
      m.put("driftP50Ms", r.driftP50Ms);
      m.put("driftP99Ms", r.driftP99Ms);
      m.put("driftSamplesMs", r.driftSamplesMs);
      m.put("kubernetes", r.kubernetes);
      m.put("kubernetesRequests", r.kubernetesRequests);
      m.put("kubernetesSeconds", r.kubernetesSeconds);
      m.put("kubernetesBusySeconds", r.kubernetesBusySeconds);
      m.put("kubernetesByKind", r.kubernetesByKind);
      m.put("reconcileThreads", r.reconcileThreads);
      m.put("heapMiB", r.heapMiB);
      m.put("rssMiB", r.rssMiB);
      m.put("completed", r.completed);
      m.put("missing", r.missing);
      m.put("backendPid", r.backendPid);
      modes.set(r.mode, mapper.valueToTree(m));
    }
    return root;
  }
}
