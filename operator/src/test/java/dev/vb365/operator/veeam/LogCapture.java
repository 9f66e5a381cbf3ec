package dev.vb365.operator.veeam;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the operator's code logs (logger {@code dev.vb365} at DEBUG, so per-request lines are in) while a
 * test class runs, and the search of those lines and caught exceptions for secrets: the common part of
 * {@link LeakGuard} (fake server) and {@code SimLeakScan} (simulator).
 */
public final class LogCapture {

  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.vb365");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Level previousLevel;
  private final boolean previousAdditive;

  private LogCapture(boolean additive) {
    previousLevel = logger.getLevel();
    previousAdditive = logger.isAdditive();
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(additive);
    appender.start();
    logger.addAppender(appender);
  }

  /** Starts capturing; {@code additive} false keeps the DEBUG lines out of the test output. */
  public static LogCapture start(boolean additive) {
    return new LogCapture(additive);
  }

  /** Stops capturing and restores the logger; returns what was logged. */
  public List<ILoggingEvent> stop() {
    logger.detachAppender(appender);
    logger.setLevel(previousLevel);
    logger.setAdditive(previousAdditive);
    return List.copyOf(appender.list);
  }

  /** Every text to search: messages, exception messages down the cause chain, caught exceptions' traces. */
  public static List<String> texts(List<ILoggingEvent> events, List<Throwable> caught) {
    List<String> texts = new ArrayList<>();
    for (ILoggingEvent event : events) {
      texts.add(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        texts.add(t.getClassName() + ": " + t.getMessage());
      }
    }
    for (Throwable t : caught) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      texts.add(trace.toString());
      texts.add(t.toString());
    }
    return texts;
  }

  /** The texts that contain a secret, with the secret blanked out (so the report leaks nothing). */
  public static List<String> leaks(List<String> texts, Collection<String> secrets) {
    List<String> leaks = new ArrayList<>();
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      for (String secret : secrets) {
        if (text.contains(secret)) {
          leaks.add(text.replace(secret, "<SECRET>"));
        }
      }
    }
    return leaks;
  }
}
