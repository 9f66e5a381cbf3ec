package dev.vb365.simulator.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Issues and checks opaque bearer tokens. Access tokens live for the configured lifetime; refresh tokens
 * for 14 days and are single-use (a refresh returns a new pair and retires the old refresh token).
 * {@link #revokeAll()} invalidates every token issued so far.
 */
public final class TokenService {
  static final Duration REFRESH_LIFETIME = Duration.ofDays(14);

  private final Clock clock;
  private final IntSupplier lifetimeSeconds;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
  /** Every token ever issued (access, refresh, antiforgery), revoked or not: what leak scans look for. */
  private final java.util.Set<String> everIssued = ConcurrentHashMap.newKeySet();

  /** Who a token belongs to, until when, and the antiforgery token it is bound to (null when disabled). */
  public record Grant(String user, Instant issued, Instant expires, String antiforgeryToken) {
  }

  /** A newly issued pair. */
  public record Issued(String accessToken, String refreshToken, Grant grant) {
    public long expiresInSeconds() {
      return Duration.between(grant.issued(), grant.expires()).toSeconds();
    }

    @Override
    public String toString() {
      return "Issued[user=" + grant.user() + ", expires=" + grant.expires() + "]";
    }
  }

  public TokenService(Clock clock, IntSupplier lifetimeSeconds) {
    this.clock = clock;
    this.lifetimeSeconds = lifetimeSeconds;
  }

  public Issued issue(String user, boolean antiforgery) {
    Instant now = clock.instant();
    Grant grant = new Grant(user, now, now.plusSeconds(lifetimeSeconds.getAsInt()),
        antiforgery ? randomToken(24) : null);
    String access = randomToken(48);
    String refresh = randomToken(48);
    everIssued.add(access);
    everIssued.add(refresh);
    if (grant.antiforgeryToken() != null) {
      everIssued.add(grant.antiforgeryToken());
    }
    accessTokens.put(access, grant);
    refreshTokens.put(refresh, new Grant(user, now, now.plus(REFRESH_LIFETIME), grant.antiforgeryToken()));
    return new Issued(access, refresh, grant);
  }

  /** Exchanges a refresh token for a new pair; empty when it is unknown, used, revoked or expired. */
  public Optional<Issued> refresh(String refreshToken, boolean antiforgery) {
    Grant old = refreshTokens.remove(refreshToken);
    if (old == null || !old.expires().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(issue(old.user(), antiforgery));
  }

  /** The grant of a valid access token; empty when unknown, revoked or expired. */
  public Optional<Grant> authenticate(String accessToken) {
    Grant grant = accessTokens.get(accessToken);
    if (grant == null) {
      return Optional.empty();
    }
    if (!grant.expires().isAfter(clock.instant())) {
      accessTokens.remove(accessToken);
      return Optional.empty();
    }
    return Optional.of(grant);
  }

  /** Every token issued so far, including revoked and expired ones. */
  public java.util.Set<String> everIssued() {
    return java.util.Set.copyOf(everIssued);
  }

  public void revokeAll() {
    accessTokens.clear();
    refreshTokens.clear();
  }

  private String randomToken(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
