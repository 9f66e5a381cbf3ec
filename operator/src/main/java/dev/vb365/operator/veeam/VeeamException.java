package dev.vb365.operator.veeam;

/**
 * A failed conversation with VB365. Every subclass says which call failed ({@link #endpoint()}),
 * what the server said when it said something ({@link #status()}, {@link #errorCode()},
 * {@link #serverMessage()} from RESTExceptionInfo) and whether trying again later can help
 * ({@link #retryable()}). Messages never contain passwords or tokens.
 */
public abstract class VeeamException extends RuntimeException {

    private final Endpoint endpoint;
    private final int status;
    private final String errorCode;
    private final String serverMessage;
    private final String detail;

    protected VeeamException(Endpoint endpoint, int status, String errorCode, String serverMessage, String detail,
            Throwable cause) {
        super(message(endpoint, status, errorCode, serverMessage, detail), cause);
        this.endpoint = endpoint;
        this.status = status;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
        this.detail = detail;
    }

    private static String message(Endpoint endpoint, int status, String errorCode, String serverMessage,
            String detail) {
        StringBuilder sb = new StringBuilder();
        sb.append(endpoint == null ? "VB365" : endpoint.toString()).append(':');
        if (status > 0) {
            sb.append(" HTTP ").append(status);
        }
        if (errorCode != null) {
            sb.append(' ').append(errorCode);
        }
        if (detail != null) {
            sb.append(status > 0 || errorCode != null ? ": " : " ").append(detail);
        }
        if (serverMessage != null && !serverMessage.isBlank()) {
            sb.append(status > 0 || errorCode != null || detail != null ? ": " : " ").append(serverMessage);
        }
        return sb.toString();
    }

    /** The call that failed; {@code null} only for failures outside any call. */
    public Endpoint endpoint() {
        return endpoint;
    }

    public String method() {
        return endpoint == null ? null : endpoint.method();
    }

    public String pathTemplate() {
        return endpoint == null ? null : endpoint.pathTemplate();
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** RESTExceptionInfo.errorCode (v7+), e.g. {@code ResourceNotFound}, or {@code null}. */
    public String errorCode() {
        return errorCode;
    }

    /** RESTExceptionInfo.message, or {@code null}. */
    public String serverMessage() {
        return serverMessage;
    }

    /** What the client found wrong, apart from the server's own message; may be {@code null}. */
    public String detail() {
        return detail;
    }

    /** Whether the same call may succeed later without any change on the caller's side. */
    public abstract boolean retryable();
}
