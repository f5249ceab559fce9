package robodog.app.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every logging API lands in one format, and the level spec does what docs/logging.md says. */
class LogLevelsTest {
  @AfterEach
  void defaults() {
    LogLevels.apply("");
  }

  @Test
  void systemLoggerSlf4jAndJulShareTheOneLineFormat() {
    String text =
        captured(
            () -> {
              LogLevels.apply("");
              System.getLogger("robodog.core.LoopRunner").log(System.Logger.Level.WARNING, "late");
              org.slf4j.LoggerFactory.getLogger("robodog.operatorlink.Thing").warn("slf4j {}", 1);
              Logger.getLogger("robodog.perception.Pipe").warning("jul");
            });
    String[] lines = text.split("\\R");
    assertEquals(3, lines.length, text);
    assertTrue(lines[0].matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN LoopRunner: late"), text);
    assertTrue(lines[1].matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN Thing: slf4j 1"), text);
    assertTrue(lines[2].matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN Pipe: jul"), text);
  }

  @Test
  void moquetteStaysAtWarnUnlessNamedAndComponentsTakeTheirOwnLevel() {
    String text =
        captured(
            () -> {
              LogLevels.apply("info,link=debug");
              org.slf4j.LoggerFactory.getLogger("io.moquette.broker.Session").info("per message");
              org.slf4j.LoggerFactory.getLogger("robodog.operatorlink.X").debug("link detail");
              org.slf4j.LoggerFactory.getLogger("robodog.autonomy.Y").debug("hidden");
            });
    assertFalse(text.contains("per message"), text);
    assertTrue(text.contains("DEBUG X: link detail"), text);
    assertFalse(text.contains("hidden"), text);
    LogLevels.apply("moquette=info");
    assertTrue(Logger.getLogger("io.moquette.broker.Session").isLoggable(Level.INFO));
  }

  @Test
  void aBadSpecNamesTheEntry() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LogLevels.apply("loud"));
    assertTrue(e.getMessage().contains("'loud'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LogLevels.apply("mqtt=debug"));
    assertTrue(e.getMessage().contains("'mqtt'") && e.getMessage().contains("moquette"));
  }

  private static String captured(Runnable r) {
    PrintStream was = System.err;
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(b, true, StandardCharsets.UTF_8));
      r.run();
    } finally {
      System.setErr(was);
    }
    return b.toString(StandardCharsets.UTF_8);
  }
}
