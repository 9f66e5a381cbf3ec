package dev.vb365.operator.secretscan;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;

/**
 * Sends every log event of the test JVM, with its exceptions and their causes, to {@link SuiteRecord}
 * for the suite-wide secret scan. Records nothing in JVMs without the recording property (processes
 * a test starts, the scan's own JVM), so none of them can overwrite the test JVM's log.
 */
public final class SuiteLogAppender extends AppenderBase<ILoggingEvent> {

  @Override
  protected void append(ILoggingEvent event) {
    StringBuilder line = new StringBuilder().append(Instant.ofEpochMilli(event.getTimeStamp())).append(' ')
        .append(event.getLevel()).append(" [").append(event.getThreadName()).append("] ")
        .append(event.getLoggerName()).append(" - ").append(event.getFormattedMessage());
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      StackTraceElementProxy[] frames = t.getStackTraceElementProxyArray();
      if (frames != null && frames.length > 0) {
        line.append(" at ").append(frames[0].getSTEAsString());
      }
    }
    SuiteRecord.logLine(line.toString());
  }
}
