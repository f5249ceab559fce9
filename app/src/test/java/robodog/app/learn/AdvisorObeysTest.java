package robodog.app.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.app.robot.HarnessRobots;
import robodog.harness.sim.RunRecorder;
import robodog.harness.sim.SimRun;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * The shipped learned policy on the robot as {@code run} assembles it, in the physics simulator:
 * with an operator command of 0.1 m/s over pavement and gravel, the body's true speed never exceeds
 * what the same run without the policy reaches (the command plus the controller's own tracking); an
 * explicit gait stays the gait while the advisor is on.
 */
class AdvisorObeysTest {
  private static final LocomotionConfig CFG = LocomotionConfig.load(Path.of("../config"));
  private static final Path POLICY = Path.of("../models/terrain-policy/policy.txt");
  private static final double COMMAND_MPS = 0.1;
  private static final double WINDOW_S = 2.0;

  @TempDir Path dir;

  private Scenario course() throws Exception {
    Path f = dir.resolve("obey.yaml");
    Files.writeString(
        f,
        String.join(
            "\n",
            "name: obey",
            "description: the operator's 0.1 m/s over pavement, gravel and pavement",
            "terrain:",
            "  segments:",
            "    - { kind: pavement, length_m: 1.0, friction: 0.9 }",
            "    - { kind: gravel, length_m: 1.2, friction: 0.7, stones_per_m2: 25,"
                + " stone_size_m: 0.025 }",
            "    - { kind: pavement, length_m: 2.0, friction: 0.9 }",
            "start: { x_m: 0, y_m: 0, yaw_deg: 0 }",
            "payload: { mass_kg: 0 }",
            "duration_s: 24",
            "seed: 1",
            "commands:",
            "  - { t_s: 0, vx_mps: " + COMMAND_MPS + " }",
            ""));
    return ScenarioLoader.load(f.toString(), dir);
  }

  private static SimRun.Result run(Scenario s, String gait, Path policy) throws Exception {
    return SimRun.run(
        HarnessRobots.HEADLESS,
        CFG,
        new SimRun.Options(
            s,
            gait,
            s.seed(),
            s.durationS(),
            500,
            false,
            false,
            null,
            null,
            policy,
            null,
            null,
            null,
            robodog.core.rt.RealtimeRequest.none()));
  }

  /**
   * The largest true ground speed over any {@value #WINDOW_S} s window after the first 3 s, m/s.
   */
  private static double fastestWindow(RunRecorder r) {
    double[] t = r.time();
    double[] x = r.x();
    double[] y = r.y();
    double fastest = 0;
    int j = 0;
    for (int i = 0; i < r.size(); i++) {
      if (t[i] < 3) {
        continue;
      }
      while (j < r.size() && t[j] < t[i] + WINDOW_S) {
        j++;
      }
      if (j == r.size()) {
        break;
      }
      fastest = Math.max(fastest, Math.hypot(x[j] - x[i], y[j] - y[i]) / (t[j] - t[i]));
    }
    return fastest;
  }

  private static int decisions(String advisorSummary) {
    Matcher m = Pattern.compile("(\\d+) decisions").matcher(advisorSummary);
    assertTrue(m.find(), advisorSummary);
    return Integer.parseInt(m.group(1));
  }

  @Test
  void theAdvisorNeverWalksFasterThanTheCommand() throws Exception {
    Scenario s = course();
    SimRun.Result without = run(s, null, null);
    SimRun.Result with = run(s, null, POLICY);
    String what = "with: " + with.report().toJson() + "\nwithout: " + without.report().toJson();
    assertEquals(0, without.report().falls(), what);
    assertEquals(0, with.report().falls(), what);
    assertTrue(with.advisor().startsWith("policy: OK"), with.advisor());
    assertTrue(decisions(with.advisor()) >= 20, "the advisor decided all along: " + with.advisor());
    double limit = Math.max(COMMAND_MPS, fastestWindow(without.recorder())) + 0.003;
    double fastest = fastestWindow(with.recorder());
    System.out.printf(
        "advisor obeys: command %.2f m/s; fastest %.0f s window %.4f with, %.4f without; mean %.4f"
            + " with, %.4f without; %s%n",
        COMMAND_MPS,
        WINDOW_S,
        fastest,
        fastestWindow(without.recorder()),
        with.report().meanSpeedMps(),
        without.report().meanSpeedMps(),
        with.advisor());
    assertTrue(
        fastest <= limit,
        String.format(
            "with the advisor the body walked %.4f m/s over %.0f s, above %.4f (command %.2f, the"
                + " run without it %.4f): %s",
            fastest, WINDOW_S, limit, COMMAND_MPS, fastestWindow(without.recorder()), what));
    assertTrue(with.report().meanSpeedMps() <= COMMAND_MPS, what);
  }

  @Test
  void anExplicitGaitStaysTheGaitWhileTheAdvisorIsOn() throws Exception {
    Scenario s = course();
    SimRun.Result without = run(s, "ripple", null);
    SimRun.Result with = run(s, "ripple", POLICY);
    String what = "with: " + with.report().toJson() + "\nwithout: " + without.report().toJson();
    assertTrue(with.advisor().startsWith("policy: OK"), with.advisor());
    assertTrue(decisions(with.advisor()) >= 20, with.advisor());
    assertEquals(Set.of("ripple"), with.report().gaitSeconds().keySet(), what);
    assertEquals(0, with.report().falls(), what);
    assertTrue(
        fastestWindow(with.recorder())
            <= Math.max(COMMAND_MPS, fastestWindow(without.recorder())) + 0.003,
        what);
  }
}
