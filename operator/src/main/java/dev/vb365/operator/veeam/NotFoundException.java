package dev.vb365.operator.veeam;

/** 404: the object does not exist (or a lookup matched nothing). */
public final class NotFoundException extends VeeamException {

    public NotFoundException(Endpoint endpoint, int status, String errorCode, String serverMessage, String detail) {
        super(endpoint, status, errorCode, serverMessage, detail, null);
    }

    /** A copy for a cached miss: same facts, marked as coming from the cache. */
    NotFoundException cachedCopy() {
        return new NotFoundException(endpoint(), status(), errorCode(), serverMessage(),
                (detail() == null ? "not found" : detail()) + " (cached)");
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
