package dev.vb365.operator.veeam;

/** 403: the account may not do this. */
public final class ForbiddenException extends VeeamException {

    public ForbiddenException(Endpoint endpoint, int status, String errorCode, String serverMessage, String detail) {
        super(endpoint, status, errorCode, serverMessage, detail, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
