package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.veeam.AmbiguousMatchException;
import dev.vb365.operator.veeam.ConflictException;
import dev.vb365.operator.veeam.CreateOutcomeUnknownException;
import dev.vb365.operator.veeam.ForbiddenException;
import dev.vb365.operator.veeam.NotFoundException;
import dev.vb365.operator.veeam.ServerErrorException;
import dev.vb365.operator.veeam.ThrottledException;
import dev.vb365.operator.veeam.TlsException;
import dev.vb365.operator.veeam.UnauthorizedException;
import dev.vb365.operator.veeam.UnreachableException;
import dev.vb365.operator.veeam.ValidationException;
import dev.vb365.operator.veeam.VeeamException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VeeamFailuresTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(new UnauthorizedException(null, 401, null, null, null), Reasons.UNAUTHORIZED,
            ReconcileFailure.Retry.SLOW),
        Arguments.of(new ForbiddenException(null, 403, null, null, null), Reasons.FORBIDDEN,
            ReconcileFailure.Retry.SLOW),
        Arguments.of(new TlsException(null, TlsException.Kind.UNTRUSTED_CERTIFICATE, "PKIX", null),
            Reasons.TLS_UNTRUSTED, ReconcileFailure.Retry.SLOW),
        Arguments.of(new UnreachableException(null, "connection refused", null), Reasons.SERVER_UNREACHABLE,
            ReconcileFailure.Retry.TRANSIENT),
        Arguments.of(new ThrottledException(null, 429, null, "Quota Exceeded", null, Duration.ofSeconds(7)),
            Reasons.THROTTLED, ReconcileFailure.Retry.TRANSIENT),
        Arguments.of(new ServerErrorException(null, 503, null, null, null, null), Reasons.SERVER_ERROR,
            ReconcileFailure.Retry.TRANSIENT),
        Arguments.of(new ValidationException(null, 400, "ParameterValidationFailure", "bad", null),
            Reasons.REJECTED, ReconcileFailure.Retry.SLOW),
        Arguments.of(new ConflictException(null, 409, "OperationConflict", "running", null), Reasons.SERVER_ERROR,
            ReconcileFailure.Retry.TRANSIENT),
        Arguments.of(new CreateOutcomeUnknownException(null, "org", "Finance", null),
            Reasons.CREATE_OUTCOME_UNKNOWN, ReconcileFailure.Retry.TRANSIENT));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("failures")
  void eachClientFailureHasAReasonAndARetry(VeeamException e, String reason, ReconcileFailure.Retry retry) {
    ReconcileFailure failure = VeeamFailures.of(e);

    assertThat(failure.reason()).isEqualTo(reason);
    assertThat(failure.retry()).isEqualTo(retry);
  }

  @org.junit.jupiter.api.Test
  void throttlingKeepsTheServersRetryAfter() {
    assertThat(VeeamFailures.of(new ThrottledException(null, 429, null, null, null, Duration.ofSeconds(7)))
        .retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @org.junit.jupiter.api.Test
  void lookupsNameTheKindOfObjectAndListAmbiguousCandidates() {
    ReconcileFailure notFound = VeeamFailures.lookup(Reasons.USER_NOT_FOUND, "spec.selectedItems[1]: user \"x\"",
        new NotFoundException(null, 0, null, null, "user 'x' not found"));
    ReconcileFailure ambiguous = VeeamFailures.lookup(Reasons.GROUP_NOT_FOUND, "spec.selectedItems[0]: group \"Ops\"",
        new AmbiguousMatchException(null, "group", "Ops", List.of("Ops <ops@a> (1)", "Ops <ops@b> (2)")));

    assertThat(notFound.reason()).isEqualTo(Reasons.USER_NOT_FOUND);
    assertThat(notFound.retry()).isEqualTo(ReconcileFailure.Retry.SLOW);
    assertThat(notFound.getMessage()).isEqualTo("spec.selectedItems[1]: user \"x\" does not exist in VB365");
    assertThat(ambiguous.reason()).isEqualTo(Reasons.AMBIGUOUS_NAME);
    assertThat(ambiguous.getMessage()).contains("Ops <ops@a> (1), Ops <ops@b> (2)").contains("name it by id");
  }
}
