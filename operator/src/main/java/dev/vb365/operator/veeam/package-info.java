/**
 * The typed VB365 REST client: the operator's only conversation with Veeam Backup for Microsoft 365.
 * It knows nothing of Kubernetes.
 *
 * <h2>Use</h2>
 * Build a {@link dev.vb365.operator.veeam.VeeamConnection} (base URL, user, {@link
 * dev.vb365.operator.veeam.Secret} password, optional CA bundle PEM, insecure opt-in, timeouts) and
 * get its {@link dev.vb365.operator.veeam.VeeamClient} from a {@link
 * dev.vb365.operator.veeam.VeeamClientPool}; the model it speaks is in {@code veeam.model}.
 *
 * <h2>Errors</h2>
 * Every failure is a {@link dev.vb365.operator.veeam.VeeamException} naming the call (method and
 * path template), the server's status, errorCode and message, and whether a later retry can help:
 * NotFound (404), Validation (400), Conflict (409), Unauthorized (bad credentials, persistent 401),
 * Forbidden (403), Throttled (429, with Retry-After), ServerError (5xx), UnexpectedStatus, Transport
 * (reset, timeout) and its Unreachable (nothing sent), Tls (untrusted, host name, handshake),
 * MalformedResponse, AmbiguousMatch (lookups), OutcomeUnknown and CreateOutcomeUnknown.
 *
 * <h2>Retries</h2>
 * Exponential backoff with full jitter ({@link dev.vb365.operator.veeam.RetryPolicy}: 4 attempts,
 * 250 ms doubling to 5 s, 30 s in all; Retry-After honoured up to 60 s). Which calls are retried
 * is decided by their safety ({@code Route}): GET, PUT, DELETE, enable, disable and stop on any
 * retryable failure; adding items only on a connect failure or a 429; creating and starting a job
 * never (an unclear failure is an OutcomeUnknownException). A 401 is retried once after a new
 * login, for every call (the server did not process it). The token endpoint has its own loop: 429
 * waited out as asked, 5xx and transport errors retried, a refused password not asked again for
 * 30 s.
 */
package dev.vb365.operator.veeam;
