package robodog.operatorlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;

/**
 * The link refuses a command that is not a finite number in range at its source: from an in-process
 * client (autonomy, through {@code drive}) and from MQTT (the JSON parser). Nothing reaches the
 * controller's mailbox, and the operator reads which field was wrong.
 */
class NonFiniteDriveTest {
  private static final long MS = 1_000_000L;

  private final Mailbox<MotionCommand> box =
      new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
  private final List<String> errors = new ArrayList<>();
  private final OperatorLink link = new OperatorLink(box, errors::add, 5_000 * MS);

  private void send(String client, String topic, String json, long t) {
    link.onMessage(client, topic, json.getBytes(StandardCharsets.UTF_8), t);
  }

  static Stream<Arguments> cases() {
    List<Arguments> a = new ArrayList<>();
    List<Object[]> fields =
        List.of(
            new Object[] {"vx", (BiConsumer<MotionCommand, Double>) (c, v) -> c.vx = v},
            new Object[] {"vy", (BiConsumer<MotionCommand, Double>) (c, v) -> c.vy = v},
            new Object[] {"yaw_rate", (BiConsumer<MotionCommand, Double>) (c, v) -> c.yawRate = v},
            new Object[] {
              "body height", (BiConsumer<MotionCommand, Double>) (c, v) -> c.bodyHeight = v
            },
            new Object[] {
              "step height", (BiConsumer<MotionCommand, Double>) (c, v) -> c.stepHeight = v
            });
    for (Object[] f : fields) {
      for (double v :
          new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300}) {
        // NaN is the documented "keep the default" of the two height fields.
        if (Double.isNaN(v) && ((String) f[0]).endsWith("height")) {
          continue;
        }
        a.add(Arguments.of(f[0], f[1], v));
      }
    }
    return a.stream();
  }

  @ParameterizedTest(name = "{0} = {2}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void autonomyCannotSendANonFiniteField(String field, Object set, double v) {
    send("tablet", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    assertTrue(link.grant("tablet", "autonomy", MS));
    MotionCommand cmd = new MotionCommand();
    cmd.requestedMode = Mode.WALKING;
    cmd.vx = 0.1;
    assertTrue(link.drive("autonomy", cmd, 300, 2 * MS));
    assertEquals(0.1, box.poll().vx, 0.0);
    ((BiConsumer<MotionCommand, Double>) set).accept(cmd, v);
    assertFalse(link.drive("autonomy", cmd, 300, 3 * MS), "refused");
    assertFalse(link.drive("autonomy", cmd, 300, 4 * MS), "refused again");
    assertNull(box.poll(), "nothing reached the controller");
    List<String> said = errors.stream().filter(e -> e.contains("drive command refused")).toList();
    assertEquals(1, said.size(), "one message per run of bad commands: " + errors);
    assertTrue(said.get(0).contains(field), said.get(0));
    cmd.copyFrom(new MotionCommand());
    cmd.requestedMode = Mode.WALKING;
    cmd.vx = 0.05;
    assertTrue(link.drive("autonomy", cmd, 300, 5 * MS), "a good command is taken again");
    assertEquals(0.05, box.poll().vx, 0.0);
  }

  @Test
  void theMqttParserRefusesNonFiniteAndOverflowingNumbers() {
    send("tablet", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    box.poll();
    long seq = 2;
    for (String v : List.of("NaN", "Infinity", "-Infinity", "1e400", "1e300")) {
      errors.clear();
      send("tablet", "cmd/velocity", "{\"seq\":" + seq++ + ",\"vx\":" + v + "}", seq * MS);
      assertNull(box.poll(), "vx " + v + " reached the controller");
      assertFalse(errors.isEmpty(), "vx " + v + " refused without a message");
      send("tablet", "cmd/body", "{\"seq\":" + seq++ + ",\"height\":" + v + "}", seq * MS);
      assertNull(box.poll(), "height " + v + " reached the controller");
    }
  }
}
