package dev.vb365.operator.veeam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how to reach one VB365 server. A value: two connections with the same content are
 * equal, so the operator can keep one {@link VeeamClient} per distinct connection (see
 * {@link VeeamClientPool}) and get a new one when the Secret behind it changes.
 *
 * @param baseUrl scheme, host and port, e.g. {@code https://vb365.example.com:4443} (no version)
 * @param caBundlePem PEM certificates to trust instead of the JVM's default trust store, or {@code null}
 * @param insecureSkipTlsVerify trust any certificate and host name (logged as a warning)
 */
public record VeeamConnection(String baseUrl, String username, Secret password, String caBundlePem,
        boolean insecureSkipTlsVerify, Timeouts timeouts) {

    public VeeamConnection {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI uri = URI.create(baseUrl);
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host: " + baseUrl);
        }
        if (caBundlePem != null && caBundlePem.isBlank()) {
            caBundlePem = null;
        }
        timeouts = timeouts == null ? Timeouts.defaults() : timeouts;
    }

    /**
     * What is wrong with {@code url} as a VB365 server's address, or null; never quotes it (it may carry a
     * password in its user info). One rule for connection Secrets and the command line.
     *
     * @param credentialsGoTo where a user name and password belong instead, e.g. "the keys username and password"
     */
    public static String urlProblem(String url, String credentialsGoTo) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "is not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "must start with https:// (or http://)";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not contain user info (user:password@): put them in " + credentialsGoTo;
        }
        if (uri.getHost() == null) {
            return "has no host name";
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/") || uri.getQuery() != null
                || uri.getFragment() != null) {
            return "must be the server's address only, without a path such as /v8 (the operator picks the API "
                    + "version and adds it)";
        }
        return null;
    }

    /** A connection that verifies TLS against the JVM trust store with default timeouts. */
    public static VeeamConnection of(String baseUrl, String username, Secret password) {
        return new VeeamConnection(baseUrl, username, password, null, false, Timeouts.defaults());
    }

    public VeeamConnection withCaBundle(String pem) {
        return new VeeamConnection(baseUrl, username, password, pem, insecureSkipTlsVerify, timeouts);
    }

    /** The same connection trusting the PEM certificates in {@code file} (e.g. a simulator's CA file). */
    public VeeamConnection withCaBundleFile(Path file) {
        try {
            return withCaBundle(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA bundle " + file, e);
        }
    }

    public VeeamConnection withInsecureSkipTlsVerify(boolean insecure) {
        return new VeeamConnection(baseUrl, username, password, caBundlePem, insecure, timeouts);
    }

    public VeeamConnection withTimeouts(Timeouts newTimeouts) {
        return new VeeamConnection(baseUrl, username, password, caBundlePem, insecureSkipTlsVerify, newTimeouts);
    }

    @Override
    public String toString() {
        // The PEM is long and the password secret: show what helps debugging only.
        return "VeeamConnection[baseUrl=" + baseUrl + ", username=" + username + ", password=***, caBundle="
                + (caBundlePem == null ? "none" : "custom") + ", insecureSkipTlsVerify=" + insecureSkipTlsVerify
                + ", timeouts=" + timeouts + "]";
    }
}
