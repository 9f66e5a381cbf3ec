package dev.vb365.operator.veeam;

import java.time.Duration;
import java.util.Objects;

/**
 * HTTP timeouts for one VB365 connection. {@code call} bounds one whole exchange (connect, send,
 * wait, read); long polls of the change feed get their own, longer limits.
 */
public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(call, "call");
    }

    /** 10 s to connect, 60 s to read or write, 120 s for a whole call: VB365 list calls can be slow. */
    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(120));
    }
}
