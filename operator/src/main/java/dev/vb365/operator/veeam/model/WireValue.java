package dev.vb365.operator.veeam.model;

/**
 * An enum constant that has a spelling on the wire. Every such enum has an {@code UNKNOWN}
 * constant (wire name {@code null}) for values the server sends that this client does not know:
 * real servers send values the spec does not list, and failing a whole job listing over one
 * status string would be worse than showing "unknown".
 */
public interface WireValue {

    /** The spelling the VB365 API uses, or {@code null} for {@code UNKNOWN}. */
    String wireName();

    /** Other spellings seen for the same value (older API versions, documentation). */
    default String[] aliases() {
        return new String[0];
    }
}
