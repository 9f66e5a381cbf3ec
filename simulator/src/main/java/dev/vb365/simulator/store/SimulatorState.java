package dev.vb365.simulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.Json;
import dev.vb365.simulator.model.BackupType;
import dev.vb365.simulator.model.CopySchedulePolicy;
import dev.vb365.simulator.model.CopyScheduleType;
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
 *
 * <p>Backup copy jobs follow the same rules with {@code jobType: Copy} in their events (they have no items).
 * A backup job has at most one copy job; deleting a backup job deletes its copy job too (JobDelete Copy, then
 * JobDelete Backup), and is refused while either is running. A copy job whose schedule is Immediate starts a
 * session right after a session of its backup job ends Success or Warning (a new restore point).
 */
public final class SimulatorState implements AutoCloseable {
  private final Object lock = new Object();
  private final Map<UUID, Job> jobs = new LinkedHashMap<>();
  private final Map<UUID, CopyJob> copyJobs = new LinkedHashMap<>();
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

  /**
   * A copy job to create; the repository is already checked (it exists and is an archive repository). A null
   * organizationId means the backup job's; a null name means the default name.
   */
  public record NewCopyJob(UUID backupJobId, UUID organizationId, UUID repositoryId, String name,
      CopySchedulePolicy schedulePolicy, boolean enabled) {
  }

  /** An edit of a copy job: null fields stay as they are. */
  public record CopyJobEdit(UUID backupJobId, UUID organizationId, UUID repositoryId, String name,
      CopySchedulePolicy schedulePolicy, Boolean enabled) {
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
      Optional<CopyJob> copy = copyJobOfLocked(id);
      if (copy.isPresent() && copy.get().runningSessionId() != null) {
        throw ApiException.conflict("The backup copy job '" + copy.get().name() + "' of job '" + job.name()
            + "' is running. Stop it before removing the job");
      }
      copy.ifPresent(c -> {
        copyJobs.remove(c.id());
        events.append(jobDelete(c.id(), JobSession.COPY));
      });
      jobs.remove(id);
      events.append(jobDelete(id, JobSession.BACKUP));
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
    JobSession session = new JobSession(UUID.randomUUID(), id, JobSession.BACKUP, job.repositoryId(),
        proxyOfRepository.apply(job.repositoryId()), now, null, "Running", 1, full, 0);
    sessions.put(session.id(), session);
    Job updated = job.withRun(now, job.lastBackup(), "Running", session.id()).withETag(job.eTag() + 1);
    jobs.put(id, updated);
    events.append(sessionUpdate(session));
    runFor(session);
    return sessions.get(session.id());
  }

  /** Ends the session at once (session duration 0) or after the session duration. */
  private void runFor(JobSession session) {
    if (sessionDuration.isZero()) {
      endLocked(session.id(), outcome());
    } else {
      scheduler.schedule(() -> finish(session.id()), sessionDuration.toMillis(), TimeUnit.MILLISECONDS);
    }
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
    if (s.copy()) {
      endCopyLocked(s, status);
      return;
    }
    Instant now = clock.instant();
    Job job = jobs.get(s.jobId());
    long processed = job == null || status.equals("Stopped") || status.equals("Failed") ? 0
        : objectsToProcess.applyAsLong(job);
    JobSession ended = s.end(status, now, processed);
    sessions.put(sessionId, ended);
    boolean backedUp = status.equals("Success") || status.equals("Warning");
    if (job != null) {
      jobs.put(job.id(), job.withRun(job.lastRun(), backedUp ? now : job.lastBackup(), status, null)
          .withETag(job.eTag() + 1));
    }
    events.append(sessionUpdate(ended));
    if (job != null && backedUp) {
      // A new restore point: an enabled copy job with the Immediate schedule copies it right away.
      copyJobOfLocked(job.id())
          .filter(c -> c.enabled() && c.runningSessionId() == null
              && c.schedulePolicy().type() == CopyScheduleType.Immediate)
          .ifPresent(c -> startCopyLocked(c.id()));
    }
  }

