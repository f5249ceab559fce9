package robodog.locomotion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import robodog.core.Mode;
import robodog.core.Telemetry;

/** Telemetry names the command each tick computed its joint targets from. */
class CommandSeqTest {
  @Test
  void eachTickReportsTheSeqOfTheCommandItUsed() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.run(0.01);
    assertEquals(0, h.telemetry().commandSeq, "unnumbered command");
    h.command.seq = 41;
    h.walk(0.1, 0, 0);
    h.run(WalkHarness.DT);
    assertEquals(41, h.telemetry().commandSeq, "the very next tick");
    h.command.seq = 42;
    h.walk(0.2, 0, 0);
    assertEquals(41, h.telemetry().commandSeq, "not before a tick ran");
    h.run(WalkHarness.DT);
    assertEquals(42, h.telemetry().commandSeq);
    Telemetry copy = new Telemetry();
    copy.copyFrom(h.telemetry());
    assertEquals(42, copy.commandSeq, "carried through the telemetry mailbox");
    assertEquals(42, h.telemetry.latest().commandSeq);
  }
}
