package dev.vb365.operator.veeam;

/**
 * The TLS handshake failed: the server's certificate is not trusted (set a CA bundle), its name
 * does not match the host (fix the URL or certificate), or the handshake failed otherwise. Terminal
 * until the configuration or certificate changes.
 */
public final class TlsException extends VeeamException {

    /** Why the handshake failed. */
    public enum Kind {
        UNTRUSTED_CERTIFICATE,
        HOSTNAME_MISMATCH,
        /** The server answered without TLS: a plain-HTTP server behind an https:// URL. */
        NOT_TLS,
        HANDSHAKE_FAILED
    }

    private final Kind kind;

    public TlsException(Endpoint endpoint, Kind kind, String detail, Throwable cause) {
        super(endpoint, 0, null, null, detail, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
