package dev.vb365.operator.veeam;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * How a {@link VeeamClient} behaves, apart from where it connects.
 *
 * @param tokenRefreshSkew renew a token this long before it expires (at most half its lifetime)
 * @param authFailureBackoff after a rejected password, no new login for this long
 * @param lookupTtl how long natural-key lookups are cached
 * @param negativeLookupTtl how long "not found" lookups are cached
 * @param pageSize the {@code limit} of paged list calls (the API allows up to 10,000)
 * @param apiVersions versions to try at login, in order; a single one pins the version (no probing)
 * @param baseHttpClient the OkHttp client whose connection pool all VeeamClients share
 */
public record VeeamClientOptions(
        RetryPolicy retryPolicy,
        MeterRegistry meterRegistry,
        Clock clock,
        Duration tokenRefreshSkew,
        Duration authFailureBackoff,
        Duration lookupTtl,
        Duration negativeLookupTtl,
        int pageSize,
        List<ApiVersion> apiVersions,
        OkHttpClient baseHttpClient) {

    public VeeamClientOptions {
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(meterRegistry, "meterRegistry");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tokenRefreshSkew, "tokenRefreshSkew");
        Objects.requireNonNull(authFailureBackoff, "authFailureBackoff");
        Objects.requireNonNull(lookupTtl, "lookupTtl");
        Objects.requireNonNull(negativeLookupTtl, "negativeLookupTtl");
        Objects.requireNonNull(baseHttpClient, "baseHttpClient");
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 10000");
        }
        if (apiVersions == null || apiVersions.isEmpty()) {
            throw new IllegalArgumentException("apiVersions must not be empty");
        }
        apiVersions = List.copyOf(apiVersions);
    }

    /**
     * Default retries, a private {@link SimpleMeterRegistry}, the UTC system clock, renewal 5 minutes
     * before expiry, 30 s pause after a rejected password, lookups cached 5 minutes (misses 1 minute),
     * pages of 1000, versions v8, v7, v6, and the process-wide shared OkHttp pool.
     */
    public static VeeamClientOptions defaults() {
        return new VeeamClientOptions(RetryPolicy.defaults(), new SimpleMeterRegistry(), Clock.systemUTC(),
                Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(1), 1000,
                List.of(ApiVersion.V8, ApiVersion.V7, ApiVersion.V6), SharedHttp.BASE);
    }

    public VeeamClientOptions withRetryPolicy(RetryPolicy value) {
        return new VeeamClientOptions(value, meterRegistry, clock, tokenRefreshSkew, authFailureBackoff, lookupTtl,
                negativeLookupTtl, pageSize, apiVersions, baseHttpClient);
    }

    public VeeamClientOptions withMeterRegistry(MeterRegistry value) {
        return new VeeamClientOptions(retryPolicy, value, clock, tokenRefreshSkew, authFailureBackoff, lookupTtl,
                negativeLookupTtl, pageSize, apiVersions, baseHttpClient);
    }

    public VeeamClientOptions withClock(Clock value) {
        return new VeeamClientOptions(retryPolicy, meterRegistry, value, tokenRefreshSkew, authFailureBackoff,
                lookupTtl, negativeLookupTtl, pageSize, apiVersions, baseHttpClient);
    }

    public VeeamClientOptions withTokenRefreshSkew(Duration value) {
        return new VeeamClientOptions(retryPolicy, meterRegistry, clock, value, authFailureBackoff, lookupTtl,
                negativeLookupTtl, pageSize, apiVersions, baseHttpClient);
    }

    public VeeamClientOptions withAuthFailureBackoff(Duration value) {
        return new VeeamClientOptions(retryPolicy, meterRegistry, clock, tokenRefreshSkew, value, lookupTtl,
                negativeLookupTtl, pageSize, apiVersions, baseHttpClient);
    }

    public VeeamClientOptions withLookupTtl(Duration ttl, Duration negativeTtl) {
        return new VeeamClientOptions(retryPolicy, meterRegistry, clock, tokenRefreshSkew, authFailureBackoff, ttl,
                negativeTtl, pageSize, apiVersions, baseHttpClient);
    }

    public VeeamClientOptions withPageSize(int value) {
        return new VeeamClientOptions(retryPolicy, meterRegistry, clock, tokenRefreshSkew, authFailureBackoff,
                lookupTtl, negativeLookupTtl, value, apiVersions, baseHttpClient);
    }

    public VeeamClientOptions withApiVersions(List<ApiVersion> value) {
        return new VeeamClientOptions(retryPolicy, meterRegistry, clock, tokenRefreshSkew, authFailureBackoff,
                lookupTtl, negativeLookupTtl, pageSize, value, baseHttpClient);
    }

    public VeeamClientOptions withBaseHttpClient(OkHttpClient value) {
        return new VeeamClientOptions(retryPolicy, meterRegistry, clock, tokenRefreshSkew, authFailureBackoff,
                lookupTtl, negativeLookupTtl, pageSize, apiVersions, value);
    }

    /** The process-wide OkHttp client whose connection pool every VeeamClient derives from. */
    static final class SharedHttp {
        static final OkHttpClient BASE = new OkHttpClient.Builder().build();

        private SharedHttp() {
        }
    }
}