  private void endCopyLocked(JobSession s, String status) {
    Instant now = clock.instant();
    CopyJob copy = copyJobs.get(s.jobId());
    Job source = copy == null ? null : jobs.get(copy.backupJobId());
    long processed = source == null || status.equals("Stopped") || status.equals("Failed") ? 0
        : objectsToProcess.applyAsLong(source);
    JobSession ended = s.end(status, now, processed);
    sessions.put(s.id(), ended);
    if (copy != null) {
      boolean copied = status.equals("Success") || status.equals("Warning");
      copyJobs.put(copy.id(), copy.withRun(copy.lastRun(), copied ? now : copy.lastBackup(), status, null)
          .withETag(copy.eTag() + 1));
    }
    events.append(sessionUpdate(ended));
  }

  // ---- backup copy jobs ------------------------------------------------------------------------

  public List<CopyJob> copyJobs() {
    synchronized (lock) {
      return List.copyOf(copyJobs.values());
    }
  }

  public CopyJob copyJob(UUID id) {
    synchronized (lock) {
      CopyJob copy = copyJobs.get(id);
      if (copy == null) {
        throw ApiException.notFound("Backup copy job with ID '" + id + "' was not found");
      }
      return copy;
    }
  }

  /** The copy job of a backup job (404 when the backup job does not exist). */
  public Optional<CopyJob> copyJobOf(UUID backupJobId) {
    synchronized (lock) {
      job(backupJobId);
      return copyJobOfLocked(backupJobId);
    }
  }

  private Optional<CopyJob> copyJobOfLocked(UUID backupJobId) {
    return copyJobs.values().stream().filter(c -> c.backupJobId().equals(backupJobId)).findFirst();
  }

  /** The backup job a copy job refers to, as the field {@code field} of a request names it (404 if none). */
  private Job sourceJob(UUID backupJobId, String field) {
    Job job = jobs.get(backupJobId);
    if (job == null) {
      throw ApiException.notFound("Backup job with ID '" + backupJobId + "' (" + field + ") was not found");
    }
    return job;
  }

  private void requireCopyable(Job source, UUID organizationId, UUID repositoryId, UUID exceptCopy) {
    if (organizationId != null && !organizationId.equals(source.organizationId())) {
      throw ApiException.invalid("'organizationId' (" + organizationId + ") is not the organization of the backup "
          + "job '" + source.name() + "' (" + source.organizationId() + ")");
    }
    if (repositoryId.equals(source.repositoryId())) {
      throw ApiException.invalid("'repositoryId' is the repository of the backup job '" + source.name()
          + "': a backup copy job copies to another repository");
    }
    Optional<CopyJob> existing = copyJobOfLocked(source.id());
    if (existing.isPresent() && !existing.get().id().equals(exceptCopy)) {
      throw ApiException.conflict("The backup job '" + source.name() + "' already has a backup copy job ('"
          + existing.get().name() + "', ID '" + existing.get().id() + "'); a backup job can have only one");
    }
  }

  public CopyJob createCopy(NewCopyJob n) {
    synchronized (lock) {
      Job source = sourceJob(n.backupJobId(), "backupJobId");
      requireCopyable(source, n.organizationId(), n.repositoryId(), null);
      String name = n.name() == null || n.name().isBlank() ? defaultCopyName(source) : n.name();
      CopyJob copy = new CopyJob(UUID.randomUUID(), source.id(), source.organizationId(), n.repositoryId(), name,
          n.schedulePolicy(), n.enabled(), 1, null, null, null, null);
      copyJobs.put(copy.id(), copy);
      events.append(jobUpdate(copy.id(), copy.eTag(), JobSession.COPY));
      return copy;
    }
  }

  /** The name the simulator gives a copy job created without one (v8 has no name in the create body). */
  public static String defaultCopyName(Job source) {
    return source.name() + " (copy)";
  }

