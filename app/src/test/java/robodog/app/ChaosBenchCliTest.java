package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code ./robodog bench chaos} end to end, small: every press of every case reaches ESTOP in
 * telemetry and the row says so; a case it does not know is refused. Checks what the figures mean,
 * not how fast this machine is.
 */
class ChaosBenchCliTest {
  @Test
  void everyPressOfEveryCaseShowsAsEstopInTelemetry() {
    Cli r = Cli.run("bench", "chaos", "--presses", "3", "--cases", "full-db,broker-restart");
    assertEquals(0, r.status, r.err + r.out);
    for (String c : new String[] {"full-db", "broker-restart"}) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(?m)^" + c + " +(\\d+) +(\\d+) +([0-9.]+) ")
              .matcher(r.out);
      assertTrue(m.find(), c + " row missing: " + r.out);
      assertEquals(3, Integer.parseInt(m.group(1)), c + ": presses measured\n" + r.out);
      assertEquals(0, Integer.parseInt(m.group(2)), c + ": presses lost\n" + r.out);
      assertTrue(Double.parseDouble(m.group(3)) > 0, c + ": a latency was measured\n" + r.out);
    }
  }

  @Test
  void anUnknownCaseIsRefusedNamingTheCases() {
    Cli r = Cli.run("bench", "chaos", "--cases", "earthquake");
    assertEquals(2, r.status, r.out);
    assertTrue(r.err.contains("--cases: unknown case 'earthquake'"), r.err);
    assertTrue(r.err.contains("quiet, locked-db, full-db, corrupt-db, broker-restart"), r.err);
  }
}
