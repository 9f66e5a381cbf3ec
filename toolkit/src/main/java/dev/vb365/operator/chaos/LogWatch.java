package dev.vb365.operator.chaos;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;

/**
 * Watches every log line of the process while a chaos run lasts. What counts as an unhandled exception:
 * <ul>
 *   <li>any ERROR line, from any logger (the operator's, JOSDK's, fabric8's, the simulator's);</li>
 *   <li>any WARN line carrying a stack trace whose exception (or a cause) is not one of the failures the chaos
 *       causes on purpose: VB365 errors and I/O failures (timeouts, resets), and Kubernetes 409 Conflicts.</li>
 * </ul>
 * WARN lines without a stack trace (a reconcile that failed and says why) are expected under faults and counted
 * only.
 */
final class LogWatch extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  /** Exceptions the faults cause by design; a WARN stack trace made only of these is expected. */
  private static final Set<String> EXPECTED = Set.of(
      "dev.vb365.operator.veeam.VeeamException",
      "java.io.IOException", "java.net.SocketTimeoutException", "java.net.SocketException",
      "java.net.http.HttpTimeoutException", "java.io.EOFException", "java.net.ConnectException",
      "java.util.concurrent.TimeoutException", "java.io.InterruptedIOException");

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final List<String> unexpected = new ArrayList<>();
  private final Map<String, Long> warnings = new TreeMap<>();

  static LogWatch attach() {
    LogWatch watch = new LogWatch();
    watch.setContext(watch.root.getLoggerContext());
    watch.setName("vb365-chaos-log-watch");
    watch.start();
    watch.root.addAppender(watch);
    return watch;
  }

  @Override
  protected synchronized void append(ILoggingEvent event) {
    if (event.getLevel().isGreaterOrEqual(Level.ERROR)
        || event.getLevel().isGreaterOrEqual(Level.WARN) && event.getThrowableProxy() != null
        && !expected(event.getThrowableProxy())) {
      if (unexpected.size() < 50) {
        IThrowableProxy t = event.getThrowableProxy();
        unexpected.add(event.getLevel() + " " + event.getLoggerName() + " [" + event.getThreadName() + "]: "
            + event.getFormattedMessage() + (t == null ? "" : " -- " + chain(t)));
      } else if (unexpected.size() == 50) {
        unexpected.add("...");
      }
    } else if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
      String logger = event.getLoggerName();
      warnings.merge(logger.substring(logger.lastIndexOf('.') + 1), 1L, Long::sum);
    }
  }

  /** Whether the exception is one the chaos causes on purpose, or a wrapper around one (a Conflict is a 409). */
  private static boolean expected(IThrowableProxy t) {
    for (IThrowableProxy p = t; p != null; p = p.getCause()) {
      if (EXPECTED.contains(p.getClassName()) || p.getClassName().startsWith("dev.vb365.operator.veeam.")
          && p.getClassName().endsWith("Exception")
          || p.getClassName().endsWith("KubernetesClientException") && p.getMessage() != null
          && p.getMessage().contains("Conflict")) {
        return true;
      }
    }
    return false;
  }

  private static String chain(IThrowableProxy t) {
    StringBuilder sb = new StringBuilder();
    for (IThrowableProxy p = t; p != null; p = p.getCause()) {
      sb.append(sb.length() == 0 ? "" : " <- ").append(p.getClassName()).append(": ").append(p.getMessage());
      if (p.getStackTraceElementProxyArray().length > 0) {
        sb.append(" at ").append(p.getStackTraceElementProxyArray()[0].getSTEAsString());
      }
    }
    return sb.toString();
  }

  synchronized List<String> unexpected() {
    return List.copyOf(unexpected);
  }

  /** WARN lines without an unexpected exception, by the simple name of their logger. */
  synchronized Map<String, Long> warnings() {
    return Map.copyOf(warnings);
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
