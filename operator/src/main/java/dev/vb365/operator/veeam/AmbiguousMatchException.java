package dev.vb365.operator.veeam;

import java.util.List;

/** A lookup by natural key matched more than one object; the message lists the candidates. */
public final class AmbiguousMatchException extends VeeamException {

    private final List<String> candidates;

    public AmbiguousMatchException(Endpoint endpoint, String what, String key, List<String> candidates) {
        super(endpoint, 0, null, null, what + " '" + key + "' is ambiguous; candidates: "
                + String.join(", ", candidates), null);
        this.candidates = List.copyOf(candidates);
    }

    /** The candidates, each as "name (id)". */
    public List<String> candidates() {
        return candidates;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
