package dev.vb365.operator.controller;

import dev.vb365.operator.feed.JobChange;
import dev.vb365.operator.feed.JobChangeKind;
import dev.vb365.operator.sync.BackupItem;
import dev.vb365.operator.sync.ObservedItem;
import dev.vb365.operator.veeam.model.Job;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the operator knows of VB365 jobs beyond the change feed's snapshot, so that a reconcile of an
 * unchanged job costs no VB365 call:
 * <ul>
 *   <li>the job as the operator's own last read returned it (fresher than the feed right after a write);</li>
 *   <li>its selected and excluded items, valid for one eTag and one "items generation": the feed reports
 *       item changes without the new eTag, so each such event bumps the job's items generation and makes the
 *       cached lists stale.</li>
 * </ul>
 * Item ids may be unknown: after a create the lists are exactly what was sent (the create's answer carries
 * the new eTag, so nothing else can be in them), but VB365 assigns the ids. They are listed when needed.
 */
final class ObservedJobCache {

  /** Item lists of one job as of eTag {@code eTag} and items generation {@code generation}. */
  record CachedItems(Long eTag, long generation, List<BackupItem> selected, List<BackupItem> excluded,
      List<ObservedItem> selectedWithIds, List<ObservedItem> excludedWithIds) {

    CachedItems at(Long newETag) {
      return new CachedItems(newETag, generation, selected, excluded, selectedWithIds, excludedWithIds);
    }
  }

  private final ConcurrentHashMap<String, Job> readBacks = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CachedItems> items = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AtomicLong> itemGenerations = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> newestETags = new ConcurrentHashMap<>();

  static String key(String jobId) {
    return jobId.toLowerCase(Locale.ROOT);
  }

  /** Called for every change the feed reports (on the feed's thread). */
  void onChange(JobChange change) {
    if (change.isDirectory()) {
      return; // not about a job
    }
    String key = key(change.jobId());
    if (change.kind() == JobChangeKind.ITEMS_CHANGED) {
      itemGenerations.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    } else if (change.kind() == JobChangeKind.DELETED) {
      forget(change.jobId());
      return;
    } else if (change.kind() == JobChangeKind.SESSION_UPDATED && change.eTag() != null) {
      // A run starting or ending moves the eTag but not the item lists: lists cached at the newest
      // eTag known before it stay valid at the new one. Had anything else moved the eTag too, its own
      // event (a JobUpdate, or an items change that bumps the items generation) says so.
      Long before = newestETag(key);
      items.computeIfPresent(key, (k, cached) -> cached.eTag() != null && cached.eTag().equals(before)
          && change.eTag() > before ? cached.at(change.eTag()) : cached);
    }
    noteETag(key, change.eTag());
  }

  /** The newest eTag of the job the operator has seen: from the feed, its own reads, or its own writes. */
  private Long newestETag(String key) {
    return newestETags.get(key);
  }

  private void noteETag(String key, Long eTag) {
    if (eTag != null) {
      newestETags.merge(key, eTag, Math::max);
    }
  }

  long itemGeneration(String jobId) {
    AtomicLong generation = itemGenerations.get(key(jobId));
    return generation == null ? 0 : generation.get();
  }

  Optional<Job> readBack(String jobId) {
    return Optional.ofNullable(readBacks.get(key(jobId)));
  }

  void putReadBack(Job job) {
    readBacks.put(key(job.id()), job);
    noteETag(key(job.id()), job.eTag());
  }

  Optional<CachedItems> items(String jobId) {
    return Optional.ofNullable(items.get(key(jobId)));
  }

  void putItems(String jobId, CachedItems cached) {
    items.put(key(jobId), cached);
    noteETag(key(jobId), cached.eTag());
  }

  void invalidateItems(String jobId) {
    items.remove(key(jobId));
  }

  void forget(String jobId) {
    String key = key(jobId);
    readBacks.remove(key);
    items.remove(key);
    newestETags.remove(key);
  }
}
