package dev.vb365.simulator;

import java.util.Locale;

/**
 * The REST API version a simulator serves. One server serves one version, as a VB365 server of a given
 * release does; the differences that matter to clients are captured here as named capabilities.
 */
public enum ApiVersion {
  V6, V7, V8;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String prefix() {
    return "/" + id();
  }

  public static ApiVersion parse(String text) {
    for (ApiVersion v : values()) {
      if (v.id().equalsIgnoreCase(text.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown API version '" + text + "' (expected v8, v7 or v6)");
  }

  /** v8 lists jobs, job items, organizations, repositories and proxies as pages; v6/v7 as plain arrays. */
  public boolean pagesTopLevelLists() {
    return this == V8;
  }

  /** Jobs carry an integer eTag and there is a change feed (GET /Events) only from v8. */
  public boolean hasEtagsAndEvents() {
    return this == V8;
  }

  /** v8 creates jobs with POST /Jobs (201); v6/v7 with POST /Organizations/{id}/Jobs (200). */
  public boolean createsJobsAtTopLevel() {
    return this == V8;
  }

  /** v8 answers POST /Jobs/{id}/start with the job session (200); v6/v7 with 204. */
  public boolean startReturnsSession() {
    return this == V8;
  }

  /** RESTExceptionInfo.errorCode exists from v7, but only v8 lists codes other than ProxyOffline. */
  public boolean hasErrorCodes() {
    return this == V8;
  }

  /** The antiforgery token protection of the token endpoint exists from v7. */
  public boolean hasAntiforgery() {
    return this != V6;
  }
}
