package dev.vb365.operator.veeam;

/**
 * The VB365 REST API versions this client speaks, newest first. The differences it hides:
 * <ul>
 *   <li>v8 creates jobs with {@code POST /v8/Jobs} (organizationId in the body, 201); v6/v7 with
 *       {@code POST /Organizations/{organizationId}/Jobs} (200) and their job body has no organizationId;</li>
 *   <li>v8 lists are pages ({@code offset}, {@code limit}, {@code setId}); v6/v7 return plain arrays
 *       for jobs, job items, organizations, repositories and proxies;</li>
 *   <li>v8 {@code start} returns the job session; v6/v7 return 204;</li>
 *   <li>v8 jobs carry an {@code eTag} and {@code /v8/Events} is a change feed; v6/v7 have neither;</li>
 *   <li>v8 takes {@code skipItemUpdate} on job and item writes;</li>
 *   <li>v6 calls the team item's chats option {@code chats}; v7+ {@code teamsChats};</li>
 *   <li>v6 schedules have no {@code periodicallyWindowEnabled} switch (its periodic window is
 *       used when given);</li>
 *   <li>v7+ need {@code disable_antiforgery_token=true} at login.</li>
 * </ul>
 */
public enum ApiVersion {
    V8("v8"),
    V7("v7"),
    V6("v6");

    private final String segment;

    ApiVersion(String segment) {
        this.segment = segment;
    }

    /** The path segment, e.g. {@code v8}. */
    public String segment() {
        return segment;
    }

    boolean pagedLists() {
        return this == V8;
    }

    boolean hasETags() {
        return this == V8;
    }

    boolean hasEvents() {
        return this == V8;
    }

    boolean startReturnsSession() {
        return this == V8;
    }

    boolean takesSkipItemUpdate() {
        return this == V8;
    }

    boolean teamChatsNamedChats() {
        return this == V6;
    }

    boolean needsAntiforgeryOptOut() {
        return this != V6;
    }

    boolean hasPeriodicWindowSwitch() {
        return this != V6;
    }

    boolean hasSiteFilter() {
        return this != V6;
    }
}
