package dev.vb365.operator.veeam;

/** A response this client cannot understand (invalid JSON, an array where an object belongs...). */
public final class MalformedResponseException extends VeeamException {

    public MalformedResponseException(Endpoint endpoint, int status, String detail, Throwable cause) {
        super(endpoint, status, null, null, detail, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
