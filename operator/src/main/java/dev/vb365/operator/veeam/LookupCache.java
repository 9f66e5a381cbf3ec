package dev.vb365.operator.veeam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Results of natural-key lookups for a while ({@code ttl}), and misses for a shorter while
 * ({@code negativeTtl}): a BackupJob naming a user who does not exist yet should not cost a
 * directory query on every reconcile, nor stay "not found" long after the user appears.
 * Ambiguities and failures are not cached.
 */
final class LookupCache {

    private final Clock clock;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    LookupCache(Clock clock, Duration ttl, Duration negativeTtl) {
        this.clock = clock;
        this.ttl = ttl;
        this.negativeTtl = negativeTtl;
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> loader) {
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && now.isBefore(entry.expires)) {
            if (entry.miss != null) {
                throw entry.miss.cachedCopy();
            }
            return (T) entry.value;
        }
        try {
            T value = loader.get();
            entries.put(key, new Entry(value, null, now.plus(ttl)));
            return value;
        } catch (NotFoundException miss) {
            entries.put(key, new Entry(null, miss, now.plus(negativeTtl)));
            throw miss;
        }
    }

    void clear() {
        entries.clear();
    }

    private record Entry(Object value, NotFoundException miss, Instant expires) {
    }
}
