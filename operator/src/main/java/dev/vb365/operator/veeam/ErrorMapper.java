package dev.vb365.operator.veeam;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Turns a non-2xx response into the typed exception, keeping RESTExceptionInfo's message and errorCode. */
final class ErrorMapper {

    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final Redactor redactor;
    private final Clock clock;

    ErrorMapper(Redactor redactor, Clock clock) {
        this.redactor = redactor;
        this.clock = clock;
    }

    VeeamException fromResponse(Endpoint endpoint, Response response) throws IOException {
        int status = response.code();
        byte[] bytes = readCapped(response.body());
        Wire.Error error = parse(bytes);
        String message = null;
        String errorCode = null;
        if (error != null) {
            errorCode = error.errorCode();
            message = firstNonBlank(error.message(), error.errorDescription(), error.error());
        } else if (bytes.length > 0) {
            message = VeeamJson.abbreviate(new String(bytes, StandardCharsets.UTF_8), 200);
        }
        message = redactor.redact(message);
        Duration retryAfter = retryAfter(response.header("Retry-After"));
        return map(endpoint, status, errorCode, message, retryAfter);
    }

    static VeeamException map(Endpoint endpoint, int status, String errorCode, String message, Duration retryAfter) {
        // Some servers answer with a 400/500 and a precise errorCode; the code is the better guide.
        if ("ResourceNotFound".equalsIgnoreCase(errorCode)) {
            return new NotFoundException(endpoint, status, errorCode, message, null);
        }
        if ("OperationConflict".equalsIgnoreCase(errorCode)) {
            return new ConflictException(endpoint, status, errorCode, message, null);
        }
        if ("ResourceAccessDenied".equalsIgnoreCase(errorCode)) {
            return new ForbiddenException(endpoint, status, errorCode, message, null);
        }
        return switch (status) {
            case 400 -> new ValidationException(endpoint, status, errorCode, message, null);
            case 401 -> new UnauthorizedException(endpoint, status, errorCode, message, null);
            case 403 -> new ForbiddenException(endpoint, status, errorCode, message, null);
            case 404 -> new NotFoundException(endpoint, status, errorCode, message, null);
            case 409 -> new ConflictException(endpoint, status, errorCode, message, null);
            case 429 -> new ThrottledException(endpoint, status, errorCode, message, null, retryAfter);
            default -> status >= 500
                    ? new ServerErrorException(endpoint, status, errorCode, message, null, retryAfter)
                    : new UnexpectedStatusException(endpoint, status, errorCode, message, null);
        };
    }

    /** Retry-After as delta-seconds or an HTTP date; {@code null} if absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static Wire.Error parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return VeeamJson.MAPPER.readValue(bytes, Wire.Error.class);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static byte[] readCapped(ResponseBody body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body.byteStream()) {
            return in.readNBytes(MAX_ERROR_BODY);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
