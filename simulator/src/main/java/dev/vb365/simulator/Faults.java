package dev.vb365.simulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Faults injected into API calls (never into /_sim/). Every field is optional; {@link #NONE} injects
 * nothing. The same fields are the JSON body of PUT /_sim/faults and the simulator's start flags.
 *
 * @param latencyMs delay added before every API response
 * @param jitterMs up to this many more milliseconds, uniformly random
 * @param errorRate share (0..1) of API calls answered with {@code errorStatus} instead
 * @param errorStatus status of injected errors (default 503)
 * @param pathPattern regular expression searched in the request path; errors, resets and lost responses only hit
 *     matching paths
 * @param resetRate share (0..1) of API calls whose connection is closed without an answer, before processing
 * @param throttleToken enforce the token endpoint's quotas (1/s, 5/min, 1500/h): 429 "Quota Exceeded" with Retry-After
 * @param tokenLifetimeSeconds lifetime of tokens issued from now on (default: the simulator's option, 3600)
 * @param sessionOutcome how job sessions end: Success (default), Warning or Failed
 * @param lostResponseRate share (0..1) of API calls that are processed, after which the connection is closed
 *     without an answer: a write whose client cannot tell whether it was applied
 * @param retryAfterSeconds sent as Retry-After with injected errors (a throttled or overloaded server)
 * @param slowRoute regular expression searched in "METHOD /path" (e.g. "^POST /v8/Jobs$"): matching calls are held
 *     {@code slowMs} before they are processed (a create that is still in flight when its client dies)
 * @param slowMs how long calls matching {@code slowRoute} are held
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record Faults(Long latencyMs, Long jitterMs, Double errorRate, Integer errorStatus, String pathPattern,
    Double resetRate, Boolean throttleToken, Integer tokenLifetimeSeconds, String sessionOutcome,
    Double lostResponseRate, Integer retryAfterSeconds, String slowRoute, Long slowMs) {

  public static final Faults NONE = new Faults(null, null, null, null, null, null, null, null, null, null);

  public Faults {
    requireRange("latencyMs", latencyMs, 0, 600_000);
    requireRange("jitterMs", jitterMs, 0, 600_000);
    requireShare("errorRate", errorRate);
    requireShare("resetRate", resetRate);
    requireShare("lostResponseRate", lostResponseRate);
    if (errorStatus != null && (errorStatus < 400 || errorStatus > 599)) {
      throw new IllegalArgumentException("errorStatus must be between 400 and 599, got " + errorStatus);
    }
    requireRange("slowMs", slowMs, 0, 600_000);
    if (retryAfterSeconds != null && (retryAfterSeconds < 0 || retryAfterSeconds > 86_400)) {
      throw new IllegalArgumentException("retryAfterSeconds must be between 0 and 86400, got " + retryAfterSeconds);
    }
    if (slowRoute != null) {
      try {
        Pattern.compile(slowRoute);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("slowRoute is not a valid regular expression: " + e.getDescription());
      }
    }
    if (pathPattern != null) {
      try {
        Pattern.compile(pathPattern);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("pathPattern is not a valid regular expression: " + e.getDescription());
      }
    }
    if (tokenLifetimeSeconds != null && tokenLifetimeSeconds < 1) {
      throw new IllegalArgumentException("tokenLifetimeSeconds must be at least 1, got " + tokenLifetimeSeconds);
    }
    if (sessionOutcome != null && !sessionOutcome.matches("Success|Warning|Failed")) {
      throw new IllegalArgumentException("sessionOutcome must be Success, Warning or Failed, got " + sessionOutcome);
    }
  }

  /** The faults without lost responses (the fields before {@code lostResponseRate} was added). */
  public Faults(Long latencyMs, Long jitterMs, Double errorRate, Integer errorStatus, String pathPattern,
      Double resetRate, Boolean throttleToken, Integer tokenLifetimeSeconds, String sessionOutcome) {
    this(latencyMs, jitterMs, errorRate, errorStatus, pathPattern, resetRate, throttleToken, tokenLifetimeSeconds,
        sessionOutcome, null);
  }

  /** The faults without Retry-After and slow routes (the fields before those were added). */
  public Faults(Long latencyMs, Long jitterMs, Double errorRate, Integer errorStatus, String pathPattern,
      Double resetRate, Boolean throttleToken, Integer tokenLifetimeSeconds, String sessionOutcome,
      Double lostResponseRate) {
    this(latencyMs, jitterMs, errorRate, errorStatus, pathPattern, resetRate, throttleToken, tokenLifetimeSeconds,
        sessionOutcome, lostResponseRate, null, null, null);
  }

  private static void requireRange(String name, Long value, long min, long max) {
    if (value != null && (value < min || value > max)) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  private static void requireShare(String name, Double value) {
    if (value != null && (value.isNaN() || value < 0 || value > 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
    }
  }

  public Faults withLatencyMs(Long v) {
    return new Faults(v, jitterMs, errorRate, errorStatus, pathPattern, resetRate, throttleToken,
        tokenLifetimeSeconds, sessionOutcome, lostResponseRate, retryAfterSeconds, slowRoute, slowMs);
  }

  public Faults withJitterMs(Long v) {
    return new Faults(latencyMs, v, errorRate, errorStatus, pathPattern, resetRate, throttleToken,
        tokenLifetimeSeconds, sessionOutcome, lostResponseRate, retryAfterSeconds, slowRoute, slowMs);
  }

  public Faults withErrorRate(Double v) {
    return new Faults(latencyMs, jitterMs, v, errorStatus, pathPattern, resetRate, throttleToken,
        tokenLifetimeSeconds, sessionOutcome, lostResponseRate, retryAfterSeconds, slowRoute, slowMs);
  }

  public Faults withErrorStatus(Integer v) {
    return new Faults(latencyMs, jitterMs, errorRate, v, pathPattern, resetRate, throttleToken,
        tokenLifetimeSeconds, sessionOutcome, lostResponseRate, retryAfterSeconds, slowRoute, slowMs);
  }

  public Faults withPathPattern(String v) {
    return new Faults(latencyMs, jitterMs, errorRate, errorStatus, v, resetRate, throttleToken,
        tokenLifetimeSeconds, sessionOutcome, lostResponseRate, retryAfterSeconds, slowRoute, slowMs);
  }

  public Faults withResetRate(Double v) {
    return new Faults(latencyMs, jitterMs, errorRate, errorStatus, pathPattern, v, throttleToken,
        tokenLifetimeSeconds, sessionOutcome, lostResponseRate, retryAfterSeconds, slowRoute, slowMs);
  }

  public Faults withThrottleToken(Boolean v) {
    return new Faults(latencyMs, jitterMs, errorRate, errorStatus, pathPattern, resetRate, v,
        tokenLifetimeSeconds, sessionOutcome, lostResponseRate, retryAfterSeconds, slowRoute, slowMs);
  }

  public Faults withTokenLifetimeSeconds(Integer v) {
    return new Faults(latencyMs, jitterMs, errorRate, errorStatus, pathPattern, resetRate, throttleToken, v,
        sessionOutcome, lostResponseRate, retryAfterSeconds, slowRoute, slowMs);
  }

  public Faults withSessionOutcome(String v) {
    return new Faults(latencyMs, jitterMs, errorRate, errorStatus, pathPattern, resetRate, throttleToken,
        tokenLifetimeSeconds, v, lostResponseRate, retryAfterSeconds, slowRoute, slowMs);
  }

  public Faults withLostResponseRate(Double v) {
    return new Faults(latencyMs, jitterMs, errorRate, errorStatus, pathPattern, resetRate, throttleToken,
        tokenLifetimeSeconds, sessionOutcome, v, retryAfterSeconds, slowRoute, slowMs);
  }

  public Faults withRetryAfterSeconds(Integer v) {
    return new Faults(latencyMs, jitterMs, errorRate, errorStatus, pathPattern, resetRate, throttleToken,
        tokenLifetimeSeconds, sessionOutcome, lostResponseRate, v, slowRoute, slowMs);
  }

  /** Holds calls whose "METHOD /path" matches {@code route} for {@code millis} before processing them. */
  public Faults withSlowRoute(String route, Long millis) {
    return new Faults(latencyMs, jitterMs, errorRate, errorStatus, pathPattern, resetRate, throttleToken,
        tokenLifetimeSeconds, sessionOutcome, lostResponseRate, retryAfterSeconds, route, millis);
  }

  public long latency() {
    return latencyMs == null ? 0 : latencyMs;
  }

  public long jitter() {
    return jitterMs == null ? 0 : jitterMs;
  }

  public double errors() {
    return errorRate == null ? 0 : errorRate;
  }

  public int errorStatusOrDefault() {
    return errorStatus == null ? 503 : errorStatus;
  }

  public double resets() {
    return resetRate == null ? 0 : resetRate;
  }

  public double lostResponses() {
    return lostResponseRate == null ? 0 : lostResponseRate;
  }

  public boolean throttlesToken() {
    return Boolean.TRUE.equals(throttleToken);
  }
}
