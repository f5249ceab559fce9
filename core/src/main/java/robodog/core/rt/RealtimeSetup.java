package robodog.core.rt;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.util.ArrayList;
import java.util.List;
import robodog.core.rt.RealtimeReport.Outcome;
import robodog.core.rt.RealtimeReport.Step;
import robodog.core.rt.RealtimeReport.StepResult;

/**
 * Gives the calling thread what a {@link RealtimeRequest} asks for, the way ros2_control's node
 * does at start ({@code realtime_tools::configure_sched_fifo}, {@code lock_memory}), and reports
 * each step. Nothing here throws for a refusal: a step the kernel refuses becomes one line in the
 * {@link RealtimeReport} and the robot runs on without it.
 *
 * <p>Pass an instance to {@link robodog.core.LoopRunner#start(int, Runnable)}: it runs on the loop
 * thread before the first tick, and when {@code start} returns {@link #report()} is set. Only that
 * thread gets the policy, slack and affinity (Linux applies them per thread); the memory lock is
 * process-wide by nature.
 *
 * <p>Order, and why:
 *
 * <ol>
 *   <li>memory lock first: {@code mlockall(MCL_CURRENT)} faults in every committed page of the JVM
 *       (hundreds of MB), which should not run at FIFO priority ahead of everything on the CPU;
 *   <li>affinity before FIFO, so the thread is never real-time on the wrong CPU;
 *   <li>timer slack before FIFO: recent kernels (seen on 6.18) set an RT task's slack to 0 and
 *       ignore {@code PR_SET_TIMERSLACK} for it, so slack is only settable (and only matters) while
 *       not RT; it stays 1 ns if FIFO is refused;
 *   <li>SCHED_FIFO last, with {@code SCHED_RESET_ON_FORK}: a thread the loop thread happens to
 *       start (a logger, a pool worker) would otherwise inherit FIFO, and only the control thread
 *       may have it.
 * </ol>
 *
 * <p>Threading: {@link #run()} configures whichever thread calls it, once; {@link #report()} from
 * any thread.
 */
public final class RealtimeSetup implements Runnable {
  /** The timer slack asked for, ns (0 would mean "the default" to {@code prctl}). */
  public static final long TIMER_SLACK_NANOS = 1;

  private final RealtimeRequest request;
  private volatile RealtimeReport report;

  /** A set-up of {@code request} to be run on the thread it is for. */
  public RealtimeSetup(RealtimeRequest request) {
    this.request = request;
  }

  /** The request this set-up applies. */
  public RealtimeRequest request() {
    return request;
  }

  /** Applies the request to the calling thread and keeps the report. */
  @Override
  public void run() {
    report = applyToCallingThread(request);
  }

  /** The report of {@link #run()}, or null before it ran. */
  public RealtimeReport report() {
    return report;
  }

  /**
   * Applies {@code request} to the calling thread (and the memory lock to the process).
   *
   * @return one result per requested step; never throws for a refusal or a missing native library
   */
  public static RealtimeReport applyToCallingThread(RealtimeRequest request) {
    if (request.isEmpty()) {
      return new RealtimeReport(Thread.currentThread().getName(), List.of(), null);
    }
    Libc libc = null;
    String unavailable = null;
    try {
      libc = Libc.load();
    } catch (UnsupportedOperationException e) {
      unavailable = e.getMessage();
    } catch (LinkageError e) {
      unavailable = "JNA is not usable (" + e + ")";
    }
    return apply(request, libc, unavailable);
  }

  /** As {@link #applyToCallingThread}, with the library given; null with a reason = unavailable. */
  static RealtimeReport apply(RealtimeRequest request, Libc libc, String unavailableReason) {
    String thread = Thread.currentThread().getName();
    List<StepResult> steps = new ArrayList<>();
    if (libc == null) {
      for (Step s : requestedSteps(request)) {
        steps.add(new StepResult(s, Outcome.UNAVAILABLE, 0, name(s, request)));
      }
      return new RealtimeReport(thread, steps, unavailableReason);
    }
    for (Step s : requestedSteps(request)) {
      int rc;
      try {
        rc = call(libc, s, request);
      } catch (RuntimeException | LinkageError e) {
        // A symbol missing from this libc, say: one line, and the other steps still run.
        steps.add(
            new StepResult(
                s,
                Outcome.FAILED,
                0,
                "real-time: " + name(s, request) + " for " + thread + " failed: " + e));
        continue;
      }
      int errno = rc == 0 ? 0 : Native.getLastError();
      if (rc != 0) {
        steps.add(refused(libc, s, request, errno, thread));
      } else if (s == Step.MEMORY_LOCK) {
        // How much is now resident for good: on a 4 GB Pi this is worth seeing.
        String line = name(s, request) + " (" + Privileges.residentMemory() + " resident)";
        steps.add(new StepResult(s, Outcome.APPLIED, 0, line));
      } else {
        steps.add(new StepResult(s, Outcome.APPLIED, 0, name(s, request)));
      }
    }
    return new RealtimeReport(thread, steps, null);
  }

