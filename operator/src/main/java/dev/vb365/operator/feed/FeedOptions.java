package dev.vb365.operator.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * @param longPollWait how long one {@code /v8/Events} call waits for events (timeoutSeconds)
 * @param eventLimit events per call
 * @param pollInterval time between job listings when the server has no change feed (v6/v7)
 * @param minBackoff first wait after a failure (the wait doubles up to {@code maxBackoff}, jittered)
 * @param batchWindow after a page that brought events (fewer than {@code eventLimit}), how long the feed
 *     waits before the next long poll, so that a burst of changes (each of which would end a long poll at
 *     once) is collected into few pages; zero polls again at once. It adds at most this much to drift
 *     detection latency, and only for changes that follow another change closely.
 */
public record FeedOptions(Duration longPollWait, int eventLimit, Duration pollInterval, Duration minBackoff,
        Duration maxBackoff, Duration batchWindow, boolean pollOnly) {

    /** Without a batching window. */
    public FeedOptions(Duration longPollWait, int eventLimit, Duration pollInterval, Duration minBackoff,
            Duration maxBackoff) {
        this(longPollWait, eventLimit, pollInterval, minBackoff, maxBackoff, Duration.ZERO, false);
    }

    /** Using the events API where the server has it. */
    public FeedOptions(Duration longPollWait, int eventLimit, Duration pollInterval, Duration minBackoff,
            Duration maxBackoff, Duration batchWindow) {
        this(longPollWait, eventLimit, pollInterval, minBackoff, maxBackoff, batchWindow, false);
    }

    public FeedOptions {
        Objects.requireNonNull(longPollWait, "longPollWait");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(minBackoff, "minBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(batchWindow, "batchWindow");
        if (batchWindow.isNegative()) {
            throw new IllegalArgumentException("batchWindow must not be negative");
        }
        if (eventLimit < 1) {
            throw new IllegalArgumentException("eventLimit must be positive");
        }
        if (minBackoff.isZero() || minBackoff.isNegative()) {
            throw new IllegalArgumentException("minBackoff must be positive: the feed must never spin");
        }
    }

    /**
     * 50 s long polls of up to 1000 events (1.2 idle requests a minute, and under the 60 s idle timeout
     * common in load balancers), polling every 30 s without events, backoff 1 s to 60 s, and a 500 ms
     * batching window after a page with events.
     */
    public static FeedOptions defaults() {
        return new FeedOptions(Duration.ofSeconds(50), 1000, Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofMillis(500));
    }

    /** The same options with another polling interval (for servers without a change feed). */
    public FeedOptions withPollInterval(Duration interval) {
        return new FeedOptions(longPollWait, eventLimit, interval, minBackoff, maxBackoff, batchWindow, pollOnly);
    }

    /**
     * The same options listing the jobs every {@code pollInterval} even where the server has {@code /Events}
     * ({@code --feed poll}): one polling implementation for both.
     */
    public FeedOptions pollingOnly() {
        return new FeedOptions(longPollWait, eventLimit, pollInterval, minBackoff, maxBackoff, batchWindow, true);
    }
}
