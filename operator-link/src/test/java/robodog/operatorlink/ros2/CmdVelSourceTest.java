package robodog.operatorlink.ros2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.operatorlink.OperatorLink;

/** ROS 2 /cmd_vel and /robodog/lease go through the real OperatorLink rules. */
class CmdVelSourceTest {
  private static final long MS = 1_000_000L;
  private final Mailbox<MotionCommand> box =
      new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
  private final List<String> errors = new ArrayList<>();
  private final OperatorLink link = new OperatorLink(box, errors::add, 5_000 * MS);
  private final CmdVelSource ros = new CmdVelSource(link);

  @Test
  void withoutTheLeaseCmdVelIsRefusedAndReportedOncePerSecond() {
    for (int i = 0; i < 20; i++) {
      ros.onTwist(0.2, 0, 0, i * 50 * MS); // 20 Hz for 1 s
    }
    assertNull(box.latest(), "nothing reaches the controller");
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("refused from ros2"), errors.get(0));
    assertEquals(19, ros.droppedWithoutLease());
    ros.onTwist(0.2, 0, 0, 1000 * MS);
    assertEquals(2, errors.size());
  }

  @Test
  void leaseTopicGrantsDrivingInWalkModeAndTtlThenWatchdogStop() {
    ros.onLease("acquire", 0);
    assertEquals("ros2", link.leaseHolder());
    ros.onTwist(0.15, -0.05, 0.3, 10 * MS);
    MotionCommand c = box.latest();
    assertEquals(Mode.WALKING, c.requestedMode);
    assertEquals(0.15, c.vx, 0);
    assertEquals(-0.05, c.vy, 0);
    assertEquals(0.3, c.yawRate, 0);
    link.tick((10 + CmdVelSource.TTL_MS - 1) * MS);
    assertEquals(0.15, box.latest().vx, 0, "still within ttl");
    link.tick((10 + CmdVelSource.TTL_MS + 1) * MS);
    assertEquals(0, box.latest().vx, 0, "ttl expired: stop");
    link.tick(10 * MS + OperatorLink.WATCHDOG_NANOS + MS);
    assertEquals(Mode.STANDING, box.latest().requestedMode, "watchdog: walking ends");
    ros.onTwist(0.1, 0, 0, 2000 * MS);
    assertEquals(Mode.WALKING, box.latest().requestedMode, "moving again after the stop");
    ros.onTwist(0, 0, 0, 2050 * MS);
    assertEquals(Mode.STANDING, box.latest().requestedMode, "a zero twist stands, not marks time");
    assertTrue(errors.isEmpty(), errors.toString());
  }

  @Test
  void theTabletTakingTheLeaseLocksRosOutAndEstopIsNotReleasedByRos() {
    ros.onLease("acquire", 0);
    link.onMessage("tablet", "cmd/lease", json("{\"seq\":1,\"action\":\"take\"}"), 1 * MS);
    link.onMessage("tablet", "cmd/estop", json("{\"seq\":2,\"engage\":true}"), 2 * MS);
    ros.onTwist(0.2, 0, 0, 3 * MS);
    assertTrue(box.latest().estop);
    assertEquals(0, box.latest().vx, 0);
    ros.onLease("acquire", 4 * MS);
    assertTrue(errors.stream().anyMatch(e -> e.contains("held by tablet")), errors.toString());
    ros.onLease("take", 5 * MS);
    ros.onTwist(0.2, 0, 0, 6 * MS);
    assertTrue(box.latest().estop, "E-stop stays latched: ROS 2 cannot drive through it");
  }

  @Test
  void badLeaseWordsAndNonFiniteVelocitiesAreRefusedWithAMessage() {
    ros.onLease("grab\"", 0);
    assertTrue(errors.get(0).contains("action"), errors.toString());
    ros.onLease("acquire", MS);
    ros.onTwist(Double.NaN, 0, 0, 2 * MS);
    assertTrue(errors.get(errors.size() - 1).contains("vx"), errors.toString());
  }

  @Test
  void anyLeaseTextReachesTheLinkAsOneStringAndIsRefusedAsAnAction() {
    String[] words = {"a\"b", "back\\slash", "two\nlines", "\u0001", "gr\u00fcn \u8349", "\\\""};
    for (String w : words) {
      int before = errors.size();
      ros.onLease(w, 0);
      assertEquals(before + 1, errors.size(), w);
      // Refused by the protocol rules for the word, not by the parser for broken JSON.
      assertTrue(
          errors.get(before).contains("cmd/lease: action: expected one of"), errors.get(before));
    }
    assertNull(link.leaseHolder());
    ros.onLease(" acquire\n", MS);
    assertEquals("ros2", link.leaseHolder(), "surrounding white space is trimmed");
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Without driving allowed, ROS 2 can neither take the lease from the crew nor drive; its E-stop
   * engages anyway, and its release request is refused because it does not hold the lease.
   */
  @Test
  void withoutDrivingRos2OnlyEngagesTheEstop() {
    CmdVelSource observer = new CmdVelSource(link, false, errors::add);
    link.onMessage(
        "crew",
        "cmd/lease",
        "{\"seq\":1,\"action\":\"acquire\"}".getBytes(StandardCharsets.UTF_8),
        0);
    observer.onLease("take", MS);
    assertEquals("crew", link.leaseHolder(), "a DDS peer took the crew's lease");
    for (int i = 0; i < 20; i++) {
      observer.onTwist(0.2, 0, 0, (2 + i * 50) * MS);
    }
    assertTrue(box.latest() == null || box.latest().vx == 0, "ROS 2 drove without --ros2-drive");
    assertTrue(errors.get(0).contains("driving over ROS 2 is off"), errors.toString());
    assertTrue(errors.size() <= 2, "refusals are rate limited: " + errors);

    observer.onEstop(true, 2000 * MS);
    assertTrue(box.latest().estop, "engaged from a peer without the lease");
    assertEquals(Mode.PASSIVE, box.latest().requestedMode);
    int before = errors.size();
    observer.onEstop(false, 2100 * MS);
    assertTrue(box.latest().estop, "released over ROS 2 without the lease");
    assertEquals(before + 1, errors.size(), "the refused release is reported");
    assertEquals("crew", link.leaseHolder());
  }

  /** With driving allowed and the lease, ROS 2 may release its own E-stop, as the tablet may. */
  @Test
  void theHolderReleasesOverRos2() {
    ros.onLease("acquire", 0);
    ros.onEstop(true, MS);
    assertTrue(box.latest().estop);
    ros.onEstop(false, 2 * MS);
    assertTrue(!box.latest().estop, errors.toString());
  }
}
