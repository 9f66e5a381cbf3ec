package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupCopyJob;
import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.feed.FeedOptions;
import dev.vb365.operator.feed.JobChange;
import dev.vb365.operator.feed.JobChangeKind;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.VeeamConnection;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VB365 job changes as a JOSDK event source. One {@link JobSource} per VB365 server connection,
 * started when the first BackupJob uses that connection and stopped when the last one stops using
 * it; an index from VB365 job id to the BackupJobs that track it (filled from status.jobId), so a
 * change wakes exactly the BackupJob whose job changed, and nobody else.
 */
final class JobWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JobWatch.class);

  private final OperatorSettings settings;
  private final ObservedJobCache cache;
  private final SimpleInboundEventSource<BackupJob> eventSource =
      new SimpleInboundEventSource<>("vb365-job-changes");
  /** Changed under the lock; read without it by the feed threads (see ownerOf). */
  private final Map<VeeamConnection, Server> servers = new ConcurrentHashMap<>();
  private final Map<ResourceID, VeeamConnection> users = new HashMap<>();
  private final ConcurrentHashMap<String, Set<ResourceID>> byJobId = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ResourceID, String> jobIdOf = new ConcurrentHashMap<>();
  /** BackupJobs for which a job carrying their marker appeared that they do not track (a copy to clean up). */
  private final Set<ResourceID> copiesSeen = ConcurrentHashMap.newKeySet();
  /** BackupJobs whose selection rules follow an organization's directory, by organization id. */
  private final Followers ruleFollowers = new Followers();
  /** BackupJobs that name directory objects (by name, URL or mail), by those objects' ids. */
  private final Followers nameFollowers = new Followers();
  /** Per organization (lower case): how many directory changes the feeds reported; rules' listings key on it. */
  private final ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicLong> directoryVersions =
      new ConcurrentHashMap<>();
  /** Followers whose organization's directory changed since their last full pass. */
  private final Set<ResourceID> directoryChanged = ConcurrentHashMap.newKeySet();

  /** Copy job changes wake the BackupCopyJob that tracks the copy job. */
  private final SimpleInboundEventSource<BackupCopyJob> copyEventSource =
      new SimpleInboundEventSource<>("vb365-copy-job-changes");
  /** BackupCopyJobs by the id of the copy job they track. */
  private final Followers copyFollowers = new Followers();
  /** Per copy job (lower case): what the feeds said of it (see {@link CopyMark}). */
  private final ConcurrentHashMap<String, CopyMark> copyMarks = new ConcurrentHashMap<>();
  /** Moves each time a feed listed afresh: copy job changes until then may have gone unseen. */
  private final java.util.concurrent.atomic.AtomicLong copyEpoch = new java.util.concurrent.atomic.AtomicLong();

  /**
   * What the change feeds reported of one copy job: the newest eTag its JobUpdate events carried, and how many of its
   * changes came without an eTag (a run, a deletion), each of which needs a read.
   */
  record CopyMark(Long newestETag, long unversionedChanges) {
    static final CopyMark NONE = new CopyMark(null, 0);

    CopyMark with(Long eTag) {
      return eTag == null ? new CopyMark(newestETag, unversionedChanges + 1)
          : new CopyMark(newestETag == null ? eTag : Math.max(newestETag, eTag), unversionedChanges);
    }
  }

  private static final class Server {
    final JobSource source;
    final Set<ResourceID> users = new HashSet<>();

    Server(JobSource source) {
      this.source = source;
    }
  }

  JobWatch(OperatorSettings settings, ObservedJobCache cache) {
    this.settings = settings;
    this.cache = cache;
  }

  SimpleInboundEventSource<BackupJob> eventSource() {
    return eventSource;
  }

  SimpleInboundEventSource<BackupCopyJob> copyEventSource() {
    return copyEventSource;
  }

  /**
   * The job source of the BackupCopyJob's server, started on first use (a BackupCopyJob keeps its server's feed
   * running even while its BackupJob does not use it, e.g. paused). Kept apart from BackupJobs of the same name.
   */
  JobSource attachCopy(ResourceID backupCopyJob, VeeamConnection connection, VeeamClient client) {
    return attach(copyKey(backupCopyJob), connection, client);
  }

  /** Changes of copy job {@code copyJobId} now wake the BackupCopyJob (null: it tracks none). */
  void trackCopy(ResourceID backupCopyJob, String copyJobId) {
    copyFollowers.follow(backupCopyJob, copyJobId == null ? Set.of() : Set.of(copyJobId));
  }

  /** The BackupCopyJob no longer uses VB365 (deleted, or it cannot reach its server). */
  void detachCopy(ResourceID backupCopyJob) {
    detach(copyKey(backupCopyJob));
    trackCopy(backupCopyJob, null);
  }

  /** What the feeds reported of the copy job so far. */
  CopyMark copyMark(String copyJobId) {
    return copyMarks.getOrDefault(copyJobId.toLowerCase(java.util.Locale.ROOT), CopyMark.NONE);
  }

  /** How many times a feed listed afresh (copy job changes may have been missed each time). */
  long copyEpoch() {
    return copyEpoch.get();
  }

  private static ResourceID copyKey(ResourceID backupCopyJob) {
    // ":" cannot appear in a Kubernetes name: the key never equals a BackupJob's.
    return new ResourceID("copy:" + backupCopyJob.getName(), backupCopyJob.getNamespace().orElse(null));
  }

  /** The job source of the BackupJob's server, started on first use. */
  synchronized JobSource attach(ResourceID backupJob, VeeamConnection connection, VeeamClient client) {
    VeeamConnection previous = users.put(backupJob, connection);
    if (previous != null && !previous.equals(connection)) {
      release(backupJob, previous);
    }
    Server server = servers.get(connection);
    if (server == null) {
      server = new Server(newSource(connection, client));
      servers.put(connection, server);
      server.source.start();
      LOG.info("Watching the VB365 jobs of {} ({} mode)", connection.baseUrl(), settings.feedMode());
    }
    server.users.add(backupJob);
    return server.source;
  }

  /** The BackupJob no longer uses VB365 (deleted, or its connection is gone). */
  synchronized void detach(ResourceID backupJob) {
    VeeamConnection connection = users.remove(backupJob);
    if (connection != null) {
      release(backupJob, connection);
    }
    untrack(backupJob);
    copiesSeen.remove(backupJob);
    followDirectory(backupJob, null, Set.of());
    directoryChanged.remove(backupJob);
  }

  private void release(ResourceID backupJob, VeeamConnection connection) {
    Server server = servers.get(connection);
    if (server != null && server.users.remove(backupJob) && server.users.isEmpty()) {
      servers.remove(connection);
      server.source.close();
      LOG.info("Stopped watching the VB365 jobs of {}: no BackupJob uses that connection", connection.baseUrl());
    }
  }

  /** Changes of job {@code jobId} now wake {@code backupJob}. */
  void track(ResourceID backupJob, String jobId) {
    String key = ObservedJobCache.key(jobId);
    String before = jobIdOf.put(backupJob, key);
    if (key.equals(before)) {
      return;
    }
    if (before != null) {
      removeFromIndex(before, backupJob);
    }
    byJobId.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(backupJob);
  }

  void untrack(ResourceID backupJob) {
    String before = jobIdOf.remove(backupJob);
    if (before != null) {
      removeFromIndex(before, backupJob);
    }
  }

  private void removeFromIndex(String jobId, ResourceID backupJob) {
    byJobId.computeIfPresent(jobId, (k, set) -> {
      set.remove(backupJob);
      return set.isEmpty() ? null : set;
    });
  }

  /** Whether a copy of the BackupJob's job appeared since {@link #copiesHandled} (so a resync must not skip it). */
  boolean copySeen(ResourceID backupJob) {
    return copiesSeen.contains(backupJob);
  }

  void copiesHandled(ResourceID backupJob) {
    copiesSeen.remove(backupJob);
  }

  synchronized int serverCount() {
    return servers.size();
  }

  private JobSource newSource(VeeamConnection connection, VeeamClient client) {
    FeedOptions options = FeedOptions.defaults().withPollInterval(settings.feedPollInterval());
    return new FeedJobSource(client, this::onChange,
        settings.feedMode() == OperatorSettings.FeedMode.POLL ? options.pollingOnly() : options);
  }

  /**
   * What of the directory the BackupJob follows: its rules' organization (null: no rules), and the ids of the objects
   * it names, whose change or deletion (v8 events) must reach it, and nothing else of the directory.
   */
  void followDirectory(ResourceID backupJob, String ruleOrganizationId, Set<String> namedObjectIds) {
    ruleFollowers.follow(backupJob, ruleOrganizationId == null ? Set.of() : Set.of(ruleOrganizationId));
    nameFollowers.follow(backupJob, namedObjectIds);
  }

  /** Whether the directory the BackupJob's rules follow changed since {@link #directoryHandled} (no skipping). */
  boolean directoryChanged(ResourceID backupJob) {
    return directoryChanged.contains(backupJob);
  }

  void directoryHandled(ResourceID backupJob) {
    directoryChanged.remove(backupJob);
  }

  /** Per connection and organization: the directory version the connection's name lookups were last dropped at. */
  private final ConcurrentHashMap<LookupScope, Long> lookupsDroppedAt = new ConcurrentHashMap<>();

  /** One connection's lookups of one organization. */
  private record LookupScope(VeeamConnection connection, String organizationId) {
  }

  /**
   * Whether the connection's cached name lookups predate a directory change of the organization (true once per
   * change and connection): a user deleted or created again must not be found in the cache by its old name.
   */
  boolean lookupsStale(VeeamConnection connection, String organizationId) {
    long now = directoryVersion(organizationId);
    if (now == 0) {
      return false;
    }
    boolean[] stale = {false};
    lookupsDroppedAt.compute(new LookupScope(connection, organizationId.toLowerCase(java.util.Locale.ROOT)),
        (k, before) -> {
          stale[0] = before == null || before < now;
          return now;
        });
    return stale[0];
  }

  /** The version of the organization's directory: moves with each directory change a feed reports. */
  long directoryVersion(String organizationId) {
    java.util.concurrent.atomic.AtomicLong v = directoryVersions.get(organizationId.toLowerCase(java.util.Locale.ROOT));
    return v == null ? 0 : v.get();
  }

  private void onChange(JobChange change) {
    if (change.isCopyJob()) {
      if (change.kind() == JobChangeKind.COPY_JOBS_UNSEEN) {
        copyEpoch.incrementAndGet();
        return;
      }
      copyMarks.compute(change.jobId().toLowerCase(java.util.Locale.ROOT),
          (k, mark) -> (mark == null ? CopyMark.NONE : mark).with(change.eTag()));
      if (copyEventSource.isRunning()) {
        for (ResourceID target : copyFollowers.of(change.jobId())) {
          LOG.debug("VB365 copy job {} changed: waking {}", change.jobId(), target);
          copyEventSource.propagateEvent(target);
        }
      }
      return;
    }
    if (change.isDirectory()) {
      Set<ResourceID> following;
      if (change.kind() == JobChangeKind.DIRECTORY_CHANGED) {
        directoryVersions.computeIfAbsent(change.jobId(), k -> new java.util.concurrent.atomic.AtomicLong())
            .incrementAndGet();
        following = ruleFollowers.of(change.jobId());
      } else {
        following = nameFollowers.of(change.jobId());
      }
      if (!following.isEmpty() && eventSource.isRunning()) {
        directoryChanged.addAll(following);
        for (ResourceID target : List.copyOf(following)) {
          LOG.debug("directory of organization {} changed: waking {}", change.jobId(), target);
          eventSource.propagateEvent(target);
        }
      }
      return;
    }
    cache.onChange(change);
    Set<ResourceID> targets = byJobId.get(ObservedJobCache.key(change.jobId()));
    if (targets == null && change.kind() == JobChangeKind.UPDATED) {
      // A job nobody tracks appeared: if it carries a BackupJob's marker, that BackupJob has a copy to clean up.
      targets = ownerOf(change.jobId()).map(Set::of).orElse(null);
      if (targets != null) {
        copiesSeen.addAll(targets);
      }
    }
    if (targets == null || !eventSource.isRunning()) {
      return;
    }
    for (ResourceID target : List.copyOf(targets)) {
      LOG.debug("VB365 job {} {}: waking {}", change.jobId(), change.kind(), target);
      eventSource.propagateEvent(target);
    }
  }

  private java.util.Optional<ResourceID> ownerOf(String jobId) {
    // No lock here: a feed thread must never wait for one that close() holds while it stops that feed.
    for (Server server : List.copyOf(servers.values())) {
      java.util.Optional<ResourceID> owner = server.source.job(jobId)
          .flatMap(job -> OwnershipMarker.owner(job.description()))
          .filter(o -> o.cluster() == null || o.cluster().equals(settings.clusterName()))
          .map(o -> new ResourceID(o.name(), o.namespace()));
      if (owner.isPresent()) {
        return owner;
      }
    }
    return java.util.Optional.empty();
  }

  @Override
  public synchronized void close() {
    servers.values().forEach(s -> s.source.close());
    servers.clear();
    users.clear();
    byJobId.clear();
    jobIdOf.clear();
    copiesSeen.clear();
    copyMarks.clear();
  }
}
