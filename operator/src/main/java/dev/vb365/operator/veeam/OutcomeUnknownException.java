package dev.vb365.operator.veeam;

/**
 * A write that is not safe to repeat (create a job, start a job, add items) failed in a way that
 * leaves open whether the server applied it: a timeout or reset after the request was sent, or a
 * 5xx. The client does not retry it; the caller must look at the server's state before trying again.
 * {@link #getCause()} is the underlying failure.
 */
public class OutcomeUnknownException extends VeeamException {

    public OutcomeUnknownException(Endpoint endpoint, String detail, VeeamException cause) {
        super(endpoint, cause == null ? 0 : cause.status(), cause == null ? null : cause.errorCode(),
                cause == null ? null : cause.serverMessage(), detail, cause);
    }

    /** Not blindly: look first. */
    @Override
    public boolean retryable() {
        return false;
    }
}
