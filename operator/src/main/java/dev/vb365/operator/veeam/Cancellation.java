package dev.vb365.operator.veeam;

import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;

/**
 * Lets a caller abort a blocking client call (a long poll) from another thread. Once cancelled it
 * stays cancelled: every call made with it fails fast with a
 * {@link java.util.concurrent.CancellationException}.
 */
public final class Cancellation {

    private final AtomicReference<Call> inFlight = new AtomicReference<>();
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
        Call call = inFlight.get();
        if (call != null) {
            call.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    void register(Call call) {
        inFlight.set(call);
        if (cancelled) {
            call.cancel();
        }
    }

    void release(Call call) {
        inFlight.compareAndSet(call, null);
    }

    void throwIfCancelled() {
        if (cancelled) {
            throw new java.util.concurrent.CancellationException("VB365 call cancelled");
        }
    }
}
