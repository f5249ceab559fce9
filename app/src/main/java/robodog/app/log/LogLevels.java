package robodog.app.log;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The process's one logging backend: java.util.logging, with every line in {@link OneLineFormat} on
 * stderr. System.Logger goes to JUL by the JDK's default, slf4j (Moquette, Netty, DJL) through
 * slf4j-jdk14, Paho and perception use JUL directly; so one level setting governs them all.
 *
 * <p>A level spec is a comma list of {@code LEVEL} (the global level) and {@code COMPONENT=LEVEL}
 * entries, e.g. {@code debug,moquette=warn}; levels are error, warn, info, debug; a component is
 * one of {@link #ALIASES} or a logger name prefix with a dot ({@code robodog.autonomy}). Without a
 * spec: robodog's own loggers at info, everything else at warn. Moquette, Netty and DJL log at INFO
 * per connection, per message or per model load, so they stay at warn unless named, whatever the
 * global level. Called from the main thread before the command runs; not for the hot path.
 */
public final class LogLevels {
  /** Short component names users type, and the logger prefix each stands for. */
  public static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("robodog", "robodog"),
          Map.entry("loop", "robodog.core"),
          Map.entry("link", "robodog.operatorlink"),
          Map.entry("operator", "robodog.operatorlink.operator"),
          Map.entry("ros2", "robodog.operatorlink.ros2"),
          Map.entry("perception", "robodog.perception"),
          Map.entry("autonomy", "robodog.autonomy"),
          Map.entry("moquette", "io.moquette"),
          Map.entry("netty", "io.netty"),
          Map.entry("paho", "org.eclipse.paho"),
          Map.entry("djl", "ai.djl"));

  /** System property and environment variable that give a spec when no option does. */
  public static final String PROPERTY = "robodog.log";

  public static final String ENV = "ROBODOG_LOG";

  private static final List<String> CHATTY = List.of("io.moquette", "io.netty", "ai.djl");

  /** JUL holds loggers weakly: a level set on a collected logger would be forgotten. */
  private static final List<Logger> KEPT = new ArrayList<>();

  private LogLevels() {}

  /** Applies {@code robodog.log} or {@code $ROBODOG_LOG}, else the defaults. */
  public static void applyDefault() {
    String spec = System.getProperty(PROPERTY);
    if (spec == null) {
      spec = System.getenv(ENV);
    }
    try {
      apply(spec == null ? "" : spec);
    } catch (IllegalArgumentException e) {
      apply("");
      System.err.println("robodog: ignoring " + PROPERTY + "/" + ENV + ": " + e.getMessage());
    }
  }

  /**
   * Installs the handler and the levels of {@code spec} (empty: the defaults).
   *
   * @throws IllegalArgumentException naming the entry that is not a level or component
   */
  public static synchronized void apply(String spec) {
    Level global = null;
    Map<String, Level> named = new LinkedHashMap<>();
    for (String raw : spec.split(",")) {
      String e = raw.trim().toLowerCase(Locale.ROOT);
      if (e.isEmpty()) {
        continue;
      }
      int eq = e.indexOf('=');
      if (eq < 0) {
        global = level(e);
      } else {
        named.put(prefix(e.substring(0, eq).trim()), level(e.substring(eq + 1).trim()));
      }
    }
    LogManager.getLogManager().reset();
    KEPT.clear();
    Logger root = Logger.getLogger("");
    root.addHandler(new CurrentStderr());
    root.setLevel(global != null ? global : Level.WARNING);
    set("robodog", global != null ? global : Level.INFO);
    Level chatty = moreSevere(Level.WARNING, global != null ? global : Level.WARNING);
    for (String c : CHATTY) {
      set(c, chatty);
    }
    named.forEach(LogLevels::set);
  }

  private static void set(String prefix, Level l) {
    Logger log = Logger.getLogger(prefix);
    log.setLevel(l);
    KEPT.add(log);
  }

  private static Level moreSevere(Level a, Level b) {
    return a.intValue() >= b.intValue() ? a : b;
  }

  static Level level(String s) {
    return switch (s) {
      case "error" -> Level.SEVERE;
      case "warn" -> Level.WARNING;
      case "info" -> Level.INFO;
      case "debug" -> Level.FINE;
      default ->
          throw new IllegalArgumentException(
              "'" + s + "': expected a level (error, warn, info, debug)");
    };
  }

  static String prefix(String component) {
    String p = ALIASES.get(component);
    if (p != null) {
      return p;
    }
    if (component.contains(".")) {
      return component;
    }
    throw new IllegalArgumentException(
        "'"
            + component
            + "': expected a component ("
            + String.join(", ", new java.util.TreeSet<>(ALIASES.keySet()))
            + ") or a logger name such as robodog.autonomy");
  }

  /**
   * Writes to whatever {@code System.err} is when the line is logged (JUL's ConsoleHandler keeps
   * the stream of its creation; tests that capture stderr need the current one).
   */
  private static final class CurrentStderr extends Handler {
    CurrentStderr() {
      setFormatter(new OneLineFormat());
      setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord r) {
      if (isLoggable(r)) {
        System.err.print(getFormatter().format(r));
      }
    }

    @Override
    public void flush() {
      System.err.flush();
    }

    @Override
    public void close() {}
  }
}
