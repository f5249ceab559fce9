package robodog.harness.learn;

/**
 * The composite score of one run on one course, lower is better, normalised against the rule-based
 * selector's run on the same course and seed so every course weighs the same: the mean of time to
 * goal, payload acceleration RMS and servo energy, each divided by the selector's. A goal not
 * reached counts {@link #MISSED_TIME_FACTOR} × the scenario's duration as its time; a fall scores
 * {@link #FALL_SCORE} whatever else happened. The selector's own score is 1 on a course it
 * completed. Pure functions, any thread.
 */
final class EvalScore {
  /** Score of a course on which the robot fell (a failed course). */
  static final double FALL_SCORE = 10;

  /** Time counted for a missed goal, in scenario durations. */
  static final double MISSED_TIME_FACTOR = 2;

  private EvalScore() {}

  /** Time term of {@code r}, s. */
  static double time(EvalRuns.Run r, double durationS) {
    return r.completed() ? r.goalTimeS() : MISSED_TIME_FACTOR * durationS;
  }

  /** Score of {@code r} against the selector's run {@code ref} on the same course. */
  static double score(EvalRuns.Run r, EvalRuns.Run ref, double durationS) {
    if (r.fell()) {
      return FALL_SCORE;
    }
    double t = time(r, durationS) / Math.max(1e-9, time(ref, durationS));
    double a = r.payloadAccelRmsMps2() / Math.max(1e-9, ref.payloadAccelRmsMps2());
    double e = r.energyJ() / Math.max(1e-9, ref.energyJ());
    return (t + a + e) / 3;
  }

  /** How much better {@code learned} is than {@code baseline}, percent (positive: lower score). */
  static double improvementPercent(double learned, double baseline) {
    return 100 * (baseline - learned) / baseline;
  }
}
