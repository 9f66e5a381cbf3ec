package dev.vb365.operator.veeam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Results of natural-key lookups for a while ({@code ttl}), and misses for a shorter while
 * ({@code negativeTtl}): a BackupJob naming a user who does not exist yet should not cost a
 * directory query on every reconcile, nor stay "not found" long after the user appears.
 * Ambiguities and failures are not cached.
 *
 * <p>Lookups are single-flight per key: when many BackupJobs naming the same organization start
 * at once, the first caller asks VB365 and the others wait for its answer (a hit or a miss) instead
 * of each sending the same request. A failure is handed to the callers that waited for it, and the
 * next caller asks again.
 */
final class LookupCache {

    private final Clock clock;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

    LookupCache(Clock clock, Duration ttl, Duration negativeTtl) {
        this.clock = clock;
        this.ttl = ttl;
        this.negativeTtl = negativeTtl;
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> loader) {
        Object cached = cached(key);
        if (cached != null) {
            return (T) cached;
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return (T) await(running);
        }
        try {
            // Another caller may have finished between our cache check and taking the flight.
            Object now = cached(key);
            if (now != null) {
                mine.complete(now);
                return (T) now;
            }
            T value = load(key, loader);
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** The cached value, null when there is none; a cached miss is thrown. */
    private Object cached(String key) {
        Entry entry = entries.get(key);
        if (entry == null || !clock.instant().isBefore(entry.expires)) {
            return null;
        }
        if (entry.miss != null) {
            throw entry.miss.cachedCopy();
        }
        return entry.value;
    }

    private <T> T load(String key, Supplier<T> loader) {
        Instant now = clock.instant();
        try {
            T value = loader.get();
            entries.put(key, new Entry(value, null, now.plus(ttl)));
            return value;
        } catch (NotFoundException miss) {
            entries.put(key, new Entry(null, miss, now.plus(negativeTtl)));
            throw miss;
        }
    }

    private static Object await(CompletableFuture<Object> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a VB365 lookup", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NotFoundException miss) {
                throw miss.cachedCopy();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    void clear() {
        entries.clear();
    }

    private record Entry(Object value, NotFoundException miss, Instant expires) {
    }
}
