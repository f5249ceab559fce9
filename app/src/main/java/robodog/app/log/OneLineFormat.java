package robodog.app.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The one console format of every log line, whatever API wrote it (System.Logger, slf4j, JUL):
 * {@code HH:mm:ss.SSS LEVEL component: message}, local time, the component being the last part of
 * the logger name ({@code io.moquette.broker.NewNettyAcceptor} → {@code NewNettyAcceptor}). A stack
 * trace follows only when the caller attached a throwable, which the project does only for the
 * unexpected. Thread-safe: no state.
 */
public final class OneLineFormat extends Formatter {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  @Override
  public String format(LogRecord r) {
    StringBuilder b = new StringBuilder(96);
    b.append(TIME.format(r.getInstant()))
        .append(' ')
        .append(levelName(r.getLevel()))
        .append(' ')
        .append(component(r.getLoggerName()))
        .append(": ")
        .append(formatMessage(r))
        .append(System.lineSeparator());
    if (r.getThrown() != null) {
      StringWriter w = new StringWriter();
      r.getThrown().printStackTrace(new PrintWriter(w));
      b.append(w);
    }
    return b.toString();
  }

  /** JUL's level in the words of {@code --log-level} (slf4j's and System.Logger's names). */
  static String levelName(Level l) {
    int v = l.intValue();
    if (v >= Level.SEVERE.intValue()) {
      return "ERROR";
    }
    if (v >= Level.WARNING.intValue()) {
      return "WARN";
    }
    if (v >= Level.INFO.intValue()) {
      return "INFO";
    }
    if (v >= Level.FINE.intValue()) {
      return "DEBUG";
    }
    return "TRACE";
  }

  static String component(String loggerName) {
    if (loggerName == null || loggerName.isEmpty()) {
      return "robodog";
    }
    return loggerName.substring(loggerName.lastIndexOf('.') + 1);
  }
}
