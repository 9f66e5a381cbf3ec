package dev.vb365.operator.veeam;

/** A status this client has no better name for (405, 415, 3xx...). */
public final class UnexpectedStatusException extends VeeamException {

    public UnexpectedStatusException(Endpoint endpoint, int status, String errorCode, String serverMessage, String detail) {
        super(endpoint, status, errorCode, serverMessage, detail, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
