package dev.vb365.operator.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.operator.api.BackupCopyJob;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.embedded.Vb365Admin;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Someone at the VB365 console while the chaos lasts: through the simulator's REST API (not the operator's client),
 * it edits the copy jobs of BackupCopyJobs behind the operator's back (disables or enables them, moves their schedule,
 * points them at another archive repository) and deletes some, so that the operator has drift to correct and copy
 * jobs to make again; and now and then it makes a copy job on purpose for a BackupJob that has no BackupCopyJob, which
 * the operator must leave alone. Its calls meet the simulator's faults like the operator's; one that fails is
 * counted and not retried. What it deleted and made is recorded before the call (its answer may be lost while the
 * call took effect), for the invariants. Runs on its own thread until closed.
 */
final class ConsoleMeddler implements AutoCloseable {

  /** The simulator's second archive target ("Long-term Repository", isLongTerm). */
  static final String OTHER_ARCHIVE_REPOSITORY = "b2f7a5c6-fcf6-578d-9f17-b258c80a8677";
  /** "Archive Repository", which the BackupCopyJobs name. */
  static final String ARCHIVE_REPOSITORY_ID = "9b8ad165-7e4b-5b46-aa74-7cf1339b2bac";

  private final KubernetesClient client;
  private final Vb365Admin admin;
  private final String v;
  private final Predicate<String> deletedByWorkload;
  private final Random random;
  private final long pauseMillis;
  private final int maxCreates;
  private final Thread thread;
  private final AtomicLong edits = new AtomicLong();
  private final AtomicLong deletes = new AtomicLong();
  private final AtomicLong creates = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  /** VB365 jobs it made a copy job for (on purpose: no BackupCopyJob will ever manage them). */
  private final Set<String> madeFor = ConcurrentHashMap.newKeySet();
  /** Copy jobs it deleted (or tried to). */
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();
  private volatile boolean stopped;

