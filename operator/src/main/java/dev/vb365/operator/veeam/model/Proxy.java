package dev.vb365.operator.veeam.model;

/** A backup proxy server; {@code status} is {@code Online} or {@code Offline} as sent. */
public record Proxy(String id, String hostName, String fqdn, String status) {
}