  public CopyJob editCopy(UUID id, CopyJobEdit e) {
    synchronized (lock) {
      CopyJob copy = copyJob(id);
      UUID backupJobId = e.backupJobId() == null ? copy.backupJobId() : e.backupJobId();
      Job source = sourceJob(backupJobId, e.backupJobId() == null ? "the copy job's backupJobId" : "backupJobId");
      if (!source.organizationId().equals(copy.organizationId())) {
        throw ApiException.invalid("The backup job '" + source.name() + "' (backupJobId) is in another organization "
            + "than the backup copy job (" + copy.organizationId() + ")");
      }
      UUID repositoryId = e.repositoryId() == null ? copy.repositoryId() : e.repositoryId();
      requireCopyable(source, e.organizationId(), repositoryId, id);
      if (copy.runningSessionId() != null && !repositoryId.equals(copy.repositoryId())) {
        throw ApiException.conflict("The backup copy job '" + copy.name() + "' is running. Stop it before changing "
            + "its repository");
      }
      CopyJob updated = copy.withSettings(backupJobId, repositoryId,
          e.schedulePolicy() == null ? copy.schedulePolicy() : e.schedulePolicy(),
          e.enabled() == null ? copy.enabled() : e.enabled(),
          e.name() == null || e.name().isBlank() ? copy.name() : e.name()).withETag(copy.eTag() + 1);
      copyJobs.put(id, updated);
      events.append(jobUpdate(id, updated.eTag(), JobSession.COPY));
      return updated;
    }
  }

  public void deleteCopy(UUID id) {
    synchronized (lock) {
      CopyJob copy = copyJob(id);
      if (copy.runningSessionId() != null) {
        throw ApiException.conflict("The backup copy job '" + copy.name() + "' is running. Stop it before removing it");
      }
      copyJobs.remove(id);
      events.append(jobDelete(id, JobSession.COPY));
    }
  }

  /** Returns whether the state changed; enabling an enabled copy job changes nothing (no eTag step). */
  public boolean setCopyEnabled(UUID id, boolean enabled) {
    synchronized (lock) {
      CopyJob copy = copyJob(id);
      if (copy.enabled() == enabled) {
        return false;
      }
      CopyJob updated = copy.withSettings(copy.backupJobId(), copy.repositoryId(), copy.schedulePolicy(), enabled,
          copy.name()).withETag(copy.eTag() + 1);
      copyJobs.put(id, updated);
      events.append(jobUpdate(id, updated.eTag(), JobSession.COPY));
      return true;
    }
  }

  public JobSession startCopy(UUID id) {
    synchronized (lock) {
      return startCopyLocked(id);
    }
  }

  /** Stops the running copy session; stopping a copy job that is not running changes nothing. */
  public void stopCopy(UUID id) {
    synchronized (lock) {
      CopyJob copy = copyJob(id);
      if (copy.runningSessionId() != null) {
        endLocked(copy.runningSessionId(), "Stopped");
      }
    }
  }

  private JobSession startCopyLocked(UUID id) {
    CopyJob copy = copyJob(id);
    if (copy.runningSessionId() != null) {
      throw ApiException.conflict("The backup copy job '" + copy.name() + "' is already running");
    }
    if (!copy.enabled()) {
      throw ApiException.conflict("The backup copy job '" + copy.name()
          + "' is disabled. Enable the job before starting it");
    }
    Instant now = clock.instant();
    JobSession session = new JobSession(UUID.randomUUID(), id, JobSession.COPY, copy.repositoryId(),
        proxyOfRepository.apply(copy.repositoryId()), now, null, "Running", 1, false, 0);
    sessions.put(session.id(), session);
    copyJobs.put(id, copy.withRun(now, copy.lastBackup(), "Running", session.id()).withETag(copy.eTag() + 1));
    events.append(sessionUpdate(session));
    runFor(session);
    return sessions.get(session.id());
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
    return jobUpdate(job.id(), job.eTag(), JobSession.BACKUP);
  }

  private static ObjectNode jobUpdate(UUID id, long eTag, String jobType) {
    return Json.object().put("eventType", "JobUpdate").put("id", id.toString()).put("eTag", eTag)
        .put("jobType", jobType);
  }

  private static ObjectNode jobDelete(UUID id, String jobType) {
    return Json.object().put("eventType", "JobDelete").put("id", id.toString()).put("jobType", jobType);
  }

  private static ObjectNode itemsChange(ItemList list, UUID jobId) {
    return Json.object().put("eventType", list.eventType()).put("jobId", jobId.toString());
  }

  private static ObjectNode sessionUpdate(JobSession s) {
    return Json.object().put("eventType", "JobSessionUpdate").put("id", s.id().toString()).put("eTag", s.eTag())
        .put("jobId", s.jobId().toString()).put("status", s.status()).put("jobType", s.jobType());
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
