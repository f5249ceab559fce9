package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code ./robodog bench chaos}: a case it does not know is refused, naming the ones it does. */
class ChaosBenchCliTest {
  @Test
  void anUnknownCaseIsRefusedNamingTheCases() {
    Cli r = Cli.run("bench", "chaos", "--cases", "earthquake");
    assertEquals(2, r.status, r.out);
    assertTrue(r.err.contains("--cases: unknown case 'earthquake'"), r.err);
    assertTrue(r.err.contains("quiet, locked-db, full-db, corrupt-db, broker-restart"), r.err);
  }
}
