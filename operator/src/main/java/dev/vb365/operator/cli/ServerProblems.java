package dev.vb365.operator.cli;

import dev.vb365.operator.veeam.ForbiddenException;
import dev.vb365.operator.veeam.TlsException;
import dev.vb365.operator.veeam.UnauthorizedException;
import dev.vb365.operator.veeam.VeeamException;

/**
 * A failed conversation with a VB365 server, as one line for a person at a terminal: what went wrong, in the
 * client's words (never an exception class or a stack trace), and which option fixes it when one does.
 */
final class ServerProblems {

  private ServerProblems() {
  }

  static String describe(String url, VeeamException e) {
    String what = e.detail() != null && e.status() == 0 ? e.detail() : e.getMessage();
    String hint = "";
    if (e instanceof TlsException tls) {
      hint = switch (tls.kind()) {
        case UNTRUSTED_CERTIFICATE -> "; give the CA certificate that signed it with --ca-file FILE (PEM)";
        case HOSTNAME_MISMATCH -> "; use the host name the certificate names in --url";
        case NOT_TLS -> "";
        case HANDSHAKE_FAILED -> "; check that --url names the VB365 REST API port";
      };
    } else if (e instanceof UnauthorizedException) {
      what = "VB365 refused the user name or password";
      hint = " (check --username and the --password-file's content)";
    } else if (e instanceof ForbiddenException) {
      hint = " (the account may not read jobs: use a VB365 administrator or a role that may)";
    }
    return "VB365 at " + url + ": " + what + hint;
  }
}
