package robodog.app.link;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import robodog.core.Mode;
import robodog.operatorlink.mqtt.ExternalBrokerLink;

/**
 * Injected link cuts for {@code ./robodog bench link --cuts N}: the operator walks the robot (a
 * fresh command every 50 ms, each valid for 1 s, so only the 500 ms watchdog or the broker-loss
 * detection can stop it), then the link is cut: the operator client killed without a goodbye, or
 * Mosquitto killed, alternately. Measured: from the last command acknowledged to the end of the
 * first control tick in which the commanded speed falls (the stop begins), on the real loop. The
 * bound: watchdog 500 ms + one control period (the tick enforces the deadline itself). Bench
 * thread.
 */
final class LinkCutBench {
  private LinkCutBench() {}

  static void run(
      int cuts, BenchMosquitto m, ExternalBrokerLink ext, BenchRobot robot, PrintWriter out)
      throws Exception {
    long[] stop = new long[cuts];
    long[][] byKind = {new long[(cuts + 1) / 2], new long[cuts / 2]};
    int failed = 0;
    robot.probe.takeLateness(); // start the loop's lateness record for this phase
    BenchOperator c = null;
    for (int i = 0; i < cuts; i++) {
      if (c == null) {
        c = BenchOperator.holder(m.uri(), "bench", CommandLatency.firstSeq());
        c.send("cmd/mode", BenchOperator.fields().put("mode", "walk"), 1).waitForCompletion(1000);
      }
      long last = 0;
      for (int k = 0; k < 8; k++) {
        c.send("cmd/velocity", BenchOperator.fields().put("vx", 0.1).put("ttl_ms", 1000), 1)
            .waitForCompletion(1000);
        last = System.nanoTime();
        Thread.sleep(50);
      }
      robot.awaitMode(Mode.WALKING);
      robot.probe.armStopWatch();
      if (i % 2 == 0) {
        c.vanish();
      } else {
        m.kill();
      }
      c = i % 2 == 0 ? null : c;
      long end = last + 3_000_000_000L;
      while (robot.probe.stopAtNanos() == 0 && System.nanoTime() < end) {
        LockSupport.parkNanos(200_000); // leave the cores to the link and the loop
      }
      long at = robot.probe.stopAtNanos();
      if (at == 0) {
        failed++;
        at = end;
      }
      stop[i] = at - last;
      byKind[i % 2][i / 2] = stop[i];
      if (i % 2 == 1) {
        long before = ext.connections();
        m.start();
        waitFor(() -> ext.connections() > before);
        c.close();
        c = null;
      }
      Thread.sleep(300); // let the robot come to a stand before the next walk
    }
    if (c != null) {
      c.close();
    }
    out.printf(
        Locale.ROOT,
        "%nlink cuts (%d: operator client killed / Mosquitto killed, alternately): never stopped"
            + " %d%n",
        cuts,
        failed);
    org.HdrHistogram.Histogram lateness = robot.probe.takeLateness();
    long bound = 500_000_000L + robot.periodNanos();
    int over = 0;
    for (long s : stop) {
      over += s > bound ? 1 : 0;
    }
    Percentiles.header(out, "last command → stop begins in a tick");
    Percentiles.row(out, "all cuts", Percentiles.of(stop));
    Percentiles.row(out, "operator client killed", Percentiles.of(byKind[0]));
    Percentiles.row(out, "Mosquitto killed", Percentiles.of(byKind[1]));
    Percentiles.row(out, "(control loop wake-up lateness)", lateness);
    out.printf(
        Locale.ROOT,
        "over the bound (500 ms + one %.1f ms tick): %d of %d%n",
        robot.periodNanos() / 1e6,
        over,
        cuts);
  }

  static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (!c.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("timed out waiting for the broker link");
      }
      Thread.sleep(5);
    }
  }
}
