package dev.vb365.operator.controller;

import dev.vb365.operator.mapping.ItemMapping;
import dev.vb365.operator.mapping.JobMapping;
import dev.vb365.operator.sync.BackupItem;
import dev.vb365.operator.sync.DesiredJob;
import dev.vb365.operator.sync.ObservedItem;
import dev.vb365.operator.sync.ObservedJob;
import dev.vb365.operator.sync.Operation;
import dev.vb365.operator.sync.Plan;
import dev.vb365.operator.sync.Scope;
import dev.vb365.operator.veeam.ItemScope;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.model.Job;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The "observe" step: a VB365 job as the diff needs it, at the lowest cost. Settings come from the
 * freshest of the change feed's snapshot and the operator's own last read (by eTag); a GET only when
 * neither knows the job or its items changed since. Items come from the {@link ObservedJobCache} when
 * the eTag and items generation are unchanged, else one listing per list. Servers without eTags
 * (v6/v7) are read in full each time: nothing else says whether the job changed.
 */
final class JobObserver {

  /** Prefix of the placeholder ids of items whose VB365 id is not known yet. */
  static final String PENDING = "pending:";

  /** An observed job (null when VB365 has no such job) and the lists whose item ids are placeholders. */
  record Observation(ObservedJob job, Set<Scope> pendingIds) {
    boolean exists() {
      return job != null;
    }

    /** Whether the plan edits or removes an item whose id is a placeholder. */
    boolean needsIdsFor(Plan plan) {
      for (Operation op : plan.operations()) {
        if (op instanceof Operation.EditItem edit && edit.itemId().startsWith(PENDING)) {
          return true;
        }
        if (op instanceof Operation.RemoveItems remove && remove.itemIds().stream().anyMatch(i -> i.startsWith(PENDING))) {
          return true;
        }
      }
      return false;
    }
  }

  private final ObservedJobCache cache;

  JobObserver(ObservedJobCache cache) {
    this.cache = cache;
  }

  Observation observe(VeeamClient client, JobSource source, String jobId) {
    long generation = cache.itemGeneration(jobId);
    ObservedJobCache.CachedItems cached = cache.items(jobId).orElse(null);
    boolean itemsMoved = cached != null && cached.generation() != generation;
    Job job = freshest(source != null && source.hasSynced() ? source.job(jobId).orElse(null) : null,
        cache.readBack(jobId).orElse(null));
    if (job == null || job.eTag() == null || itemsMoved) {
      job = client.findJob(jobId).orElse(null);
      if (job == null) {
        cache.forget(jobId);
        return new Observation(null, Set.of());
      }
      cache.putReadBack(job);
    }
    if (cached != null && !itemsMoved && job.eTag() != null && job.eTag().equals(cached.eTag())) {
      EnumSet<Scope> pending = EnumSet.noneOf(Scope.class);
      List<ObservedItem> selected = cached.selectedWithIds();
      List<ObservedItem> excluded = cached.excludedWithIds();
      if (selected == null) {
        selected = placeholders(cached.selected());
        pending.add(Scope.Selected);
      }
      if (excluded == null) {
        excluded = placeholders(cached.excluded());
        pending.add(Scope.Excluded);
      }
      return new Observation(JobMapping.toObserved(job, selected, excluded), pending);
    }
    List<ObservedItem> selected = list(client, job.id(), Scope.Selected);
    List<ObservedItem> excluded = list(client, job.id(), Scope.Excluded);
    if (job.eTag() != null) {
      cache.putItems(job.id(), new ObservedJobCache.CachedItems(job.eTag(), generation, items(selected),
          items(excluded), selected, excluded));
    }
    return new Observation(JobMapping.toObserved(job, selected, excluded), Set.of());
  }

  /** The same observation with real ids for the given lists (one listing each). */
  Observation withIds(VeeamClient client, Observation observation, Set<Scope> scopes) {
    ObservedJob job = observation.job();
    long generation = cache.itemGeneration(job.id());
    List<ObservedItem> selected = scopes.contains(Scope.Selected) ? list(client, job.id(), Scope.Selected)
        : job.selectedItems();
    List<ObservedItem> excluded = scopes.contains(Scope.Excluded) ? list(client, job.id(), Scope.Excluded)
        : job.excludedItems();
    EnumSet<Scope> pending = EnumSet.noneOf(Scope.class);
    pending.addAll(observation.pendingIds());
    pending.removeAll(scopes);
    if (job.eTag() != null) {
      cache.putItems(job.id(), new ObservedJobCache.CachedItems(job.eTag(), generation, items(selected),
          items(excluded), pending.contains(Scope.Selected) ? null : selected,
          pending.contains(Scope.Excluded) ? null : excluded));
    }
    ObservedJob updated = new ObservedJob(job.id(), job.eTag(), job.organizationId(), job.repositoryId(), job.name(),
        job.description(), job.backupType(), job.enabled(), job.schedule(), selected, excluded, job.lastStatus(),
        job.lastRun(), job.nextRun(), job.lastBackup());
    return new Observation(updated, pending);
  }

  /** After a create: the job's answer, and items exactly as sent (their ids unknown until listed). */
  void created(Job created, DesiredJob desired) {
    cache.putReadBack(created);
    if (created.eTag() != null) {
      cache.putItems(created.id(), new ObservedJobCache.CachedItems(created.eTag(),
          cache.itemGeneration(created.id()), desired.selectedItems(), desired.excludedItems(), null, null));
    }
  }

  /** The items generation of a job now: taken before writes, handed to {@link #written}. */
  long itemGeneration(String jobId) {
    return cache.itemGeneration(jobId);
  }

  /**
   * After other writes: the job as read back. When the writes left the item lists alone (settings,
   * enable, disable) and no item change was reported since {@code generationBefore} (taken before
   * the writes), the cached lists stay valid at the read-back's eTag: an item change by anyone
   * else in between would have bumped the generation, now or when its event arrives. Otherwise
   * (item writes: VB365 answers them with 204 and no ids) they are listed again when next needed.
   */
  void written(Job readBack, boolean itemsUntouched, long generationBefore) {
    cache.putReadBack(readBack);
    ObservedJobCache.CachedItems cached = cache.items(readBack.id()).orElse(null);
    if (itemsUntouched && cached != null && cached.eTag() != null && readBack.eTag() != null
        && cached.generation() == generationBefore && cache.itemGeneration(readBack.id()) == generationBefore
        && readBack.eTag() >= cached.eTag()) {
      cache.putItems(readBack.id(), cached.at(readBack.eTag()));
    } else {
      cache.invalidateItems(readBack.id());
    }
  }

  /** After a failed write: nothing known is trusted any more. */
  void forget(String jobId) {
    cache.forget(jobId);
  }

  private static Job freshest(Job fromFeed, Job ownRead) {
    if (fromFeed == null) {
      return ownRead;
    }
    if (ownRead == null || fromFeed.eTag() == null || ownRead.eTag() == null) {
      return fromFeed;
    }
    return ownRead.eTag() > fromFeed.eTag() ? ownRead : fromFeed;
  }

  private static List<ObservedItem> list(VeeamClient client, String jobId, Scope scope) {
    return ItemMapping.toObserved(client.listItems(jobId, scope == Scope.Selected ? ItemScope.SELECTED
        : ItemScope.EXCLUDED));
  }

  private static List<ObservedItem> placeholders(List<BackupItem> items) {
    return items.stream().map(i -> new ObservedItem(PENDING + i.key(), i)).toList();
  }

  private static List<BackupItem> items(List<ObservedItem> observed) {
    return observed.stream().map(ObservedItem::item).toList();
  }
}
