package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import robodog.core.rt.RealtimeRequest;

/** The real-time options turn into the request they describe, and bad values name the option. */
class RealtimeOptionsTest {
  @Command(name = "probe")
  static final class Probe {
    @Mixin RealtimeOptions realtime = new RealtimeOptions();
  }

  private static RealtimeRequest parse(String... args) {
    Probe p = new Probe();
    new CommandLine(p).parseArgs(args);
    return p.realtime.request();
  }

  @Test
  void defaultsAskForEverythingButAnAffinity() {
    assertEquals(
        new RealtimeRequest(RealtimeOptions.DEFAULT_PRIORITY, true, RealtimeRequest.ANY_CPU, true),
        parse());
  }

  @Test
  void eachOptionChangesItsOwnStep() {
    assertEquals(
        new RealtimeRequest(0, true, 0, false),
        parse("--rt-priority", "0", "--cpu", "0", "--no-mlock"));
    assertEquals(RealtimeOptions.DEFAULT_PRIORITY, parse("--cpu", "0").fifoPriority());
  }

  @Test
  void badValuesNameTheOption() {
    int beyond = 4096;
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> parse("--cpu", "" + beyond));
    assertEquals(
        "--cpu 4096: this machine has CPUs " + RealtimeRequest.onlineCpus(), e.getMessage());
    Cli cli = Cli.run("bench", "loop", "--rt-priority", "120");
    assertEquals(2, cli.status);
    assertTrue(cli.err.contains("--rt-priority 120: SCHED_FIFO priorities are 1-99"), cli.err);
  }
}
