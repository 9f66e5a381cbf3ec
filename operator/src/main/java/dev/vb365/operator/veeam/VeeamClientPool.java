package dev.vb365.operator.veeam;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One {@link VeeamClient} per distinct {@link VeeamConnection} (equal content, equal client): the
 * operator looks its client up by the connection it builds from a Secret, so a changed password
 * or CA bundle gets a fresh client with a fresh login, and an unchanged one keeps its token. All
 * clients share the connection pool of {@link VeeamClientOptions#baseHttpClient()}.
 *
 * <p>A client holds its connection's password and tokens, so it is kept only while it is used: one that no
 * reconcile asked for within {@code idle} (the default 30 minutes is three resync intervals) is dropped, and with it
 * the old password of a rotated Secret or the credentials of a tenant whose BackupJobs are gone.
 */
public final class VeeamClientPool {

    /** How long an unused client is kept by default. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);

    private record Entry(VeeamClient client, long lastUsedNanos) {
    }

    private final VeeamClientOptions options;
    private final long idleNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<VeeamConnection, Entry> clients = new ConcurrentHashMap<>();

    public VeeamClientPool(VeeamClientOptions options) {
        this(options, DEFAULT_IDLE, System::nanoTime);
    }

    VeeamClientPool(VeeamClientOptions options, Duration idle, LongSupplier nanoTime) {
        this.options = options;
        this.idleNanos = idle.toNanos();
        this.nanoTime = nanoTime;
    }

    public VeeamClient clientFor(VeeamConnection connection) {
        long now = nanoTime.getAsLong();
        clients.values().removeIf(e -> now - e.lastUsedNanos() > idleNanos);
        return clients.compute(connection, (c, e) -> new Entry(e == null ? VeeamClient.create(c, options) : e.client(),
                now)).client();
    }

    /**
     * Cuts short every VB365 call in flight (of all clients: they share one dispatcher), for a stop that cannot wait
     * for a slow server any longer.
     */
    public void cancelAll() {
        options.baseHttpClient().dispatcher().cancelAll();
    }

    /** How long the clients cache name lookups. */
    public Duration lookupTtl() {
        return options.lookupTtl();
    }

    public int size() {
        return clients.size();
    }
}
