package robodog.app.learn;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import robodog.core.ControlTask;
import robodog.core.GaitSetting;
import robodog.core.LoopRunner;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.SteppableClock;
import robodog.core.Telemetry;
import robodog.learning.runtime.PolicyRunner;
import robodog.learning.runtime.TerrainActions;
import robodog.learning.runtime.TerrainFeatures;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.SimConfig;
import robodog.sim.SimHardware;
import robodog.sim.SimWorld;
import robodog.sim.scenario.Scenario;

/**
 * {@code ./robodog sim --policy FILE}: a headless scenario run with the learned terrain policy
 * choosing gait settings. The policy runs on its own thread; because headless simulation is faster
 * than real time, the simulation thread hands it each 50 Hz telemetry sample and each decision in
 * lock-step (a decision that misses its 50 ms budget is left to finish while the simulation goes on
 * with the last safe setting).
 */
public final class PolicySim {
  private PolicySim() {}

  public static int run(
      LocomotionConfig cfg, Scenario sc, long seed, double durationS, Path policy, PrintWriter out)
      throws Exception {
    double rate = cfg.settings().loopRateHz();
    long period = Math.round(1e9 / rate);
    SimConfig simCfg =
        SimConfig.defaults(seed)
            .withPayload(
                sc.payloadKg(),
                sc.payloadCom().get(0),
                sc.payloadCom().get(1),
                sc.payloadCom().get(2));
    SimWorld world =
        new SimWorld(
            cfg.robot(),
            sc.terrain().build(seed),
            simCfg,
            sc.startX(),
            sc.startY(),
            sc.startYawRad(),
            cfg.standingJointAngles(),
            cfg.robot().stance().bodyHeightM());
    SimHardware hw = new SimHardware(world);
    hw.configure();
    hw.activate();
    Mailbox<MotionCommand> commands = LocomotionConfig.commandMailbox();
    Mailbox<Telemetry> telemetry = LocomotionConfig.telemetryMailbox();
    Mailbox<GaitSetting> advice = new Mailbox<>(GaitSetting::new, (a, b) -> b.copyFrom(a));
    HexapodController controller = cfg.newController(commands, telemetry, Mode.STANDING);
    controller.setGaitAdvisor(advice);
    int gaits = cfg.gaitTable().gaits().size();
    PolicyRunner runner =
        PolicyRunner.fromFile(
            policy,
            telemetry,
            advice,
            new TerrainActions(gaits, cfg.robot().stance().bodyHeightM()),
            new TerrainFeatures(gaits, cfg.robot().stance().bodyHeightM(), sc.payloadKg()),
            50_000_000L);
    out.println("policy: " + runner.status() + ": " + runner.message());
    LoopRunner loop =
        new LoopRunner(new SteppableClock(), period, new ControlTask(hw, controller), "sim");
    MotionCommand cmd = new MotionCommand();
    cmd.requestedMode = Mode.WALKING;
    cmd.gaitIndex = cfg.gaits().indexOf(sc.gait());
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "policy-runner"));
    long ticks = (long) Math.ceil(durationS * rate);
    int sampleEvery = (int) Math.max(1, Math.round(rate / 50));
    int decideEvery = (int) Math.round(rate / TerrainTraining.DECISION_HZ);
    double x0 = world.bodyPosition().get0();
    Scenario.Segment active = null;
    int[] perGait = new int[gaits];
    long k = 0;
    try {
      for (; k < ticks; k++) {
        Scenario.Segment seg = sc.segmentAt(k / rate);
        if (seg != active) {
          active = seg;
          cmd.vx = seg.vx();
          cmd.vy = seg.vy();
          cmd.yawRate = seg.yawRate();
          commands.offer(cmd);
        }
        loop.runTicks(1);
        if (k % sampleEvery == 0) {
          thread.submit(runner::sample).get();
        }
        if (k > 0 && k % decideEvery == 0) {
          try {
            thread.submit(runner::decide).get(50, TimeUnit.MILLISECONDS);
          } catch (TimeoutException e) {
            // The runner is late: the controller keeps the last safe setting meanwhile.
          }
          perGait[controller.telemetry().gaitIndex % gaits]++;
        }
        if (world.fallen()) {
          k++;
          break;
        }
      }
    } finally {
      thread.shutdownNow();
    }
    double t = k / rate;
    double dist = world.bodyPosition().get0() - x0;
    double mass = world.totalMassKg();
    StringBuilder use = new StringBuilder();
    for (int g = 0; g < gaits; g++) {
      use.append(
          String.format(Locale.ROOT, " %s %d", cfg.gaitTable().gaits().get(g).name(), perGait[g]));
    }
    out.printf(
        Locale.ROOT,
        "%s with policy: %.1f s, %.2f m along x, %s, cost of transport %.2f; advisor %s (%s),"
            + " %d decisions, %d fallbacks; decisions per gait:%s%n",
        sc.name(),
        t,
        dist,
        world.fallen() ? "FELL" : "no fall",
        dist > 1e-3 ? world.energyJ() / (mass * 9.81 * dist) : Double.NaN,
        controller.telemetry().gaitAdvisor,
        runner.message(),
        runner.decisions(),
        runner.fallbacks(),
        use);
    return world.fallen() ? 1 : 0;
  }
}
