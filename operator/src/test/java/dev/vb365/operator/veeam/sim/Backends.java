package dev.vb365.operator.veeam.sim;

import dev.vb365.operator.veeam.ApiVersion;
import java.util.EnumMap;
import java.util.Map;

/**
 * One simulator per API version for a test class, started when first asked for (a class that only
 * runs its v8 tests starts one) and closed, after a last contract check, by {@link #closeAll()}.
 */
public final class Backends {

    private final Map<ApiVersion, SimBackend> started = new EnumMap<>(ApiVersion.class);

    public synchronized SimBackend of(ApiVersion version) {
        return started.computeIfAbsent(version, SimBackend::start);
    }

    /** Checks every started backend's contract record, then closes them all. */
    public synchronized void closeAll() {
        try {
            started.values().forEach(SimBackend::assertContractKept);
        } finally {
            started.values().forEach(SimBackend::close);
            started.clear();
        }
    }
}
