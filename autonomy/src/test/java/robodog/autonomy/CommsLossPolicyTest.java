package robodog.autonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Link cut mid-run, 20 trials per policy at random moments: the policy is carried out, the robot
 * then stands still, does not walk off when the link comes back, and a resume completes the run.
 */
class CommsLossPolicyTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(CommsLossPolicy.class)
  void everyTrialFollowsThePolicy(CommsLossPolicy policy) {
    Random rnd = new Random(42 + policy.ordinal());
    try (Bench b = new Bench(dir.resolve(policy + ".db"))) {
      b.db.saveRoute(Routes.ell("ell"), "test", false);
      Polyline path = Polyline.of(Routes.ell("ell").waypoints());
      for (int trial = 0; trial < 20; trial++) {
        b.plant.x = 0;
        b.plant.y = 0;
        b.plant.yaw = 0;
        b.linkUp = true;
        b.send(
            "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\",\"comms_loss\":{\"policy\":\""
                + policy.wireName()
                + "\",\"timeout_s\":1.0,\"radius_m\":1.5}}");
        assertTrue(b.svc.mission() != null, "dispatched: " + b.errors);
        double cutAt = 3 + rnd.nextDouble() * 35;
        b.run(cutAt);
        Mission m = b.svc.mission();
        assertEquals(RunState.RUNNING, m.state(), "trial " + trial);
        b.linkUp = false;
        int nextAtDetection = -1;
        double progressAtDetection = Double.NaN;
        int steps = 0;
        for (int i = 0; i < 40 && m.state() == RunState.RUNNING; i++) {
          b.step();
          steps++;
          nextAtDetection = m.nextWaypoint();
          progressAtDetection = path.length() - m.distanceLeftM();
        }
        assertTrue(m.state() != RunState.RUNNING, "comms loss noticed, trial " + trial);
        // Noticed after the 1 s comms timeout (the last heartbeat was up to 0.5 s before the cut).
        assertTrue(
            steps * Bench.DT <= 1.1, "noticed within the timeout: " + steps * Bench.DT + " s");
        b.run(40);
        assertEquals(RunState.WAITING, m.state(), "trial " + trial + " " + policy);
        assertTrue(b.plant.speed() < 0.005, "standing still, trial " + trial);
        double[] p = new double[2];
        switch (policy) {
          case STOP_AND_WAIT:
            path.pointAt(progressAtDetection, p);
            assertTrue(dist(b, p) < 0.12, "stopped where the link was lost: " + dist(b, p));
            break;
          case CONTINUE_TO_NEXT_WAYPOINT_AND_WAIT:
            Waypoint w = Routes.ell("ell").waypoints().get(nextAtDetection);
            p[0] = w.x();
            p[1] = w.y();
            assertTrue(
                dist(b, p) < w.toleranceM(), "at waypoint " + nextAtDetection + ": " + dist(b, p));
            break;
          default:
            path.pointAt(Math.max(0, progressAtDetection - 1.5), p);
            assertTrue(dist(b, p) < 0.15, "1.5 m back along the path: " + dist(b, p));
        }
        // The link comes back: still waiting, not moving, until someone resumes.
        double x = b.plant.x;
        double y = b.plant.y;
        b.linkUp = true;
        b.run(5);
        assertEquals(RunState.WAITING, m.state());
        assertTrue(Math.hypot(b.plant.x - x, b.plant.y - y) < 0.01, "did not walk off by itself");
        b.send("{\"seq\":SEQ,\"op\":\"resume\"}");
        assertTrue(b.runUntilDone(120), "resumed run completes, trial " + trial);
        assertEquals("completed", b.db.history(1).get(0).outcome());
        assertEquals("tablet", b.lease.holder, "lease handed back to the dispatcher");
      }
      assertTrue(b.errors.isEmpty(), b.errors.toString());
    }
  }

  private static double dist(Bench b, double[] p) {
    return Math.hypot(b.plant.x - p[0], b.plant.y - p[1]);
  }
}
