package dev.vb365.simulator.http;

/** The v8 RESTExceptionInfo.errorCode values the simulator uses (a subset of the spec's enum). */
public enum ErrorCode {
  ResourceNotFound,
  ParameterValidationFailure,
  OperationConflict,
  OutdatedChangeToken,
  ResourceAccessDenied,
  HttpError
}
