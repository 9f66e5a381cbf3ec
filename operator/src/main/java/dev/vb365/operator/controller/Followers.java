package dev.vb365.operator.controller;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which BackupJobs follow which keys (an organization's directory, or one directory object), both ways, so that a
 * change of a key wakes exactly its followers and a BackupJob's keys can be replaced at each reconcile. Keys ignore
 * case, as VB365 ids do.
 */
final class Followers {

  private final ConcurrentHashMap<String, Set<ResourceID>> byKey = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ResourceID, Set<String>> keysOf = new ConcurrentHashMap<>();

  /** The BackupJob follows exactly these keys from now on (none: it follows nothing). */
  synchronized void follow(ResourceID backupJob, Set<String> keys) {
    Set<String> now = keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    Set<String> before = now.isEmpty() ? keysOf.remove(backupJob) : keysOf.put(backupJob, now);
    if (before != null) {
      for (String key : before) {
        if (!now.contains(key)) {
          byKey.computeIfPresent(key, (k, set) -> {
            set.remove(backupJob);
            return set.isEmpty() ? null : set;
          });
        }
      }
    }
    now.forEach(key -> byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(backupJob));
  }

  /** The BackupJobs following this key (a copy). */
  Set<ResourceID> of(String key) {
    Set<ResourceID> set = byKey.get(key.toLowerCase(Locale.ROOT));
    return set == null ? Set.of() : Set.copyOf(set);
  }
}
