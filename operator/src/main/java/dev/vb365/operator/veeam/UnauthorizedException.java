package dev.vb365.operator.veeam;

/**
 * The server does not accept the credentials: a rejected password login, or a 401 that persisted
 * after one fresh login. Terminal until the credentials change.
 */
public final class UnauthorizedException extends VeeamException {

    public UnauthorizedException(Endpoint endpoint, int status, String errorCode, String serverMessage,
            String detail) {
        super(endpoint, status, errorCode, serverMessage, detail, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
