package robodog.core.rt;

import java.util.ArrayList;
import java.util.List;

/**
 * What the real-time set-up got: one {@link StepResult} per step asked for, in the order they ran.
 * Immutable; any thread may read it.
 *
 * <p>{@link #problems()} is what an operator should see: one line per step that did not apply, or a
 * single line when the native calls were not available at all.
 *
 * @param threadName the thread that was set up (the control loop's)
 * @param steps results of the requested steps; steps not requested are absent
 * @param unavailableReason why no native call could be made (not Linux, JNA did not load), or null
 *     when libc was reachable
 */
public record RealtimeReport(String threadName, List<StepResult> steps, String unavailableReason) {

  /** The steps of the set-up, in the order {@link RealtimeSetup} runs them. */
  public enum Step {
    /** {@code mlockall(MCL_CURRENT|MCL_FUTURE)}, process-wide. */
    MEMORY_LOCK,
    /** {@code sched_setaffinity} of the calling thread to one CPU. */
    CPU_AFFINITY,
    /** {@code prctl(PR_SET_TIMERSLACK, 1)} on the calling thread. */
    TIMER_SLACK,
    /** {@code sched_setscheduler(SCHED_FIFO)} on the calling thread. */
    SCHED_FIFO
  }

  /** How a step ended. */
  public enum Outcome {
    /** The kernel did it. */
    APPLIED,
    /** The kernel refused for lack of a privilege or limit (EPERM, or ENOMEM from mlockall). */
    NOT_PERMITTED,
    /** The kernel refused for another reason (EINVAL: e.g. the CPU is outside the cpuset). */
    FAILED,
    /** No native call was possible; see {@link RealtimeReport#unavailableReason()}. */
    UNAVAILABLE
  }

  /**
   * One step's result.
   *
   * @param step which step
   * @param outcome how it ended
   * @param errno the C errno when the kernel refused, else 0
   * @param line when applied, a short name ({@code "SCHED_FIFO 80"}); otherwise one line saying
   *     what failed, the errno and its meaning, and what would permit it
   */
  public record StepResult(Step step, Outcome outcome, int errno, String line) {
    /** True when the kernel did it. */
    public boolean applied() {
      return outcome == Outcome.APPLIED;
    }
  }

  /** Copies {@code steps}. */
  public RealtimeReport {
    steps = List.copyOf(steps);
  }

  /** The result of {@code step}, or null when it was not requested. */
  public StepResult step(Step step) {
    for (StepResult r : steps) {
      if (r.step() == step) {
        return r;
      }
    }
    return null;
  }

  /** True when every requested step applied (also when nothing was requested). */
  public boolean allApplied() {
    for (StepResult r : steps) {
      if (!r.applied()) {
        return false;
      }
    }
    return true;
  }

  /**
   * One line per requested step that did not apply; a single line when nothing could be tried.
   * Empty when all applied.
   */
  public List<String> problems() {
    if (unavailableReason != null) {
      return steps.isEmpty()
          ? List.of()
          : List.of(
              "real-time set-up of "
                  + threadName
                  + " skipped: "
                  + unavailableReason
                  + "; the loop runs with normal scheduling and unlocked memory");
    }
    List<String> lines = new ArrayList<>();
    for (StepResult r : steps) {
      if (!r.applied()) {
        lines.add(r.line());
      }
    }
    return lines;
  }

  /**
   * One line naming what applied, e.g. {@code "real-time set-up of control-loop: memory locked, cpu
   * 1, timer slack 1 ns, SCHED_FIFO 80"}; {@code "... : nothing applied"} when none did.
   */
  public String summary() {
    StringBuilder b = new StringBuilder("real-time set-up of ").append(threadName).append(": ");
    int n = 0;
    for (StepResult r : steps) {
      if (r.applied()) {
        b.append(n++ == 0 ? "" : ", ").append(r.line());
      }
    }
    if (n == 0) {
      b.append(steps.isEmpty() ? "nothing requested" : "nothing applied");
    } else if (n < steps.size()) {
      b.append(" (").append(steps.size() - n).append(" not applied)");
    }
    return b.toString();
  }
}
