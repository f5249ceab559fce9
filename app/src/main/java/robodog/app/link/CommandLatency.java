package robodog.app.link;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;

/**
 * The two command-latency measurements of {@code ./robodog bench link}, one operator publishing
 * {@code cmd/velocity} (vx alternating 0.1 / 0.2 m/s, ttl 1 s) and waiting for it before the next,
 * the first 200 of each case discarded as warm-up. Bench thread.
 *
 * <ul>
 *   <li>{@link #toMailbox}: publish → the new {@link MotionCommand} in the controller's mailbox
 *       (nothing consumes it; the bench thread spins on it), beside the raw broker round trip (QoS
 *       1 PUBACK of a refused heartbeat: the floor) and the QoS 1 / QoS 0 median ratio (a Nagle
 *       regression shows as ~40 ms at QoS 1).
 *   <li>{@link #toJointTargets}: publish → the end of the first control tick whose joint targets
 *       were computed from that command, as the real loop runs it at its configured rate on the
 *       wall clock (so it includes waiting for the next tick: up to one period; each publish comes
 *       at a random point of the period, as an operator's would).
 * </ul>
 */
final class CommandLatency {
  private static final int WARM_UP = 200;

  /**
   * Gap between samples, ns: 125 commands a second, under the embedded broker's per-client publish
   * limit (200/s) and above a tablet's 10-20, so latency is measured as an operator sees it and the
   * limit never refuses a sample.
   */
  private static final long PACE_NANOS = 8_000_000L;

  private CommandLatency() {}

  /** Prints rows QoS 0, QoS 1, PUBACK, and the ratio; {@code box} must have no other consumer. */
  static void toMailbox(
      String name, String uri, Mailbox<MotionCommand> box, int samples, PrintWriter out)
      throws Exception {
    try (BenchOperator c = BenchOperator.holder(uri, "bench", firstSeq())) {
      double[] p50 = new double[2];
      for (int qos = 0; qos <= 1; qos++) {
        long[] t = new long[samples];
        for (int i = 0; i < samples + WARM_UP; i++) {
          double vx = i % 2 == 0 ? 0.1 : 0.2;
          long t0 = System.nanoTime();
          c.send("cmd/velocity", BenchOperator.fields().put("vx", vx).put("ttl_ms", 1000), qos);
          long end = t0 + 1_000_000_000L;
          MotionCommand m;
          while (((m = box.latest()) == null || m.vx != vx) && System.nanoTime() < end) {
            Thread.onSpinWait();
          }
          if (i >= WARM_UP) {
            t[i - WARM_UP] = System.nanoTime() - t0;
          }
          LockSupport.parkNanos(PACE_NANOS);
        }
        p50[qos] = Percentiles.row(out, name + ", QoS " + qos, Percentiles.of(t));
      }
      long[] rt = new long[samples];
      for (int i = 0; i < samples; i++) {
        long t0 = System.nanoTime();
        c.send("cmd/heartbeat", BenchOperator.fields().put("ttl", 0), 1)
            .waitForCompletion(1000); // refused, but acked
        rt[i] = System.nanoTime() - t0;
        LockSupport.parkNanos(PACE_NANOS);
      }
      Percentiles.row(out, name + ", PUBACK round trip", Percentiles.of(rt));
      out.printf(Locale.ROOT, "%-34s QoS 1 / QoS 0 median ratio %.2f%n", "", p50[1] / p50[0]);
    }
  }

  /** Prints rows QoS 0 and QoS 1 of publish → joint targets written; the robot walks meanwhile. */
  static void toJointTargets(
      String name, String uri, BenchRobot robot, int samples, PrintWriter out) throws Exception {
    try (BenchOperator c = BenchOperator.holder(uri, "bench", firstSeq())) {
      c.send("cmd/velocity", BenchOperator.fields().put("vx", 0.1).put("ttl_ms", 1000), 1)
          .waitForCompletion(1000);
      c.send("cmd/mode", BenchOperator.fields().put("mode", "walk"), 1).waitForCompletion(1000);
      robot.awaitMode(Mode.WALKING);
      double[] p50 = new double[2];
      for (int qos = 0; qos <= 1; qos++) {
        long[] t = new long[samples];
        int lost = 0;
        java.util.Random phase = new java.util.Random(qos);
        for (int i = 0; i < samples + WARM_UP; i++) {
          double vx = i % 2 == 0 ? 0.1 : 0.2;
          // Publish at a random point of the control period: right after the tick that took the
          // previous command, every sample would wait almost a whole period (phase lock).
          LockSupport.parkNanos(PACE_NANOS + (long) (phase.nextDouble() * robot.periodNanos()));
          long before = robot.probe.appliedSeq();
          long t0 = System.nanoTime();
          c.send("cmd/velocity", BenchOperator.fields().put("vx", vx).put("ttl_ms", 1000), qos);
          long end = t0 + 1_000_000_000L;
          while (robot.probe.appliedSeq() == before && System.nanoTime() < end) {
            LockSupport.parkNanos(20_000); // the probe timestamps it; polling late costs nothing
          }
          long at = robot.probe.appliedAtNanos();
          if (robot.probe.appliedSeq() == before) {
            lost++;
            at = end;
          }
          if (i >= WARM_UP) {
            t[i - WARM_UP] = at - t0;
          }
        }
        p50[qos] = Percentiles.row(out, name + ", QoS " + qos + " → joints", Percentiles.of(t));
        if (lost > 0) {
          out.printf(Locale.ROOT, "%-34s %d commands never reached a tick within 1 s%n", "", lost);
        }
      }
      out.printf(Locale.ROOT, "%-34s QoS 1 / QoS 0 median ratio %.2f%n", "", p50[1] / p50[0]);
      c.send("cmd/mode", BenchOperator.fields().put("mode", "stand"), 1).waitForCompletion(1000);
    }
  }

  /** A seq above any earlier run's: µs since 1970, as the tablet page does. */
  static long firstSeq() {
    return System.currentTimeMillis() * 1000;
  }
}
