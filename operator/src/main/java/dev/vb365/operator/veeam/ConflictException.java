package dev.vb365.operator.veeam;

/**
 * 409 (OperationConflict): the object is busy, for example a job that is running. Not retried by
 * the client (the state will not change within its backoff) but retryable later.
 */
public final class ConflictException extends VeeamException {

    public ConflictException(Endpoint endpoint, int status, String errorCode, String serverMessage, String detail) {
        super(endpoint, status, errorCode, serverMessage, detail, null);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
