package dev.vb365.operator.veeam;

import java.time.Duration;
import java.util.Optional;

/** 5xx: the server (or a proxy in front of it) failed. Retryable, except 501 Not Implemented. */
public final class ServerErrorException extends VeeamException {

    private final Duration retryAfter;

    public ServerErrorException(Endpoint endpoint, int status, String errorCode, String serverMessage, String detail,
            Duration retryAfter) {
        super(endpoint, status, errorCode, serverMessage, detail, null);
        this.retryAfter = retryAfter;
    }

    /** A 503's Retry-After, when sent. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean retryable() {
        return status() != 501;
    }
}
