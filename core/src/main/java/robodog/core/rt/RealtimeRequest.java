package robodog.core.rt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the control thread should ask the kernel for at start: SCHED_FIFO at a priority, 1 ns timer
 * slack, one CPU, and the process's memory locked. Immutable and validated on construction, so a
 * bad value fails at start-up with a message naming it, never later on the loop thread.
 *
 * <p>Messages of the {@link IllegalArgumentException}s begin with the setting's name as the command
 * line spells it without the dashes ({@code "cpu 7: this machine has CPUs 0-1"}), so a CLI can
 * prefix {@code "--"} and the user sees the option they typed.
 *
 * @param fifoPriority SCHED_FIFO priority 1..99 (99 highest), or {@link #NO_FIFO} not to ask
 * @param timerSlack set the thread's timer slack to 1 ns, so that a parked thread wakes on time
 *     instead of up to the default 50 µs late
 * @param cpu CPU index to pin the thread to (as the kernel numbers them), or {@link #ANY_CPU}
 * @param lockMemory lock every current and future page of the process in RAM (process-wide)
 */
public record RealtimeRequest(int fifoPriority, boolean timerSlack, int cpu, boolean lockMemory) {
  /** {@link #fifoPriority} value that means: keep the normal (SCHED_OTHER) policy. */
  public static final int NO_FIFO = 0;

  /** {@link #cpu} value that means: no affinity, the kernel may run the thread on any CPU. */
  public static final int ANY_CPU = -1;

  /** Highest SCHED_FIFO priority Linux accepts ({@code sched_get_priority_max(SCHED_FIFO)}). */
  public static final int MAX_FIFO_PRIORITY = 99;

  private static final Path ONLINE_CPUS = Path.of("/sys/devices/system/cpu/online");

  /**
   * Validates the request against this machine's CPUs.
   *
   * @throws IllegalArgumentException naming the setting, its value and what is allowed
   */
  public RealtimeRequest {
    if (fifoPriority < NO_FIFO || fifoPriority > MAX_FIFO_PRIORITY) {
      throw new IllegalArgumentException(
          "rt-priority "
              + fifoPriority
              + ": SCHED_FIFO priorities are 1-"
              + MAX_FIFO_PRIORITY
              + ", 0 = do not ask for SCHED_FIFO");
    }
    if (cpu != ANY_CPU) {
      String online = onlineCpus();
      if (cpu < 0 || !cpuListContains(online, cpu)) {
        throw new IllegalArgumentException("cpu " + cpu + ": this machine has CPUs " + online);
      }
    }
  }

  /** Nothing asked: the set-up does nothing and reports nothing. */
  public static RealtimeRequest none() {
    return new RealtimeRequest(NO_FIFO, false, ANY_CPU, false);
  }

  /** Everything ros2_control's node asks for: FIFO at {@code priority}, 1 ns slack, memory lock. */
  public static RealtimeRequest fifo(int priority) {
    return new RealtimeRequest(priority, true, ANY_CPU, true);
  }

  /** A copy pinned to {@code cpuIndex} (or {@link #ANY_CPU}). */
  public RealtimeRequest withCpu(int cpuIndex) {
    return new RealtimeRequest(fifoPriority, timerSlack, cpuIndex, lockMemory);
  }

  /** True when SCHED_FIFO is asked for. */
  public boolean wantsFifo() {
    return fifoPriority != NO_FIFO;
  }

  /** True when an affinity is asked for. */
  public boolean wantsCpu() {
    return cpu != ANY_CPU;
  }

  /** True when no step is asked for. */
  public boolean isEmpty() {
    return !wantsFifo() && !timerSlack && !wantsCpu() && !lockMemory;
  }

  /**
   * The kernel's list of online CPUs, e.g. {@code "0-1"} or {@code "0-3,6"}; when sysfs cannot be
   * read, {@code 0-(n-1)} from the JVM's processor count.
   */
  public static String onlineCpus() {
    try {
      String s = Files.readString(ONLINE_CPUS, StandardCharsets.US_ASCII).trim();
      if (!s.isEmpty()) {
        return s;
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux or no sysfs (some containers): fall back to what the JVM sees.
    }
    int n = Runtime.getRuntime().availableProcessors();
    return n == 1 ? "0" : "0-" + (n - 1);
  }

  /**
   * True when the kernel-style CPU list ({@code "0-3,6,8-9"}) contains {@code cpu}. A malformed
   * list contains nothing.
   */
  static boolean cpuListContains(String list, int cpu) {
    for (String part : list.split(",")) {
      String p = part.trim();
      try {
        int dash = p.indexOf('-');
        if (dash < 0) {
          if (Integer.parseInt(p) == cpu) {
            return true;
          }
        } else if (cpu >= Integer.parseInt(p.substring(0, dash))
            && cpu <= Integer.parseInt(p.substring(dash + 1))) {
          return true;
        }
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return false;
  }
}
