package robodog.app.link;

import java.util.function.Consumer;
import robodog.core.ControlTask;
import robodog.core.IdealServoHardware;
import robodog.core.LoopRunner;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.SystemClock;
import robodog.core.Telemetry;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.OperatorLink;

/**
 * The robot side of {@code ./robodog bench link} as {@code sim --realtime} wires it, minus the
 * physics: the walking controller on ideal servos in a {@link LoopRunner} on the wall clock at the
 * configured rate (the tick wrapped in a {@link ControlLoopProbe}), fed by an {@link OperatorLink}
 * whose timer thread runs every 2 ms. Start-up and bench thread; {@link #close} stops both threads.
 */
final class BenchRobot implements AutoCloseable {
  final OperatorLink link;
  final ControlLoopProbe probe;
  final Mailbox<Telemetry> telemetry = LocomotionConfig.telemetryMailbox();
  private final LoopRunner loop;
  private final Thread ticker;

  /**
   * @param errors the link's refusals (the caller may publish them on {@code state/error})
   */
  BenchRobot(LocomotionConfig cfg, Consumer<String> errors) {
    Mailbox<MotionCommand> box = LocomotionConfig.commandMailbox();
    link = new OperatorLink(box, errors, 2_000_000_000L);
    link.gaitNames(cfg.gaitTable().names());
    HexapodController controller = cfg.newController(box, telemetry, Mode.STANDING);
    ControlTask task =
        new ControlTask(new IdealServoHardware(cfg.standingJointAngles()), controller);
    probe = new ControlLoopProbe(task, controller.telemetry());
    long period = Math.round(1e9 / cfg.settings().loopRateHz());
    loop = new LoopRunner(new SystemClock(), period, probe, "control-loop");
    loop.start(Thread.MAX_PRIORITY);
    ticker =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                link.tick(System.nanoTime());
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "operator-link");
    ticker.setDaemon(true);
    ticker.start();
  }

  /** The loop period, ns. */
  long periodNanos() {
    return loop.periodNanos();
  }

  /** Waits up to 10 s for telemetry to report {@code mode}. */
  void awaitMode(Mode mode) throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < end) {
      Telemetry t = telemetry.latest();
      if (t != null && t.mode == mode) {
        return;
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("the controller did not reach " + mode + " within 10 s");
  }

  @Override
  public void close() throws InterruptedException {
    ticker.interrupt();
    loop.stop();
  }
}
