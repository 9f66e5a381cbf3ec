package dev.vb365.operator.veeam.model;

/**
 * A Microsoft 365 organization added to VB365.
 *
 * @param name the organization name as VB365 shows it (for example {@code contoso.onmicrosoft.com})
 * @param officeName the Microsoft 365 tenant name, when the server reports it
 * @param type {@code Office365}, {@code OnPremises} or {@code Hybrid} as sent (display only)
 */
public record Organization(String id, String name, String officeName, String type) {
}
