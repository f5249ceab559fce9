package robodog.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import robodog.app.robot.HarnessRobots;
import robodog.app.robot.OperatorSide;
import robodog.app.robot.Shutdown;
import robodog.harness.sim.PlotWriter;
import robodog.harness.sim.SimRun;
import robodog.locomotion.LocomotionConfig;

/**
 * The simulated robot run by {@code sim} and by {@code run --hardware sim|hil}: one {@link SimRun}
 * with a clean stop on SIGTERM (report written, servos off, {@code state/status} offline), then the
 * summary, the advisor's and perception's lines, the report and the plots. Main thread.
 */
final class SimulatedRun {
  private SimulatedRun() {}

  /**
   * Runs {@code r} on robots with the operator's side {@code side} (null: none; its progress,
   * console and stop are this command's: the terminal, {@code out} and SIGTERM); returns the exit
   * status (0).
   */
  static int run(
      LocomotionConfig cfg,
      SimRun.Options r,
      OperatorSide.Setup side,
      Path report,
      Path plots,
      PrintWriter out)
      throws Exception {
    Shutdown shutdown = Shutdown.install();
    try {
      SimRun.Result res =
          SimRun.run(
              HarnessRobots.withOperatorSide(side),
              cfg,
              r.withConsole(SimRun.terminalProgress(), out, shutdown::requested));
      if (shutdown.requested()) {
        out.println("stopped by SIGTERM: servos off, report as far as the run went");
      }
      out.println(SimCommand.summary(res.report()));
      if (res.advisor() != null) {
        out.println(res.advisor());
      }
      out.println(res.perception() != null ? res.perception() : "perception: off");
      if (report != null) {
        res.report().write(report);
        out.println("report: " + report);
      }
      if (plots != null) {
        for (Path p : PlotWriter.write(res.recorder(), r.scenario().name(), plots)) {
          out.println("plot: " + p);
        }
      }
      out.flush();
      return 0;
    } catch (Exception | Error e) {
      if (shutdown.requested()) {
        // Said here, before the pending shutdown is released: once it is, the JVM halts at once
        // and the command's own error line would be lost.
        System.err.println("robodog: stopping on SIGTERM, the run ended with " + e);
        System.err.flush();
      }
      throw e;
    } finally {
      shutdown.finished();
    }
  }
}
