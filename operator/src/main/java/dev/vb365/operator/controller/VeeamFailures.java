package dev.vb365.operator.controller;

import dev.vb365.operator.mapping.UnreadableJobException;
import dev.vb365.operator.veeam.AmbiguousMatchException;
import dev.vb365.operator.veeam.ConflictException;
import dev.vb365.operator.veeam.CreateOutcomeUnknownException;
import dev.vb365.operator.veeam.ForbiddenException;
import dev.vb365.operator.veeam.NotFoundException;
import dev.vb365.operator.veeam.ServerErrorException;
import dev.vb365.operator.veeam.ThrottledException;
import dev.vb365.operator.veeam.TlsException;
import dev.vb365.operator.veeam.TransportException;
import dev.vb365.operator.veeam.UnauthorizedException;
import dev.vb365.operator.veeam.ValidationException;
import dev.vb365.operator.veeam.VeeamException;
import java.time.Duration;

/**
 * Turns what the VB365 client threw into a {@link ReconcileFailure}: the condition reason a user
 * can act on and whether to retry. The client's messages never contain secrets, so they are kept.
 */
final class VeeamFailures {

  private VeeamFailures() {
  }

  /** A failure of a call about the job (or of logging in). */
  static ReconcileFailure of(VeeamException e) {
    String message = e.getMessage();
    if (e instanceof UnauthorizedException) {
      return new ReconcileFailure(Reasons.UNAUTHORIZED, "VB365 refused the credentials of the connection Secret: "
          + message, ReconcileFailure.Retry.SLOW, null, e);
    }
    if (e instanceof ForbiddenException) {
      return new ReconcileFailure(Reasons.FORBIDDEN, "the VB365 account may not do this: " + message,
          ReconcileFailure.Retry.SLOW, null, e);
    }
    if (e instanceof TlsException tls) {
      String what = switch (tls.kind()) {
        case UNTRUSTED_CERTIFICATE -> "the VB365 server's certificate is not trusted (add the CA that signed it as "
            + "ca.crt to the connection Secret)";
        case HOSTNAME_MISMATCH -> "the VB365 server's certificate does not name the host of the Secret's url (use a "
            + "host name the certificate names)";
        case NOT_TLS -> "the VB365 server does not speak TLS (if it serves plain HTTP, the Secret's url starts with "
            + "http://)";
        case HANDSHAKE_FAILED -> "the TLS handshake with the VB365 server failed (check that the Secret's url names "
            + "the REST API port)";
      };
      return new ReconcileFailure(Reasons.TLS_UNTRUSTED, what + ": " + message, ReconcileFailure.Retry.SLOW, null, e);
    }
    if (e instanceof ThrottledException t) {
      return new ReconcileFailure(Reasons.THROTTLED, message + asked(t.retryAfter()), ReconcileFailure.Retry.TRANSIENT,
          t.retryAfter().orElse(null), e);
    }
    if (e instanceof CreateOutcomeUnknownException) {
      return new ReconcileFailure(Reasons.CREATE_OUTCOME_UNKNOWN, "the answer to creating the job was lost; the "
          + "operator looks for the job before it creates it again: " + message, ReconcileFailure.Retry.TRANSIENT,
          null, e);
    }
    if (e instanceof TransportException) {
      return new ReconcileFailure(Reasons.SERVER_UNREACHABLE, message, ReconcileFailure.Retry.TRANSIENT, null, e);
    }
    if (e instanceof ServerErrorException s) {
      return new ReconcileFailure(Reasons.SERVER_ERROR, message + asked(s.retryAfter()),
          ReconcileFailure.Retry.TRANSIENT, s.retryAfter().orElse(null), e);
    }
    if (e instanceof ValidationException) {
      return new ReconcileFailure(Reasons.REJECTED, "VB365 rejected the request: " + message,
          ReconcileFailure.Retry.SLOW, null, e);
    }
    if (e instanceof ConflictException) {
      return new ReconcileFailure(Reasons.SERVER_ERROR, "VB365 reported a conflict: " + message,
          ReconcileFailure.Retry.TRANSIENT, null, e);
    }
    if (e instanceof NotFoundException) {
      return new ReconcileFailure(Reasons.REJECTED, "VB365 does not know an object the job names: " + message,
          ReconcileFailure.Retry.SLOW, null, e);
    }
    // Malformed or unexpected answers, unclear outcomes: another try may go better.
    return new ReconcileFailure(Reasons.SERVER_ERROR, message, ReconcileFailure.Retry.TRANSIENT, null, e);
  }

  /**
   * A failed lookup of a name: not found and ambiguous are terminal for this spec but VB365 can
   * change, so they are retried slowly; anything else is a failure of the call itself.
   */
  static ReconcileFailure lookup(String notFoundReason, String what, VeeamException e) {
    if (e instanceof AmbiguousMatchException ambiguous) {
      return new ReconcileFailure(Reasons.AMBIGUOUS_NAME, what + " matches several VB365 objects: "
          + String.join(", ", ambiguous.candidates()) + "; name it by id", ReconcileFailure.Retry.SLOW, null, e);
    }
    if (e instanceof NotFoundException) {
      return new ReconcileFailure(notFoundReason, what + " does not exist in VB365", ReconcileFailure.Retry.SLOW, null,
          e);
    }
    return of(e);
  }

  static ReconcileFailure unreadable(UnreadableJobException e) {
    return new ReconcileFailure(Reasons.UNREADABLE_JOB, e.getMessage() + "; the operator does not change it",
        ReconcileFailure.Retry.SLOW, null, e);
  }

  /** "; VB365 asked to wait 30 s (Retry-After): no request to it before then", or nothing. */
  private static String asked(java.util.Optional<Duration> retryAfter) {
    return retryAfter.map(d -> "; VB365 asked to wait " + d.toSeconds() + " s (Retry-After): no request to it "
        + "before then").orElse("");
  }

  static Duration slowRetry() {
    return Duration.ofMinutes(5);
  }

  /** Five minutes, or the resync interval when that is shorter. */
  static Duration slowRetry(Duration resyncInterval) {
    return resyncInterval.compareTo(slowRetry()) < 0 ? resyncInterval : slowRetry();
  }
}
