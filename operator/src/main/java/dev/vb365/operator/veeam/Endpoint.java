package dev.vb365.operator.veeam;

/**
 * An HTTP method and path template such as {@code GET /v8/Jobs/{jobId}}: how calls are named in
 * errors, logs and metrics (ids stay out, so names are few and carry no data).
 */
public record Endpoint(String method, String pathTemplate) {

    @Override
    public String toString() {
        return method + " " + pathTemplate;
    }
}
