package dev.vb365.simulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.Json;
import dev.vb365.simulator.model.BackupType;
import dev.vb365.simulator.model.JobItem;
import dev.vb365.simulator.model.SchedulePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The simulator's mutable state: jobs and job sessions, with the eTag and change-event rules.
 *
 * <p>Every write holds one lock, so writers are serialised and each change gets exactly one eTag step and
 * its events in order. The rules (also in the README):
 * <ul>
 *   <li>create: eTag 1, JobUpdate;</li>
 *   <li>settings edit (PUT), enable/disable that changes the state: eTag +1, JobUpdate; a PUT that changes
 *       an item list also appends JobSelectedItemsChange / JobExcludedItemsChange (still one eTag step);</li>
 *   <li>add/remove/edit items: eTag +1, JobSelectedItemsChange or JobExcludedItemsChange;</li>
 *   <li>a session starting or ending (it changes lastRun/lastStatus): eTag +1, JobSessionUpdate only
 *       (no JobUpdate), so a client can tell a run from a configuration change;</li>
 *   <li>delete: JobDelete. Reads never change anything.</li>
 * </ul>
 */
public final class SimulatorState implements AutoCloseable {
  private final Object lock = new Object();
  private final Map<UUID, Job> jobs = new LinkedHashMap<>();
  private final Map<UUID, JobSession> sessions = new LinkedHashMap<>();
  private final EventLog events;
  private final Clock clock;
  private final Duration sessionDuration;
  private final Supplier<String> sessionOutcome;
  private final ToLongFunction<Job> objectsToProcess;
  private final Function<UUID, UUID> proxyOfRepository;
  private final ScheduledExecutorService scheduler;

  /** A job to create; all references already checked. */
  public record NewJob(UUID organizationId, UUID repositoryId, String name, String description,
      BackupType backupType, SchedulePolicy schedulePolicy, boolean enabled, List<JobItem> selectedItems,
      List<JobItem> excludedItems) {
  }

  /** An edit of a job's settings: null fields stay as they are. */
  public record JobEdit(UUID repositoryId, String name, String description, BackupType backupType,
      SchedulePolicy schedulePolicy, Boolean enabled, List<JobItem> selectedItems, List<JobItem> excludedItems) {
  }

