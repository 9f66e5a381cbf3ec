package dev.vb365.operator.chaos;

import dev.vb365.operator.api.BackupCopyJob;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.api.JobItem;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Another writer of the operator's resources, as a GitOps tool or a human with kubectl is: it keeps changing
 * labels and annotations of BackupJobs, JobItems and BackupCopyJobs while the operator writes their status, so that
 * the operator's writes meet resources that changed under them. Runs on its own thread until closed.
 */
final class Meddler implements AutoCloseable {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final KubernetesClient client;
  private final Random random;
  private final Thread thread;
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong conflicts = new AtomicLong();
  private volatile boolean stopped;

  Meddler(KubernetesClient client, long seed) {
    this.client = client;
    this.random = new Random(seed);
    this.thread = new Thread(this::loop, "vb365-chaos-meddler");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void loop() {
    while (!stopped) {
      try {
        String namespace = Workload.NAMESPACES.get(random.nextInt(Workload.NAMESPACES.size()));
        List<? extends HasMetadata> candidates = switch (random.nextInt(3)) {
          case 0 -> client.resources(BackupJob.class).inNamespace(namespace).list().getItems();
          case 1 -> client.resources(JobItem.class).inNamespace(namespace).list().getItems();
          default -> client.resources(BackupCopyJob.class).inNamespace(namespace).list().getItems();
        };
        // A handful of writes per listing, each on the resource as listed: stale by design.
        for (int n = 0; n < 10 && !candidates.isEmpty() && !stopped; n++) {
          touch(candidates.get(random.nextInt(candidates.size())));
        }
      } catch (KubernetesClientException e) {
        // the API is the thing under stress here too; keep meddling
      }
    }
  }

  private <T extends HasMetadata> void touch(T resource) {
    String value = Long.toString(writes.get());
    com.fasterxml.jackson.databind.node.ObjectNode patch = JSON.createObjectNode();
    com.fasterxml.jackson.databind.node.ObjectNode metadata = patch.putObject("metadata");
    // The resourceVersion as listed: optimistic locking, so the write fails if the resource changed since.
    metadata.put("resourceVersion", resource.getMetadata().getResourceVersion());
    if (random.nextBoolean()) {
      metadata.putObject("labels").put("chaos.vb365.dev/touched", value);
    } else {
      metadata.putObject("annotations").put("chaos.vb365.dev/note", "touched " + value);
    }
    try {
      client.resource(resource).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
      writes.incrementAndGet();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        conflicts.incrementAndGet();
      }
    }
  }

  /**
   * Whether the Kubernetes API refuses a write based on an outdated resourceVersion (409), as a real API server
   * does: then the meddler's writes cause real conflicts for the operator, besides the injected ones.
   */
  static boolean resourceVersionEnforced(KubernetesClient client, String namespace) {
    var map = client.configMaps().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("chaos-probe").endMetadata().addToData("n", "0").build()).create();
    String stale = map.getMetadata().getResourceVersion();
    client.configMaps().inNamespace(namespace).withName("chaos-probe").edit(m -> {
      m.getData().put("n", "1");
      return m;
    });
    try {
      client.configMaps().inNamespace(namespace).withName("chaos-probe").patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"metadata\":{\"resourceVersion\":\"" + stale + "\"},\"data\":{\"n\":\"2\"}}");
      return false;
    } catch (KubernetesClientException e) {
      return e.getCode() == 409;
    } finally {
      client.configMaps().inNamespace(namespace).withName("chaos-probe").delete();
    }
  }

  long writes() {
    return writes.get();
  }

  /** The meddler's own updates refused with 409: proof that the API enforces resourceVersion. */
  long conflicts() {
    return conflicts.get();
  }

  @Override
  public void close() {
    stopped = true;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
