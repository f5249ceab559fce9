package robodog.operatorlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.config.ConfigException;

/**
 * The staged comms-loss response of teleop: with the shipped stages a silent lease holder gets a
 * controlled stop at 0.5 s, the robot sits at 10 s and its servos go off at 60 s, each stage
 * commanded once and reported; the holder's next message ends them. The stages come from {@code
 * link.yaml}, validated with messages naming the file and field.
 */
class CommsLossStagesTest {
  private static final long MS = 1_000_000L;
  @TempDir Path dir;

  private final Mailbox<MotionCommand> box =
      new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
  private final List<String> errors = new ArrayList<>();
  private final OperatorLink link =
      new OperatorLink(box, errors::add, CommsLossStages.load(Path.of("../config/link.yaml")));

  private void send(String topic, String json, long t) {
    link.onMessage("tablet", topic, json.getBytes(StandardCharsets.UTF_8), t);
  }

  @Test
  void aSilentHolderIsStoppedThenSatThenItsServosGoOff() {
    assertEquals(CommsLossStages.DEFAULT, link.commsLossStages(), "config/link.yaml ships these");
    send("cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    send("cmd/mode", "{\"seq\":2,\"mode\":\"walk\"}", 0);
    send("cmd/velocity", "{\"seq\":3,\"vx\":0.1,\"ttl_ms\":1000}", 0);
    List<Mode> commanded = new ArrayList<>();
    List<CommsLossStages.Stage> reported = new ArrayList<>();
    long lastSeq = box.latest().seq;
    // The link's timer at 50 Hz over 70 s of silence.
    for (long t = 0; t <= 70_000 * MS; t += 20 * MS) {
      link.tick(t);
      if (box.latest().seq != lastSeq) {
        lastSeq = box.latest().seq;
        commanded.add(box.latest().requestedMode);
        assertEquals(0.0, box.latest().vx, 0.0, "every stage keeps velocity zero");
      }
      CommsLossStages.Stage s = link.commsStage();
      if (reported.isEmpty() || reported.get(reported.size() - 1) != s) {
        reported.add(s);
        double silent = link.holderSilentSeconds(t);
        switch (s) {
          case STOPPED:
            assertEquals(0.5, silent, 0.021, "stop at 0.5 s");
            break;
          case SITTING:
            assertEquals(10, silent, 0.021, "sit at 10 s");
            break;
          case SERVOS_OFF:
            assertEquals(60, silent, 0.021, "servos off at 60 s");
            break;
          default:
            break;
        }
      }
    }
    assertEquals(
        List.of(
            CommsLossStages.Stage.OK,
            CommsLossStages.Stage.STOPPED,
            CommsLossStages.Stage.SITTING,
            CommsLossStages.Stage.SERVOS_OFF),
        reported);
    // The velocity expires at its ttl too, which posts the same standing command once more.
    assertEquals(Mode.STANDING, commanded.get(0), "the controlled stop stands the robot");
    assertEquals(Mode.SITTING, commanded.get(commanded.size() - 2));
    assertEquals(Mode.PASSIVE, commanded.get(commanded.size() - 1), "servos off");
    // The holder is back: the stages end, and the robot stays off until it asks for a mode.
    send("cmd/heartbeat", "{\"seq\":4}", 70_010 * MS);
    assertEquals(CommsLossStages.Stage.OK, link.commsStage());
    assertEquals(Mode.PASSIVE, box.latest().requestedMode);
    assertEquals(0.0, link.holderSilentSeconds(70_010 * MS), 1e-9);
    assertTrue(errors.isEmpty(), errors.toString());
  }

  @Test
  void withoutAHolderNothingIsStagedAndNothingIsReported() {
    for (long t = 0; t <= 120_000 * MS; t += 100 * MS) {
      link.tick(t);
    }
    assertEquals(CommsLossStages.Stage.OK, link.commsStage());
    assertTrue(Double.isNaN(link.holderSilentSeconds(0)));
    assertEquals(null, box.latest(), "nothing commanded");
  }

  @Test
  void shorterStagesFromTheConfigFileApply() throws Exception {
    Path f = dir.resolve("link.yaml");
    Files.writeString(f, "comms_loss:\n  stop_s: 0.3\n  sit_s: 2\n  servos_off_s: 4\n");
    CommsLossStages s = CommsLossStages.load(f);
    assertEquals(CommsLossStages.Stage.OK, s.stageAt(300 * MS));
    assertEquals(CommsLossStages.Stage.STOPPED, s.stageAt(301 * MS));
    assertEquals(CommsLossStages.Stage.SITTING, s.stageAt(2_001 * MS));
    assertEquals(CommsLossStages.Stage.SERVOS_OFF, s.stageAt(4_001 * MS));
    assertEquals(CommsLossStages.DEFAULT, CommsLossStages.load(dir.resolve("absent.yaml")));
  }

  @Test
  void badStagesAreRefusedNamingTheFileTheFieldAndWhatWasExpected() throws Exception {
    Path f = dir.resolve("link.yaml");
    Files.writeString(f, "comms_loss:\n  stop_s: 0.5\n  sit_s: 0.4\n");
    ConfigException e = assertThrows(ConfigException.class, () -> CommsLossStages.load(f));
    assertEquals(
        f + ": comms_loss.sit_s: expected more than stop_s (0.5 s), got 0.4", e.getMessage());
    Files.writeString(f, "comms_loss:\n  stop_s: .nan\n");
    e = assertThrows(ConfigException.class, () -> CommsLossStages.load(f));
    assertTrue(
        e.getMessage().startsWith(f + ": ") && e.getMessage().contains(".nan"), e.getMessage());
    Files.writeString(f, "comms_loss:\n  stop_s: 9\n");
    e = assertThrows(ConfigException.class, () -> CommsLossStages.load(f));
    assertTrue(
        e.getMessage().contains("comms_loss.stop_s: expected a number in [0.1, 5.0] s"),
        e.getMessage());
    Files.writeString(f, "comms_loss:\n  power_off_s: 60\n");
    e = assertThrows(ConfigException.class, () -> CommsLossStages.load(f));
    assertTrue(e.getMessage().contains("power_off_s"), e.getMessage());
  }
}
