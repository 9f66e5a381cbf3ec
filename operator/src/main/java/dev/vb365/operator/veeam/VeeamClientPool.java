package dev.vb365.operator.veeam;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link VeeamClient} per distinct {@link VeeamConnection} (equal content, equal client): the
 * operator looks its client up by the connection it builds from a Secret, so a changed password
 * or CA bundle gets a fresh client with a fresh login, and an unchanged one keeps its token. All
 * clients share the connection pool of {@link VeeamClientOptions#baseHttpClient()}.
 */
public final class VeeamClientPool {

    private final VeeamClientOptions options;
    private final ConcurrentHashMap<VeeamConnection, VeeamClient> clients = new ConcurrentHashMap<>();

    public VeeamClientPool(VeeamClientOptions options) {
        this.options = options;
    }

    public VeeamClient clientFor(VeeamConnection connection) {
        return clients.computeIfAbsent(connection, c -> VeeamClient.create(c, options));
    }

    /** Forgets clients whose connection is not in {@code live} (e.g. after a Secret changed). */
    public void retainOnly(Collection<VeeamConnection> live) {
        Set<VeeamConnection> keep = new HashSet<>(live);
        clients.keySet().removeIf(c -> !keep.contains(c));
    }

    /**
     * Cuts short every VB365 call in flight (of all clients: they share one dispatcher), for a stop that cannot wait
     * for a slow server any longer.
     */
    public void cancelAll() {
        options.baseHttpClient().dispatcher().cancelAll();
    }

    public int size() {
        return clients.size();
    }
}
