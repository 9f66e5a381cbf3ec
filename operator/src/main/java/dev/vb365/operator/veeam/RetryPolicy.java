package dev.vb365.operator.veeam;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1-based) the client sleeps a random
 * time in {@code [0, min(maxDelay, baseDelay * 2^(n-1))]}, or what a 429/503 {@code Retry-After}
 * asks (up to {@code maxRetryAfter}; a longer ask ends the retries with a {@link ThrottledException}).
 * At most {@code maxAttempts} attempts, and no retry would end later than {@code maxTotal} after
 * the first attempt started. Which calls are retried at all is decided per route (see {@code Route}).
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotal,
        Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxTotal, "maxTotal");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** 4 attempts, 250 ms base, 5 s cap, 30 s in total, Retry-After honoured up to 60 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(60));
    }

    /** One attempt only. */
    /**
     * For calls made inside a reconcile: 3 attempts within 2 s, Retry-After honoured up to 1 s. A longer wait ends
     * the call with the server's failure (and its Retry-After), and the reconcile is rescheduled instead.
     */
    public static RetryPolicy withinReconcile() {
        return new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(1));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The jittered delay before retry number {@code retry} (1 for the first retry). */
    public Duration backoff(int retry) {
        long base = Math.max(0, baseDelay.toMillis());
        long cap = Math.max(0, maxDelay.toMillis());
        long ceiling = Math.min(cap, base << Math.min(Math.max(retry - 1, 0), 20));
        return Duration.ofMillis(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