  private static List<Step> requestedSteps(RealtimeRequest r) {
    List<Step> steps = new ArrayList<>();
    if (r.lockMemory()) {
      steps.add(Step.MEMORY_LOCK);
    }
    if (r.wantsCpu()) {
      steps.add(Step.CPU_AFFINITY);
    }
    if (r.timerSlack()) {
      steps.add(Step.TIMER_SLACK);
    }
    if (r.wantsFifo()) {
      steps.add(Step.SCHED_FIFO);
    }
    return steps;
  }

  /** Makes the call of one step; 0 on success, -1 with errno set otherwise. */
  private static int call(Libc libc, Step step, RealtimeRequest r) {
    switch (step) {
      case MEMORY_LOCK:
        return libc.mlockall(Libc.MCL_CURRENT | Libc.MCL_FUTURE);
      case CPU_AFFINITY:
        {
          // cpu_set_t is an array of unsigned long; size it to hold the CPU, in whole longs.
          int bitsPerLong = Native.LONG_SIZE * 8;
          int longs = r.cpu() / bitsPerLong + 1;
          Memory mask = new Memory((long) longs * Native.LONG_SIZE);
          mask.clear();
          mask.setNativeLong(
              (long) (r.cpu() / bitsPerLong) * Native.LONG_SIZE,
              new NativeLong(1L << (r.cpu() % bitsPerLong)));
          return libc.sched_setaffinity(0, new NativeLong(mask.size()), mask);
        }
      case TIMER_SLACK:
        {
          NativeLong zero = new NativeLong(0);
          int rc =
              libc.prctl(
                  Libc.PR_SET_TIMERSLACK, new NativeLong(TIMER_SLACK_NANOS), zero, zero, zero);
          return rc < 0 ? -1 : 0;
        }
      case SCHED_FIFO:
        return libc.sched_setscheduler(
            0, Libc.SCHED_FIFO | Libc.SCHED_RESET_ON_FORK, new int[] {r.fifoPriority(), 0, 0, 0});
      default:
        throw new AssertionError(step);
    }
  }

  /** Short name of a step as asked, also the line of an applied step. */
  static String name(Step step, RealtimeRequest r) {
    switch (step) {
      case MEMORY_LOCK:
        return "memory locked";
      case CPU_AFFINITY:
        return "cpu " + r.cpu();
      case TIMER_SLACK:
        return "timer slack " + TIMER_SLACK_NANOS + " ns";
      case SCHED_FIFO:
        return "SCHED_FIFO " + r.fifoPriority();
      default:
        throw new AssertionError(step);
    }
  }

  private static StepResult refused(
      Libc libc, Step step, RealtimeRequest r, int errno, String thread) {
    boolean permission = errno == Errno.EPERM || (step == Step.MEMORY_LOCK && isLimit(errno));
    Outcome outcome = permission ? Outcome.NOT_PERMITTED : Outcome.FAILED;
    String what;
    String fix;
    String without;
    switch (step) {
      case MEMORY_LOCK:
        what = "memory lock (mlockall MCL_CURRENT|MCL_FUTURE)";
        fix =
            Privileges.hasCapability(Privileges.CAP_IPC_LOCK)
                ? "CAP_IPC_LOCK is held, so RAM ran short; free memory or lower -Xms"
                : "needs CAP_IPC_LOCK or 'memlock unlimited' for this user in"
                    + " /etc/security/limits.conf (this process's limit: "
                    + Privileges.memlockLimit()
                    + ", far below what a JVM maps)";
        without = "pages may be swapped out or first touched during a tick";
        break;
      case CPU_AFFINITY:
        what = "cpu " + r.cpu();
        fix =
            permission
                ? "needs CAP_SYS_NICE"
                : "cpu "
                    + r.cpu()
                    + " is outside the CPUs this process may use ("
                    + Privileges.allowedCpus()
                    + "; set by taskset or a cgroup cpuset)";
        without = "it runs on any CPU";
        break;
      case TIMER_SLACK:
        what = "timer slack " + TIMER_SLACK_NANOS + " ns";
        fix = "needs Linux 2.6.28 or later";
        without = "it may wake up to the default 50 µs late";
        break;
      case SCHED_FIFO:
        what = "SCHED_FIFO priority " + r.fifoPriority();
        fix =
            Privileges.hasCapability(Privileges.CAP_SYS_NICE)
                ? "CAP_SYS_NICE is held, so the cgroup has no real-time budget: give it"
                    + " cpu.rt_runtime_us > 0 or run outside it"
                : "needs CAP_SYS_NICE or an rtprio limit of at least "
                    + r.fifoPriority()
                    + " for this user in /etc/security/limits.conf (this process's limit: "
                    + Privileges.rtprioLimit()
                    + ")";
        without = "it runs SCHED_OTHER";
        break;
      default:
        throw new AssertionError(step);
    }
    String line =
        "real-time: "
            + what
            + " for "
            + thread
            + (permission ? " not permitted: " : " failed: ")
            + Errno.describe(libc, errno)
            + "; "
            + fix
            + "; "
            + without;
    return new StepResult(step, outcome, errno, line);
  }

  private static boolean isLimit(int errno) {
    // mlockall reports a too-small RLIMIT_MEMLOCK as ENOMEM (and EAGAIN on some kernels).
    return errno == Errno.ENOMEM || errno == Errno.EAGAIN;
  }
}
