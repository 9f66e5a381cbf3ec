package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.JobItem;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Horizontal scale: several operator instances on one cluster and one VB365 server split the work by
 * label selector or by namespace list, and never touch each other's resources. Each test starts the
 * first instance, lets it converge, checks that the second shard's resources are untouched (no
 * status, no finalizer, no Event, no VB365 job), then starts the second instance and checks that the
 * first shard's resources are not written again (same resourceVersion) and that each BackupJob has
 * exactly one VB365 job.
 */
class ShardTest {

  private static final String ITEM = """
      jobRef: {name: %s}
      type: User
      user: {name: %s@contoso.onmicrosoft.com}
      mailbox: true
      """;
  private static final String SPEC = """
      jobName: %s
      selectedItems:
      - type: User
        user: {name: alice@contoso.onmicrosoft.com}
      """;

  private static OperatorTestHarness harness;

  // The harness's own operator is shard "a" (label selector shard=a, all namespaces).
  @BeforeAll
  static void start() {
    harness = OperatorTestHarness.start(OperatorTestHarness.simulatorOptions(),
        OperatorTestHarness.settings().withLabelSelector("shard=a"), null);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void instancesWithDisjointLabelSelectorsNeverTouchEachOthersResources() {
    String ns = "shards";
    harness.connectionSecret(ns);
    Map<String, String> a = Map.of("shard", "a");
    Map<String, String> b = Map.of("shard", "b");
    harness.createBackupJob(ns, "a-job", SPEC.formatted("Shard A"), Map.of(), a);
    harness.createBackupJob(ns, "b-job", SPEC.formatted("Shard B"), Map.of(), b);
    harness.createJobItem(ns, "a-item", ITEM.formatted("a-job", "bob"), a);
    harness.createJobItem(ns, "b-item", ITEM.formatted("b-job", "bob"), b);
    // In shard a, but its BackupJob is in shard b: neither instance merges it or writes its status.
    harness.createJobItem(ns, "cross-item", ITEM.formatted("b-job", "intern"), a);

    harness.awaitReady(ns, "a-job");
    harness.awaitJobItem(ns, "a-item", "True", Reasons.IN_JOB);
    harness.settle(Duration.ofSeconds(1));
    assertUntouched(ns, "b-job", "b-item", "cross-item");
    assertThat(vb365JobsOf(ns, "b-job")).isEmpty();

    String aVersion = harness.get(ns, "a-job").getMetadata().getResourceVersion();
    int aEvents = harness.events(ns, "a-job").size();
    try (Instance second = new Instance(OperatorTestHarness.settings().withLabelSelector("shard=b"))) {
      BackupJob bJob = harness.awaitReady(ns, "b-job");
      harness.awaitJobItem(ns, "b-item", "True", Reasons.IN_JOB);
      harness.settle(Duration.ofSeconds(1));
      assertThat(bJob.getStatus().getSelectedItemCount()).isEqualTo(2); // alice and b-item's bob, not cross-item
      assertThat(harness.getJobItem(ns, "cross-item").getStatus()).isNull();
      assertThat(harness.get(ns, "a-job").getMetadata().getResourceVersion()).isEqualTo(aVersion);
      assertThat(harness.events(ns, "a-job")).hasSize(aEvents);
      assertThat(vb365JobsOf(ns, "a-job")).hasSize(1);
      assertThat(vb365JobsOf(ns, "b-job")).hasSize(1);
    }
  }

  @Test
  void instancesWithDisjointNamespacesNeverTouchEachOthersResources() {
    // No shard label: the harness's instance (shard=a) ignores all of these.
    String first = "tenant-one";
    String second = "tenant-two";
    harness.connectionSecret(first);
    harness.connectionSecret(second);
    harness.createBackupJob(first, "job", SPEC.formatted("Tenant one"));
    harness.createBackupJob(second, "job", SPEC.formatted("Tenant two"));
    harness.createJobItem(first, "item", ITEM.formatted("job", "bob"));
    harness.createJobItem(second, "item", ITEM.formatted("job", "bob"));

    try (Instance one = new Instance(OperatorTestHarness.settings().withWatchNamespaces(List.of(first)))) {
      harness.awaitReady(first, "job");
      harness.awaitJobItem(first, "item", "True", Reasons.IN_JOB);
      harness.settle(Duration.ofSeconds(1));
      assertUntouched(second, "job", "item");
      assertThat(vb365JobsOf(second, "job")).isEmpty();

      String firstVersion = harness.get(first, "job").getMetadata().getResourceVersion();
      int firstEvents = harness.events(first, "job").size();
      try (Instance two = new Instance(OperatorTestHarness.settings().withWatchNamespaces(List.of(second)))) {
        harness.awaitReady(second, "job");
        harness.awaitJobItem(second, "item", "True", Reasons.IN_JOB);
        harness.settle(Duration.ofSeconds(1));
        assertThat(harness.get(first, "job").getMetadata().getResourceVersion()).isEqualTo(firstVersion);
        assertThat(harness.events(first, "job")).hasSize(firstEvents);
        assertThat(vb365JobsOf(first, "job")).hasSize(1);
        assertThat(vb365JobsOf(second, "job")).hasSize(1);
      }
    }
  }

  private static void assertUntouched(String ns, String backupJob, String... jobItems) {
    BackupJob job = harness.get(ns, backupJob);
    assertThat(job.getStatus()).as("status of " + backupJob).isNull();
    assertThat(job.getMetadata().getFinalizers()).as("finalizers of " + backupJob).isNullOrEmpty();
    assertThat(harness.events(ns, backupJob)).as("Events about " + backupJob).isEmpty();
    for (String name : jobItems) {
      JobItem item = harness.getJobItem(ns, name);
      assertThat(item.getStatus()).as("status of JobItem " + name).isNull();
      assertThat(item.getMetadata().getFinalizers()).as("finalizers of JobItem " + name).isNullOrEmpty();
      assertThat(harness.events(ns, name)).as("Events about JobItem " + name).isEmpty();
    }
  }

  /** The VB365 jobs carrying the ownership marker of this BackupJob. */
  private static List<JsonNode> vb365JobsOf(String ns, String name) {
    return harness.admin.jobs().stream().filter(j -> OwnershipMarker.owner(j.path("description").asText())
        .filter(o -> o.namespace().equals(ns) && o.name().equals(name)).isPresent()).toList();
  }

  /** A second operator instance on the same Kubernetes API and VB365 server. */
  private static final class Instance implements AutoCloseable {
    private final KubernetesClient client;
    private final Vb365Operator operator;

    Instance(OperatorSettings settings) {
      client = new KubernetesClientBuilder().withConfig(harness.api.client().getConfiguration()).build();
      operator = Vb365Operator.builder(client, settings, new SimpleMeterRegistry()).start();
    }

    @Override
    public void close() {
      try {
        operator.close();
      } finally {
        client.close();
      }
    }
  }
}
