package dev.vb365.operator.veeam.model;

/** A Microsoft Teams team. */
public record Team(String id, String displayName, String mail, String description) {
}
