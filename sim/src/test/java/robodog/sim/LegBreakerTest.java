package robodog.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.RobotState;
import robodog.sim.failure.LegFailure;
import robodog.sim.terrain.Terrains;

/** A leg breaking in the physics: servos, tibia and switch change as the failure says. */
class LegBreakerTest {
  private static final LegId LEG = LegId.RIGHT_MIDDLE;
  private static final int FEMUR = Joints.index(LEG, JointKind.FEMUR);

  private static SimHardware standingWith(LegFailure.Kind kind) {
    SimWorld w = SimFixtures.world(Terrains.flat(0.9), 1);
    w.scheduleLegFailure(new LegFailure(LEG, kind, JointKind.FEMUR, 0.5));
    SimHardware hw = new SimHardware(w);
    hw.configure();
    hw.activate();
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 0.4);
    assertFalse(w.legBroken(), "nothing breaks before its time");
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 0.2);
    assertTrue(w.legBroken());
    return hw;
  }

  @Test
  void aStuckJointHoldsItsAngleWhateverItIsTold() {
    SimHardware hw = standingWith(LegFailure.Kind.STUCK);
    double frozen = hw.world().jointAngle(FEMUR);
    double[] q = SimFixtures.neutral();
    q[FEMUR] += 0.6; // lift the foot
    SimFixtures.hold(hw, q, true, 0.5);
    assertEquals(frozen, hw.world().jointAngle(FEMUR), 0.03);
    int healthy = Joints.index(LegId.LEFT_MIDDLE, JointKind.FEMUR);
    q[healthy] += 0.6;
    SimFixtures.hold(hw, q, true, 0.5);
    assertEquals(q[healthy], hw.world().jointAngle(healthy), 0.05, "the other legs still obey");
  }

  @Test
  void aLimpJointGivesNoTorqueAndSags() {
    SimHardware hw = standingWith(LegFailure.Kind.LIMP);
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 0.5);
    RobotState s = new RobotState();
    hw.read(0, SimFixtures.PERIOD, s);
    assertTrue(Math.abs(s.jointEffort[FEMUR]) < 0.1, "effort " + s.jointEffort[FEMUR]);
    double[] q = SimFixtures.neutral();
    q[FEMUR] += 0.6; // lifting the foot does nothing
    SimFixtures.hold(hw, q, true, 0.5);
    hw.read(0, SimFixtures.PERIOD, s);
    assertTrue(
        q[FEMUR] - s.jointPosition[FEMUR] > 0.5,
        "a limp femur does not lift: " + s.jointPosition[FEMUR] + " for " + q[FEMUR]);
  }

  @Test
  void aSnappedTibiaLosesItsFootAndItsSwitch() {
    SimHardware hw = standingWith(LegFailure.Kind.TIBIA_SHORT);
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 0.5);
    SimWorld w = hw.world();
    assertFalse(w.footContact(LEG.ordinal()));
    assertFalse(w.footTouching(LEG.ordinal()), "the shortened leg hangs above the ground");
    assertTrue(w.footContact(LegId.LEFT_MIDDLE.ordinal()));
    assertFalse(w.fallen(), "five legs hold the standing body");
  }

  @Test
  void aDeadSwitchReadsOpenWhileTheFootStands() {
    SimHardware hw = standingWith(LegFailure.Kind.SWITCH_DEAD);
    SimWorld w = hw.world();
    assertTrue(w.footTouching(LEG.ordinal()), "the foot still stands on the ground");
    assertFalse(w.footContact(LEG.ordinal()), "but its switch says it does not");
  }
}
