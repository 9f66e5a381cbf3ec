package dev.vb365.operator.veeam;

/**
 * No complete response: the connection was reset, a timeout struck, or the stream ended early. The
 * request may have reached the server. Retryable (the client retries idempotent calls itself).
 */
public class TransportException extends VeeamException {

    public TransportException(Endpoint endpoint, String detail, Throwable cause) {
        super(endpoint, 0, null, null, detail, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
