package robodog.core.perception;

/**
 * The height grid's word on the ground the robot is about to walk on (the corridor ahead, robot
 * width, from the nearest ground the camera sees to the look-ahead distance): the largest height
 * step between neighbouring cells that is not an obstacle, and the mean step, both in metres. A
 * stair edge shows as a large step, gravel and bumps as a mean of a centimetre or more; level
 * pavement reads near zero. Obstacle cells (too high to step over) are left to the safety limit and
 * the local navigator. Preallocated; copy with {@link #copyFrom}; not thread-safe.
 */
public final class GroundAhead {
  /** Largest step between neighbouring non-obstacle cells in the corridor, m (0 when unseen). */
  public double maxStepM;

  /** Mean step over the seen non-obstacle cells of the corridor, m. */
  public double meanStepM;

  /** Fraction 0..1 of the corridor that was seen. */
  public double coverage;

  /** Seen non-obstacle corridor cells with a step of 2.8 cm or more. */
  public int stepCells;

  /** Seen non-obstacle corridor cells. */
  public int groundCells;

  /** Perception time of the frame, ns. */
  public long stampNanos;

  /** Copies every field of {@code o}. */
  public void copyFrom(GroundAhead o) {
    maxStepM = o.maxStepM;
    meanStepM = o.meanStepM;
    coverage = o.coverage;
    stepCells = o.stepCells;
    groundCells = o.groundCells;
    stampNanos = o.stampNanos;
  }

  /** Fills this from {@code g}'s corridor summary. */
  public void setFrom(HeightGrid g) {
    maxStepM = g.stepAheadM;
    meanStepM = g.meanStepAheadM;
    coverage = g.aheadCoverage;
    stepCells = g.stepCellsAhead;
    groundCells = g.groundCellsAhead;
    stampNanos = g.stampNanos;
  }
}
