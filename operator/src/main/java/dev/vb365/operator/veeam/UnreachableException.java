package dev.vb365.operator.veeam;

/**
 * The server could not be reached at all (refused, unknown host, connect timeout): the request was
 * certainly not sent, so even a create may be tried again.
 */
public final class UnreachableException extends TransportException {

    public UnreachableException(Endpoint endpoint, String detail, Throwable cause) {
        super(endpoint, detail, cause);
    }
}
