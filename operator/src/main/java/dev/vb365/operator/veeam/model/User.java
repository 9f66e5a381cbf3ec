package dev.vb365.operator.veeam.model;

/**
 * An organization user.
 *
 * @param name the user principal name (e-mail address)
 * @param type {@code User}, {@code Shared} or {@code Public} as sent
 * @param locationType {@code Cloud}, {@code OnPremises} or {@code Hybrid} as sent
 * @param office the user's office (v7 and later; null when not sent)
 * @param licenses the SKU part numbers of the user's licences (v8; null when the API does not say, empty when none)
 */
public record User(String id, String name, String displayName, String type, String locationType, String office,
        java.util.List<String> licenses) {

    /** A user as an item body or a lookup by name knows it: without office and licences. */
    public User(String id, String name, String displayName, String type, String locationType) {
        this(id, name, displayName, type, locationType, null, null);
    }
}
