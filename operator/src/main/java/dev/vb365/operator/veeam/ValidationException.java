package dev.vb365.operator.veeam;

/** 400: the server rejected the request's parameters or body; only a change of the request helps. */
public final class ValidationException extends VeeamException {

    public ValidationException(Endpoint endpoint, int status, String errorCode, String serverMessage, String detail) {
        super(endpoint, status, errorCode, serverMessage, detail, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
