package dev.vb365.operator.veeam.model;

/**
 * An organization group.
 *
 * @param name the group name (usually its e-mail address)
 * @param type {@code Office365}, {@code Security}, {@code Distribution}... as sent
 */
public record Group(String id, String name, String displayName, String type, String locationType) {
}
