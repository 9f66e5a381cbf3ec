package dev.vb365.simulator.http;

import java.util.Map;

/** An error answered as RESTExceptionInfo with an HTTP status; the message names the offending field. */
public class ApiException extends RuntimeException {
  private final int status;
  private final ErrorCode errorCode;
  private final Map<String, String> headers;

  public ApiException(int status, ErrorCode errorCode, String message) {
    this(status, errorCode, message, Map.of());
  }

  public ApiException(int status, ErrorCode errorCode, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.headers = Map.copyOf(headers);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, ErrorCode.ResourceNotFound, message);
  }

  public static ApiException invalid(String message) {
    return new ApiException(400, ErrorCode.ParameterValidationFailure, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, ErrorCode.OperationConflict, message);
  }

  public int status() {
    return status;
  }

  /** Null when the error has no v8 code (401, 429, unknown routes). */
  public ErrorCode errorCode() {
    return errorCode;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
