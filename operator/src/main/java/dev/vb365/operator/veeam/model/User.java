package dev.vb365.operator.veeam.model;

/**
 * An organization user.
 *
 * @param name the user principal name (e-mail address)
 * @param type {@code User}, {@code Shared} or {@code Public} as sent
 * @param locationType {@code Cloud}, {@code OnPremises} or {@code Hybrid} as sent
 */
public record User(String id, String name, String displayName, String type, String locationType) {
}