  /**
   * @param deletedByWorkload whether the workload deleted this BackupCopyJob or its BackupJob ("namespace/name" of the
   *     BackupCopyJob): left alone
   * @param maxCreates copy jobs it makes on purpose at most
   */
  ConsoleMeddler(KubernetesClient client, Vb365Admin admin, String apiVersion, Predicate<String> deletedByWorkload,
      long seed, long pauseMillis, int maxCreates) {
    this.client = client;
    this.admin = admin;
    this.v = "/" + apiVersion;
    this.deletedByWorkload = deletedByWorkload;
    this.random = new Random(seed);
    this.pauseMillis = pauseMillis;
    this.maxCreates = maxCreates;
    this.thread = new Thread(this::loop, "vb365-chaos-console");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void loop() {
    while (!stopped) {
      try {
        Thread.sleep(pauseMillis);
        int dice = random.nextInt(100);
        String namespace = Workload.NAMESPACES.get(random.nextInt(Workload.NAMESPACES.size()));
        if (dice < 15) {
          createOnPurpose(namespace);
        } else {
          List<BackupCopyJob> candidates = client.resources(BackupCopyJob.class).inNamespace(namespace).list()
              .getItems().stream()
              .filter(c -> !c.isMarkedForDeletion() && c.getStatus() != null && c.getStatus().getCopyJobId() != null)
              .filter(c -> !deletedByWorkload.test(namespace + "/" + c.getMetadata().getName()))
              .toList();
          if (candidates.isEmpty()) {
            continue;
          }
          String copyJobId = candidates.get(random.nextInt(candidates.size())).getStatus().getCopyJobId();
          if (dice < 35) {
            delete(copyJobId);
          } else {
            edit(copyJobId, random.nextInt(4));
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // a fault of the simulator (5xx, reset, timeout, lost answer, refused token) or of the Kubernetes API
        failed.incrementAndGet();
      }
    }
  }

  /** The console's edit: the copy job's settings as read, one of them changed, in one PUT. */
  private void edit(String copyJobId, int what) {
    JsonNode copy = admin.get(v + "/CopyJobs/" + copyJobId);
    ObjectNode body = Vb365Admin.object();
    for (String field : List.of("backupJobId", "repositoryId", "isEnabled", "schedulePolicy")) {
      if (copy.has(field)) {
        body.set(field, copy.get(field).deepCopy());
      }
    }
    switch (what) {
      case 0 -> body.put("isEnabled", !copy.path("isEnabled").asBoolean(true));
      case 1 -> body.putObject("schedulePolicy").put("type", "Periodically").put("periodicallyEvery", "Hours8")
          .put("backupCopyWindowEnabled", false);
      case 2 -> body.putObject("schedulePolicy").put("type", "DailyAtTime").put("dailyType", "Weekends")
          .put("dailyTime", "03:40:00").put("backupCopyWindowEnabled", false);
      default -> body.put("repositoryId", ARCHIVE_REPOSITORY_ID.equalsIgnoreCase(copy.path("repositoryId").asText())
          ? OTHER_ARCHIVE_REPOSITORY : ARCHIVE_REPOSITORY_ID);
    }
    edits.incrementAndGet();
    admin.editCopyJob(copyJobId, body);
  }

  private void delete(String copyJobId) {
    deleted.add(copyJobId.toLowerCase(java.util.Locale.ROOT));
    deletes.incrementAndGet();
    admin.deleteCopyJob(copyJobId);
  }

  /** A copy job for a BackupJob that has no BackupCopyJob (and never will): the operator must leave it alone. */
  private void createOnPurpose(String namespace) {
    if (madeFor.size() >= maxCreates) {
      return;
    }
    List<BackupJob> candidates = client.resources(BackupJob.class).inNamespace(namespace).list().getItems().stream()
        .filter(j -> !j.isMarkedForDeletion() && j.getStatus() != null && j.getStatus().getJobId() != null
            && j.getStatus().getOrganizationId() != null)
        .filter(j -> {
          int i = Workload.number(j.getMetadata().getName());
          return i >= 0 && !Workload.hasCopy(i);
        })
        .filter(j -> !madeFor.contains(j.getStatus().getJobId().toLowerCase(java.util.Locale.ROOT)))
        .toList();
    if (candidates.isEmpty()) {
      return;
    }
    BackupJob job = candidates.get(random.nextInt(candidates.size()));
    ObjectNode body = Vb365Admin.object().put("backupJobId", job.getStatus().getJobId())
        .put("repositoryId", ARCHIVE_REPOSITORY_ID);
    if ("/v8".equals(v)) {
      body.put("organizationId", job.getStatus().getOrganizationId());
    }
    body.putObject("schedulePolicy").put("type", "Immediate");
    madeFor.add(job.getStatus().getJobId().toLowerCase(java.util.Locale.ROOT));
    creates.incrementAndGet();
    admin.createCopyJob(body);
  }

  /** Edits it made (PUTs sent, whatever their answer). */
  long edits() {
    return edits.get();
  }

  /** Deletes it made (sent, whatever their answer). */
  long deletes() {
    return deletes.get();
  }

  /** Copy jobs it made on purpose (POSTs sent, whatever their answer). */
  long creates() {
    return creates.get();
  }

  /** Its API calls by the simulator's route keys, attempts included ("POST /v8/CopyJobs" = 3). */
  java.util.Map<String, Long> callsMade() {
    return admin.callsMade();
  }

  /** Its calls that failed (faults). */
  long failed() {
    return failed.get();
  }

  /** The VB365 jobs (ids, lower case) it made a copy job for on purpose. */
  Set<String> madeFor() {
    return Set.copyOf(madeFor);
  }

  /** Whether it deleted (or tried to delete) this copy job. */
  boolean deleted(String copyJobId) {
    return copyJobId != null && deleted.contains(copyJobId.toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
