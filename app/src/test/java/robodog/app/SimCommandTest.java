package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCommandTest {
  @TempDir Path dir;

  @Test
  void theMainJobWritesAReportWithEveryFieldAndFourPlots() throws Exception {
    Path report = dir.resolve("r.json");
    Path plots = dir.resolve("plots");
    Cli r =
        Cli.run(
            "sim", "--duration", "4", "--report", report.toString(), "--plots", plots.toString());
    assertEquals(0, r.status, r.err);
    // A headless scenario names its gait: the policy stays off unless asked for, and says how.
    assertTrue(
        r.out.contains("policy: off: the robot picks its gait from the ground it senses"), r.out);
    assertTrue(r.out.contains("flat-walk (seed 1, gait tripod)"), r.out);
    assertTrue(
        r.out.contains(" kg (accel rms ") && r.out.contains(" m/s²), joint tracking"), r.out);
    Cli learned =
        Cli.run("sim", "--duration", "4", "--policy", "../models/terrain-policy/policy.txt");
    assertEquals(0, learned.status, learned.err);
    assertTrue(learned.out.contains("models/terrain-policy/policy.txt loaded"), learned.out);
    assertTrue(learned.out.contains("policy: OK (ok), 3 decisions, 0 fallbacks"), learned.out);
    assertTrue(learned.out.contains("flat-walk (seed 1, gait tetrapod)"), learned.out);
    Cli preset = Cli.run("sim", "--duration", "1", "--no-policy");
    assertEquals(0, preset.status, preset.err);
    assertTrue(preset.out.contains("flat-walk (seed 1, gait tripod)"), preset.out);
    assertFalse(preset.out.contains("policy"), preset.out);
    Cli both = Cli.run("sim", "--policy", "x.txt", "--no-policy");
    assertTrue(both.err.contains("--policy and --no-policy exclude each other"), both.err);
    String json = Files.readString(report);
    for (String key :
        new String[] {
          "scenario",
          "seed",
          "sim_time_s",
          "wall_time_s",
          "real_time_factor",
          "distance_m",
          "mean_speed_mps",
          "falls",
          "min_stability_margin_m",
          "body_roll_rms_rad",
          "body_pitch_rms_rad",
          "energy_j",
          "cost_of_transport",
          "payload_kg",
          "completed",
          "payload_accel_rms_mps2"
        }) {
      assertTrue(json.contains("\"" + key + "\""), "report lacks " + key);
    }
    for (String png :
        new String[] {
          "body-path.png", "gait-diagram.png", "body-roll-pitch.png", "joint-tracking-error.png"
        }) {
      Path p = plots.resolve(png);
      assertTrue(Files.size(p) > 5_000, png);
      byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(p), 4);
      assertEquals((byte) 0x89, head[0]);
      assertEquals('P', head[1]);
    }
  }

  @Test
  void realtimePacesToTheWallClockAndStandsWaitingForAnOperator() throws Exception {
    Path report = dir.resolve("rt.json");
    long t0 = System.nanoTime();
    Cli r =
        Cli.run(
            "sim",
            "--realtime",
            "--duration",
            "1.5",
            "--mqtt-port",
            "0",
            "--ws-port",
            "0",
            "--http-port",
            "0",
            "--report",
            report.toString());
    double wall = (System.nanoTime() - t0) / 1e9;
    assertEquals(0, r.status, r.err);
    assertTrue(wall >= 1.4, "a 1.5 s realtime run took " + wall + " s");
    robodog.harness.sim.SimReport rep = robodog.harness.sim.SimReport.read(report);
    assertTrue(rep.distanceM() < 0.02, "without --script the robot must stand: " + rep.distanceM());
    assertEquals(0, rep.falls());
  }

  @Test
  void compareRunsEachGaitAndPrintsATable() {
    Cli r =
        Cli.run("sim", "--scenario", "rough", "--duration", "3", "--compare", "tripod,ripple,wave");
    assertEquals(0, r.status, r.err);
    assertTrue(
        r.out.contains("gait") && r.out.contains("speed m/s") && r.out.contains("CoT"), r.out);
    for (String g : new String[] {"tripod", "ripple", "wave"}) {
      assertTrue(r.out.lines().anyMatch(l -> l.startsWith(g + " ")), r.out);
    }
  }

  @Test
  void badScenarioInputIsNamedAndNothingRuns() throws Exception {
    Cli r = Cli.run("sim", "--scenario", "moon");
    assertEquals(1, r.status);
    assertTrue(
        r.err.contains("unknown scenario 'moon': expected one of") && r.err.contains("stairs"),
        r.err);
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        "name: x\nterrain: {type: slope, angle_deg: 95}\nduration_s: 5\ncommands: [{t_s: 0}]\n");
    Path report = dir.resolve("never.json");
    r = Cli.run("sim", "--scenario", bad.toString(), "--report", report.toString());
    assertEquals(1, r.status);
    assertTrue(
        r.err.contains("bad.yaml: terrain.angle_deg: expected a number in [-40.0, 40.0] degrees"),
        r.err);
    assertTrue(!Files.exists(report), "nothing may be half-run");
    Files.writeString(bad, "name: x\nterrain: [oops\n");
    r = Cli.run("sim", "--scenario", bad.toString());
    assertEquals(1, r.status);
    assertTrue(r.err.contains("malformed YAML"), r.err);
    r = Cli.run("sim", "--gait", "gallop");
    assertEquals(2, r.status);
    assertTrue(r.err.contains("unknown gait 'gallop'"), r.err);
    r = Cli.run("sim", "--duration", "-3");
    assertEquals(2, r.status);
    r = Cli.run("sim", "--perception", "maybe");
    assertEquals(2, r.status);
    assertTrue(r.err.contains("--perception: expected on or off, got maybe"), r.err);
  }

  @Test
  void perceptionOffOnASceneScenarioSaysSo() {
    Cli r = Cli.run("sim", "--scenario", "crew-on-set", "--duration", "1", "--perception", "off");
    assertEquals(0, r.status, r.err);
    assertTrue(r.out.contains("perception: off"), r.out);
  }
}
