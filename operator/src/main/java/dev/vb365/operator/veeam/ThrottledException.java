package dev.vb365.operator.veeam;

import java.time.Duration;
import java.util.Optional;

/** 429: too many requests (the token endpoint is throttled per second, minute and hour). */
public final class ThrottledException extends VeeamException {

    private final Duration retryAfter;

    public ThrottledException(Endpoint endpoint, int status, String errorCode, String serverMessage, String detail,
            Duration retryAfter) {
        super(endpoint, status, errorCode, serverMessage, detail, null);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