  public SimulatorState(Clock clock, int eventLogCapacity, Duration sessionDuration, Supplier<String> sessionOutcome,
      ToLongFunction<Job> objectsToProcess, Function<UUID, UUID> proxyOfRepository) {
    this.clock = clock;
    this.events = new EventLog(eventLogCapacity);
    this.sessionDuration = sessionDuration;
    this.sessionOutcome = sessionOutcome;
    this.objectsToProcess = objectsToProcess;
    this.proxyOfRepository = proxyOfRepository;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vb365-sim-sessions");
      t.setDaemon(true);
      return t;
    });
  }

  public EventLog events() {
    return events;
  }

  public Instant now() {
    return clock.instant();
  }

  public List<Job> jobs() {
    synchronized (lock) {
      return List.copyOf(jobs.values());
    }
  }

  public Job job(UUID id) {
    synchronized (lock) {
      Job job = jobs.get(id);
      if (job == null) {
        throw ApiException.notFound("Job with ID '" + id + "' was not found");
      }
      return job;
    }
  }

  public List<JobSession> sessions() {
    synchronized (lock) {
      return List.copyOf(sessions.values());
    }
  }

  public Optional<JobSession> session(UUID id) {
    synchronized (lock) {
      return Optional.ofNullable(sessions.get(id));
    }
  }

  public Job create(NewJob n, boolean runNow) {
    synchronized (lock) {
      requireUniqueName(n.name(), null);
      requireSelectedItemsAllowed(n.backupType(), n.selectedItems());
      Job job = new Job(UUID.randomUUID(), n.organizationId(), n.repositoryId(), n.name(), n.description(),
          n.backupType(), n.schedulePolicy(), n.enabled(), 1, null, null, null, null, n.selectedItems(),
          n.excludedItems());
      jobs.put(job.id(), job);
      events.append(jobUpdate(job));
      if (runNow) {
        startLocked(job.id(), false);
      }
      return jobs.get(job.id());
    }
  }

  public Job edit(UUID id, JobEdit e, boolean runNow) {
    synchronized (lock) {
      Job job = job(id);
      String name = e.name() == null ? job.name() : e.name();
      if (!name.equalsIgnoreCase(job.name())) {
        requireUniqueName(name, id);
      }
      BackupType type = e.backupType() == null ? job.backupType() : e.backupType();
      List<JobItem> selected = e.selectedItems() == null ? job.selectedItems() : e.selectedItems();
      if (type == BackupType.EntireOrganization) {
        if (e.selectedItems() != null && !e.selectedItems().isEmpty()) {
          requireSelectedItemsAllowed(type, e.selectedItems());
        }
        selected = List.of();
      }
      List<JobItem> excluded = e.excludedItems() == null ? job.excludedItems() : e.excludedItems();
      Job updated = job.withSettings(
              e.repositoryId() == null ? job.repositoryId() : e.repositoryId(), name,
              e.description() == null ? job.description() : e.description(), type,
              e.schedulePolicy() == null ? job.schedulePolicy() : e.schedulePolicy(),
              e.enabled() == null ? job.enabled() : e.enabled())
          .withItems(ItemList.SELECTED, selected)
          .withItems(ItemList.EXCLUDED, excluded)
          .withETag(job.eTag() + 1);
      jobs.put(id, updated);
      events.append(jobUpdate(updated));
      if (!updated.selectedItems().equals(job.selectedItems())) {
        events.append(itemsChange(ItemList.SELECTED, id));
      }
      if (!updated.excludedItems().equals(job.excludedItems())) {
        events.append(itemsChange(ItemList.EXCLUDED, id));
      }
      if (runNow && updated.runningSessionId() == null) {
        startLocked(id, false);
      }
      return jobs.get(id);
    }
  }

  public void delete(UUID id) {
    synchronized (lock) {
      Job job = job(id);
      if (job.runningSessionId() != null) {
        throw ApiException.conflict("Job '" + job.name() + "' is running. Stop the job before removing it");
      }
      jobs.remove(id);
      ObjectNode event = Json.object().put("eventType", "JobDelete").put("id", id.toString()).put("jobType", "Backup");
      events.append(event);
    }
  }

  /** Returns whether the state changed; enabling an enabled job changes nothing (no eTag step). */
  public boolean setEnabled(UUID id, boolean enabled) {
    synchronized (lock) {
      Job job = job(id);
      if (job.enabled() == enabled) {
        return false;
      }
      Job updated = job.withSettings(job.repositoryId(), job.name(), job.description(), job.backupType(),
          job.schedulePolicy(), enabled).withETag(job.eTag() + 1);
      jobs.put(id, updated);
      events.append(jobUpdate(updated));
      return true;
    }
  }

  /** Adds items; an item whose id is already in the list replaces it in place. */
  public void addItems(UUID id, ItemList list, List<JobItem> items) {
    synchronized (lock) {
      Job job = job(id);
      if (list == ItemList.SELECTED) {
        requireSelectedItemsAllowed(job.backupType(), items);
      }
      Map<String, JobItem> merged = byId(job.items(list));
      for (JobItem item : items) {
        merged.put(key(item.id()), item);
      }
      changeItems(job, list, new ArrayList<>(merged.values()));
    }
  }

  /** Removes items by id; every id must be in the list, else nothing is removed (404). */
  public void removeItems(UUID id, ItemList list, List<String> itemIds) {
    synchronized (lock) {
      Job job = job(id);
      Map<String, JobItem> remaining = byId(job.items(list));
      for (String itemId : itemIds) {
        if (!remaining.containsKey(key(itemId))) {
          throw ApiException.notFound("Item with ID '" + itemId + "' was not found in the " + list.resource()
              + " of job '" + job.name() + "'");
        }
      }
      itemIds.forEach(i -> remaining.remove(key(i)));
      changeItems(job, list, new ArrayList<>(remaining.values()));
    }
  }

  public void replaceItem(UUID id, ItemList list, String itemId, JobItem item) {
    synchronized (lock) {
      Job job = job(id);
      Map<String, JobItem> items = byId(job.items(list));
      if (!items.containsKey(key(itemId))) {
        throw ApiException.notFound("Item with ID '" + itemId + "' was not found in the " + list.resource()
            + " of job '" + job.name() + "'");
      }
      if (!key(item.id()).equals(key(itemId))) {
        throw ApiException.invalid("The item in the body (type " + item.type() + ", id '" + item.id()
            + "') is not the item '" + itemId + "' of the request path; an item's type and object cannot change");
      }
      items.put(key(itemId), item);
      changeItems(job, list, new ArrayList<>(items.values()));
    }
  }

  public Optional<JobItem> item(UUID id, ItemList list, String itemId) {
    return job(id).items(list).stream().filter(i -> key(i.id()).equals(key(itemId))).findFirst();
  }

  public JobSession start(UUID id, boolean full) {
    synchronized (lock) {
      return startLocked(id, full);
    }
  }

  /** Stops the running session; stopping a job that is not running changes nothing. */
  public void stop(UUID id) {
    synchronized (lock) {
      Job job = job(id);
      if (job.runningSessionId() != null) {
        endLocked(job.runningSessionId(), "Stopped");
      }
    }
  }

  private JobSession startLocked(UUID id, boolean full) {
    Job job = job(id);
    if (job.runningSessionId() != null) {
      throw ApiException.conflict("Job '" + job.name() + "' is already running");
    }
    if (!job.enabled()) {
      throw ApiException.conflict("Job '" + job.name() + "' is disabled. Enable the job before starting it");
    }
    Instant now = clock.instant();
    JobSession session = new JobSession(UUID.randomUUID(), id, job.repositoryId(),
        proxyOfRepository.apply(job.repositoryId()), now, null, "Running", 1, full, 0);
    sessions.put(session.id(), session);
    Job updated = job.withRun(now, job.lastBackup(), "Running", session.id()).withETag(job.eTag() + 1);
    jobs.put(id, updated);
    events.append(sessionUpdate(session));
    if (sessionDuration.isZero()) {
      endLocked(session.id(), outcome());
    } else {
      scheduler.schedule(() -> finish(session.id()), sessionDuration.toMillis(), TimeUnit.MILLISECONDS);
    }
    return sessions.get(session.id());
  }

  private void finish(UUID sessionId) {
    synchronized (lock) {
      JobSession s = sessions.get(sessionId);
      if (s != null && s.running()) {
        endLocked(sessionId, outcome());
      }
    }
  }

  private String outcome() {
    String o = sessionOutcome.get();
    return o == null ? "Success" : o;
  }

  private void endLocked(UUID sessionId, String status) {
    JobSession s = sessions.get(sessionId);
    Instant now = clock.instant();
    Job job = jobs.get(s.jobId());
    long processed = job == null || status.equals("Stopped") || status.equals("Failed") ? 0
        : objectsToProcess.applyAsLong(job);
    JobSession ended = s.end(status, now, processed);
    sessions.put(sessionId, ended);
    if (job != null) {
      boolean backedUp = status.equals("Success") || status.equals("Warning");
      jobs.put(job.id(), job.withRun(job.lastRun(), backedUp ? now : job.lastBackup(), status, null)
          .withETag(job.eTag() + 1));
    }
    events.append(sessionUpdate(ended));
  }

  private void changeItems(Job job, ItemList list, List<JobItem> items) {
    jobs.put(job.id(), job.withItems(list, items).withETag(job.eTag() + 1));
    events.append(itemsChange(list, job.id()));
  }

  private void requireUniqueName(String name, UUID except) {
    for (Job j : jobs.values()) {
      if (!j.id().equals(except) && j.name().equalsIgnoreCase(name)) {
        throw ApiException.conflict("A job with the name '" + name + "' already exists");
      }
    }
  }

  private static void requireSelectedItemsAllowed(BackupType type, List<JobItem> items) {
    if (type == BackupType.EntireOrganization && !items.isEmpty()) {
      throw ApiException.invalid("'selectedItems' can be set only when 'backupType' is SelectedItems");
    }
  }

  private static Map<String, JobItem> byId(List<JobItem> items) {
    Map<String, JobItem> map = new LinkedHashMap<>();
    items.forEach(i -> map.put(key(i.id()), i));
    return map;
  }

  private static String key(String itemId) {
    return itemId.toLowerCase(Locale.ROOT);
  }

  private static ObjectNode jobUpdate(Job job) {
    return Json.object().put("eventType", "JobUpdate").put("id", job.id().toString()).put("eTag", job.eTag())
        .put("jobType", "Backup");
  }

  private static ObjectNode itemsChange(ItemList list, UUID jobId) {
    return Json.object().put("eventType", list.eventType()).put("jobId", jobId.toString());
  }

  private static ObjectNode sessionUpdate(JobSession s) {
    return Json.object().put("eventType", "JobSessionUpdate").put("id", s.id().toString()).put("eTag", s.eTag())
        .put("jobId", s.jobId().toString()).put("status", s.status()).put("jobType", "Backup");
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
