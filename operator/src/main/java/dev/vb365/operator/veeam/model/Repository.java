package dev.vb365.operator.veeam.model;

/**
 * A backup repository. {@code organizationId} is its owner where the server reports one (v8).
 *
 * @param isLongTerm an archive object storage repository (Azure Blob Storage Archive, Amazon S3 Glacier): the only
 *     kind a backup copy job can copy to; {@code null} when the server does not say
 */
public record Repository(String id, String name, String description, String proxyId, String proxyPoolId,
        String organizationId, Boolean isLongTerm) {
}
