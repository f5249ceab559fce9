package robodog.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import robodog.core.JointCommand;
import robodog.core.Joints;
import robodog.core.RobotState;
import robodog.sim.terrain.Terrains;

/** The hardware port's contract: lifecycle, exact periods, start posture, repeatability. */
class SimHardwareTest {
  @Test
  void configureBuildsTheWorldAndTheRobotStartsOnItsNeutralStance() {
    SimHardware hw =
        new SimHardware(
            SimFixtures.ROBOT, Terrains.flat(0.9), SimConfig.defaults(1), 1.0, -0.5, 0.3);
    assertThrows(IllegalStateException.class, hw::world);
    hw.configure();
    hw.activate();
    SimWorld w = hw.world();
    assertEquals(1.0, w.bodyPosition().get0(), 1e-12);
    assertEquals(-0.5, w.bodyPosition().get1(), 1e-12);
    double[] rpy = new double[3];
    w.bodyRpy(rpy);
    assertEquals(0.3, rpy[2], 1e-12);
    double[] q = new double[Joints.COUNT];
    hw.neutralJointAngles(q);
    RobotState s = new RobotState();
    hw.read(0, SimFixtures.PERIOD, s);
    for (int j = 0; j < Joints.COUNT; j++) {
      assertEquals(q[j], s.jointPosition[j], 0.005, Joints.name(j));
      assertEquals(q[j], w.jointTarget(j), 0.0, "servo targets start at the neutral stance");
    }
    // Feet at the neutral footholds: foot_reach from the coxa axis, sphere resting on the ground.
    for (int leg = 0; leg < 6; leg++) {
      assertEquals(
          SimFixtures.ROBOT.leg().footRadiusM(),
          w.footPosition(leg).get2(),
          0.003,
          "foot " + leg + " height");
    }
    // Commanding the neutral stance from the first tick: no jump.
    SimFixtures.hold(hw, q, true, 0.5);
    assertEquals(SimFixtures.ROBOT.stance().bodyHeightM(), w.bodyPosition().get2(), 0.01);
    assertEquals(1.0, w.bodyPosition().get0(), 0.005);
  }

  @Test
  void eachWriteAdvancesTimeByExactlyOnePeriodWhateverTheStep() {
    SimHardware hw = SimFixtures.hardware(Terrains.flat(0.9), 1);
    JointCommand c = new JointCommand();
    c.enabled = true;
    hw.neutralJointAngles(c.position);
    long period = 3_000_000L; // 3 ms: two 1.5 ms sub-steps under a 2 ms longest step
    for (int k = 0; k < 100; k++) {
      hw.write(k * period, period, c);
    }
    assertEquals(0.3, hw.world().time(), 1e-12);
    hw.write(0, 700_000L, c);
    assertEquals(0.3007, hw.world().time(), 1e-12);
  }

  @Test
  void sameSeedGivesTheSameTrajectoryBitForBitEvenOnParallelThreads() throws Exception {
    double[] a = trajectory(9);
    double[] b = trajectory(9);
    assertArrayEquals(a, b, 0.0);
    assertFalse(Arrays.equals(a, trajectory(10)), "a different seed must give a different run");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<double[]> p = pool.submit(() -> trajectory(9));
      Future<double[]> q = pool.submit(() -> trajectory(9));
      assertArrayEquals(a, p.get(), 0.0);
      assertArrayEquals(a, q.get(), 0.0);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Body x, y, z and the noisy gyro z over 0.8 s of coxa sway on seeded rough ground. */
  private static double[] trajectory(long seed) {
    // Roughness starts at x = 0.3 m, under the front feet, so the terrain seed matters too.
    SimHardware hw = SimFixtures.hardware(Terrains.rough(0.03, 0.2, 0.05, 4, 4, 0.9, seed), seed);
    SimWorld w = hw.world();
    JointCommand c = new JointCommand();
    c.enabled = true;
    double[] q = SimFixtures.neutral();
    RobotState s = new RobotState();
    int n = 400;
    double[] out = new double[n * 4];
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < Joints.COUNT; j++) {
        c.position[j] = q[j] + (j % 3 == 0 ? 0.2 * Math.sin(k * 0.02 + j) : 0);
      }
      hw.read(k * SimFixtures.PERIOD, SimFixtures.PERIOD, s);
      hw.write(k * SimFixtures.PERIOD, SimFixtures.PERIOD, c);
      out[k * 4] = w.bodyPosition().get0();
      out[k * 4 + 1] = w.bodyPosition().get1();
      out[k * 4 + 2] = w.bodyPosition().get2();
      out[k * 4 + 3] = s.imuAngularVelocity[2];
    }
    assertFalse(w.fallen());
    return out;
  }

  @Test
  void groundTruthIsConsistent() {
    SimHardware hw = SimFixtures.hardware(Terrains.flat(0.9), 1);
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 1.0);
    SimWorld w = hw.world();
    double[] v = new double[3];
    w.bodyLinearVelocity(v);
    assertEquals(0, Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]), 0.01, "standing still");
    double[] feet = new double[18];
    w.footPositions(feet);
    for (int leg = 0; leg < 6; leg++) {
      assertEquals(w.footPosition(leg).get0(), feet[3 * leg], 0.0);
      assertTrue(w.footContact(leg));
    }
    assertTrue(w.energyJ() >= 0 && w.energyJ() < 5, "energy " + w.energyJ());
    assertEquals(1.0, w.time(), 1e-9);
    double expected =
        SimFixtures.ROBOT.body().massKg()
            + 6
                * (SimFixtures.ROBOT.leg().coxaMassKg()
                    + SimFixtures.ROBOT.leg().femurMassKg()
                    + SimFixtures.ROBOT.leg().tibiaMassKg());
    assertEquals(expected, w.totalMassKg(), 1e-9);
  }

  @Test
  void aPayloadAddsItsMassAndTheRobotStillStands() {
    SimWorld w =
        new SimWorld(
            SimFixtures.ROBOT,
            Terrains.flat(0.9),
            SimConfig.defaults(1).withPayload(1.5, 0.05, 0, 0.1),
            0,
            0,
            0);
    SimHardware hw = new SimHardware(w);
    hw.configure();
    hw.activate();
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 3.0);
    assertFalse(w.fallen());
    assertEquals(SimFixtures.ROBOT.stance().bodyHeightM(), w.bodyPosition().get2(), 0.015);
    double[] rpy = new double[3];
    w.bodyRpy(rpy);
    assertTrue(Math.abs(rpy[1]) < Math.toRadians(3), "pitch " + rpy[1]);
  }
}
