package robodog.learning.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.GaitSetting;
import robodog.core.Mailbox;
import robodog.core.Telemetry;

/** The runtime never passes a bad answer to the controller and says why. */
class PolicyRunnerTest {
  @TempDir Path dir;

  private final Mailbox<Telemetry> telemetry =
      new Mailbox<>(Telemetry::new, (a, b) -> b.copyFrom(a));
  private final Mailbox<GaitSetting> advice =
      new Mailbox<>(GaitSetting::new, (a, b) -> b.copyFrom(a));
  private final TerrainActions actions = new TerrainActions(4, 0.12);
  private final double[] output = new double[7];
  private long stamp;

  private PolicyRunner runner(PolicyRunner.Policy p) {
    return new PolicyRunner(
        p, null, telemetry, advice, actions, new TerrainFeatures(4, 0.12, 1.0), 50_000_000L);
  }

  private void feed(PolicyRunner r) {
    for (int i = 0; i < 5; i++) {
      Telemetry t = new Telemetry();
      t.stampNanos = ++stamp;
      telemetry.offer(t);
      r.sample();
    }
  }

  @Test
  void nanOrOutOfRangeOutputKeepsTheLastSafeSetting() {
    PolicyRunner r = runner((obs, act) -> System.arraycopy(output, 0, act, 0, 7));
    output[0] = 1; // tripod
    output[4] = 1; // speed scale 1.5
    feed(r);
    assertEquals(GaitSetting.Status.OK, r.decide());
    GaitSetting good = new GaitSetting();
    good.copyFrom(advice.latest());
    assertTrue(good.active);
    assertEquals(0, good.gaitIndex);
    assertEquals(1.5, good.speedScale, 1e-12);

    output[3] = Double.NaN;
    feed(r);
    assertEquals(GaitSetting.Status.BAD_OUTPUT, r.decide());
    GaitSetting after = advice.latest();
    assertEquals(GaitSetting.Status.BAD_OUTPUT, after.status);
    assertTrue(after.active, "the last safe setting stays in force");
    assertEquals(good.gaitIndex, after.gaitIndex);
    assertEquals(good.speedScale, after.speedScale);
    assertEquals(good.stepHeight, after.stepHeight);

    output[3] = 1e6;
    feed(r);
    assertEquals(GaitSetting.Status.BAD_OUTPUT, r.decide());
    assertEquals(good.gaitIndex, advice.latest().gaitIndex);
    assertTrue(r.message().contains("NaN or out of range"));
    assertEquals(2, r.fallbacks());
  }

  @Test
  void slowInferenceKeepsTheLastSafeSetting() {
    boolean[] slow = {false};
    PolicyRunner r =
        new PolicyRunner(
            (obs, act) -> {
              if (slow[0]) {
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                act[1] = 5; // would pick tetrapod
              } else {
                act[3] = 1; // wave
              }
            },
            null,
            telemetry,
            advice,
            actions,
            new TerrainFeatures(4, 0.12, 0),
            5_000_000L);
    feed(r);
    assertEquals(GaitSetting.Status.OK, r.decide());
    assertEquals(3, advice.latest().gaitIndex);
    slow[0] = true;
    feed(r);
    assertEquals(GaitSetting.Status.SLOW, r.decide());
    assertEquals(3, advice.latest().gaitIndex);
  }

  @Test
  void missingOrCorruptModelLeavesTheOperatorInChargeWithAClearMessage() throws Exception {
    PolicyRunner missing =
        PolicyRunner.fromFile(
            dir.resolve("absent.txt"),
            telemetry,
            advice,
            actions,
            new TerrainFeatures(4, 0.12, 0),
            1);
    assertEquals(GaitSetting.Status.NO_MODEL, missing.status());
    assertTrue(missing.message().contains("absent.txt"), missing.message());
    feed(missing);
    assertEquals(GaitSetting.Status.NO_MODEL, missing.decide());
    assertFalse(advice.latest().active, "no model: the operator's settings apply");

    Path corrupt = dir.resolve("corrupt.txt");
    Files.writeString(corrupt, "robodog-terrain-policy 1\nalgorithm ppo\nsizes 18 7\nmean 1 2\n");
    PolicyRunner bad =
        PolicyRunner.fromFile(
            corrupt, telemetry, advice, actions, new TerrainFeatures(4, 0.12, 0), 1);
    assertEquals(GaitSetting.Status.NO_MODEL, bad.status());
    assertTrue(
        bad.message().contains("corrupt.txt") && bad.message().contains("mean"), bad.message());
  }

  @Test
  void operatorSwitchHandsSettingsBack() {
    PolicyRunner r = runner((obs, act) -> act[0] = 1);
    feed(r);
    assertEquals(GaitSetting.Status.OK, r.decide());
    assertTrue(advice.latest().active);
    r.setEnabled(false);
    assertEquals(GaitSetting.Status.DISABLED, r.decide());
    assertFalse(advice.latest().active);
    r.setEnabled(true);
    feed(r);
    assertEquals(GaitSetting.Status.OK, r.decide());
    assertTrue(advice.latest().active);
  }
}
