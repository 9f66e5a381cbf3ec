package dev.vb365.operator.veeam.model;

/** A backup repository. {@code organizationId} is its owner where the server reports one (v8). */
public record Repository(String id, String name, String description, String proxyId, String proxyPoolId,
        String organizationId) {
}
