package robodog.app;

import picocli.CommandLine.Option;
import robodog.core.rt.RealtimeRequest;

/**
 * {@code --rt-priority P}, {@code --cpu N}, {@code --no-mlock}: the real-time set-up the control
 * thread asks for at start (SCHED_FIFO, 1 ns timer slack, affinity, locked memory). A picocli mixin
 * for any command that runs the control loop on the wall clock. Start-up thread only.
 *
 * <p>Wiring: {@code RealtimeSetup setup = new RealtimeSetup(options.request());
 * loop.start(Thread.MAX_PRIORITY, setup);} then print {@code setup.report().problems()} (one line
 * per step the kernel refused) and, if wanted, {@code setup.report().summary()}.
 */
public final class RealtimeOptions {
  /** SCHED_FIFO priority when the user does not choose (as ros2_control's default of 50–80). */
  public static final int DEFAULT_PRIORITY = 80;

  @Option(
      names = "--rt-priority",
      paramLabel = "P",
      defaultValue = "" + DEFAULT_PRIORITY,
      description =
          "SCHED_FIFO priority of the control thread only, 1-99 (default ${DEFAULT-VALUE});"
              + " 0 = do not ask for SCHED_FIFO. Needs CAP_SYS_NICE or an rtprio limit in"
              + " /etc/security/limits.conf; when refused, one line says so and the loop runs"
              + " with normal scheduling. The thread's timer slack is set to 1 ns either way")
  int rtPriority = DEFAULT_PRIORITY;

  @Option(
      names = "--cpu",
      paramLabel = "N",
      description =
          "pin the control thread to CPU N (kernel numbering, see /sys/devices/system/cpu/online);"
              + " default: any CPU. Best on a core kept free of other work (isolcpus=N)")
  Integer cpu;

  @Option(
      names = "--no-mlock",
      description =
          "do not lock the process's memory; by default mlockall(MCL_CURRENT|MCL_FUTURE) keeps"
              + " every page of the JVM in RAM so that no tick waits for a page fault or swap"
              + " (needs CAP_IPC_LOCK or 'memlock unlimited' in /etc/security/limits.conf)")
  boolean noMlock;

  /**
   * The request these options describe: always 1 ns timer slack; FIFO unless {@code --rt-priority
   * 0}; memory lock unless {@code --no-mlock}.
   *
   * @throws IllegalArgumentException naming the option, e.g. {@code "--cpu 7: this machine has CPUs
   *     0-1"}
   */
  public RealtimeRequest request() {
    try {
      return new RealtimeRequest(
          rtPriority, true, cpu == null ? RealtimeRequest.ANY_CPU : cpu, !noMlock);
    } catch (IllegalArgumentException e) {
      // RealtimeRequest names the setting as the option spells it, without the dashes.
      throw new IllegalArgumentException("--" + e.getMessage(), e);
    }
  }
}
