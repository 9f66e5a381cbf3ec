package dev.vb365.operator.veeam.model;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Case-insensitive parsing of {@link WireValue} enums that never fails on a new value. */
public final class OpenEnum {

    private static final Logger LOG = LoggerFactory.getLogger(OpenEnum.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private OpenEnum() {
    }

    /**
     * The constant whose wire name (or alias) equals {@code raw} ignoring case; {@code null} for a
     * null or blank value; {@code UNKNOWN} otherwise (logged once per distinct value).
     */
    public static <E extends Enum<E> & WireValue> E parse(Class<E> type, String raw) {
        return parse(type, raw, true);
    }

    /** As {@link #parse(Class, String)}, logging unknown values at DEBUG only (for open-ended sets like event types). */
    public static <E extends Enum<E> & WireValue> E parseQuietly(Class<E> type, String raw) {
        return parse(type, raw, false);
    }

    private static <E extends Enum<E> & WireValue> E parse(Class<E> type, String raw, boolean warn) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        E unknown = null;
        for (E constant : type.getEnumConstants()) {
            if (constant.wireName() == null) {
                unknown = constant;
                continue;
            }
            if (constant.wireName().equalsIgnoreCase(value)) {
                return constant;
            }
            for (String alias : constant.aliases()) {
                if (alias.equalsIgnoreCase(value)) {
                    return constant;
                }
            }
        }
        if (unknown == null) {
            throw new IllegalStateException(type.getSimpleName() + " has no UNKNOWN constant");
        }
        if (WARNED.add(type.getName() + ':' + value)) {
            if (warn) {
                LOG.warn("VB365 sent {} value '{}' that this client does not know; treating it as UNKNOWN",
                        type.getSimpleName(), value);
            } else {
                LOG.debug("Ignoring unknown {} value '{}'", type.getSimpleName(), value);
            }
        }
        return unknown;
    }

    /** The wire spelling of a constant to send; {@code UNKNOWN} cannot be sent. */
    public static String wireName(WireValue value) {
        if (value == null) {
            return null;
        }
        if (value.wireName() == null) {
            throw new IllegalArgumentException("cannot send an UNKNOWN value to VB365");
        }
        return value.wireName();
    }
}
