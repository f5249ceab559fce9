package robodog.core.perception;

import java.util.Arrays;

/**
 * Local height map around the robot, from the depth camera: a square grid centred on base_link,
 * axis-aligned with base_link (x forward along rows' index {@code ix}, y left along {@code iy}).
 * Cell {@code (ix, iy)} covers x in {@code [(ix - size/2) * res, (ix - size/2 + 1) * res)}, same
 * for y. Heights are in base_link z (m) relative to the local ground estimate; {@code NaN} where
 * nothing was seen.
 *
 * <p>{@link #obstacle} marks cells whose height above local ground exceeds the obstacle threshold;
 * {@link #step} holds the height difference to the lowest observed neighbour (a step edge). {@link
 * #traversableAhead} summarises the corridor in front of the robot. Preallocated; copy with {@link
 * #copyFrom}; not thread-safe.
 */
public final class HeightGrid {
  /** Cells per side. */
  public final int size;

  /** Cell edge length, m. */
  public final double resolutionM;

  /** Max height above ground, m, per cell ({@code size * size}, index {@code ix * size + iy}). */
  public final float[] height;

  /** Height step to the lowest neighbour, m; 0 where flat or unknown. */
  public final float[] step;

  /** Cell is an obstacle (too high to step over). */
  public final boolean[] obstacle;

  /** Base_link z of the local ground plane under the robot, m (negative: ground is below). */
  public double groundZ = Double.NaN;

  /** True if the corridor ahead (robot width, look-ahead length) has no obstacle and was seen. */
  public boolean traversableAhead;

  /** Distance to the first obstacle in the corridor ahead, m; {@code +Inf} if none. */
  public double obstacleAheadM = Double.POSITIVE_INFINITY;

  /** Fraction 0..1 of the corridor ahead that was observed. */
  public double aheadCoverage;

  /** Largest {@link #step} of a seen non-obstacle cell in the corridor ahead, m. */
  public double stepAheadM;

  /** Mean {@link #step} of the seen non-obstacle cells in the corridor ahead, m. */
  public double meanStepAheadM;

  /** Seen non-obstacle cells of the corridor ahead whose {@link #step} is 2.8 cm or more. */
  public int stepCellsAhead;

  /** Seen non-obstacle cells of the corridor ahead. */
  public int groundCellsAhead;

  public long stampNanos;

  /** 80 × 80 cells of 5 cm: 4 m × 4 m. */
  public HeightGrid() {
    this(80, 0.05);
  }

  public HeightGrid(int size, double resolutionM) {
    if (size <= 0 || size % 2 != 0 || !(resolutionM > 0)) {
      throw new IllegalArgumentException(
          "grid size must be even and positive and resolution > 0, got "
              + size
              + ", "
              + resolutionM);
    }
    this.size = size;
    this.resolutionM = resolutionM;
    height = new float[size * size];
    step = new float[size * size];
    obstacle = new boolean[size * size];
    clear();
  }

  /** Cell index along x or y of a base_link coordinate, or -1 outside the grid. */
  public int cellOf(double coordM) {
    int i = (int) Math.floor(coordM / resolutionM) + size / 2;
    return i >= 0 && i < size ? i : -1;
  }

  /** Centre of cell {@code i} along x or y, m. */
  public double centreOf(int i) {
    return (i - size / 2 + 0.5) * resolutionM;
  }

  public int index(int ix, int iy) {
    return ix * size + iy;
  }

  public void clear() {
    Arrays.fill(height, Float.NaN);
    Arrays.fill(step, 0f);
    Arrays.fill(obstacle, false);
    groundZ = Double.NaN;
    traversableAhead = false;
    obstacleAheadM = Double.POSITIVE_INFINITY;
    aheadCoverage = 0;
    stepAheadM = 0;
    meanStepAheadM = 0;
    stepCellsAhead = 0;
    groundCellsAhead = 0;
  }

  public void copyFrom(HeightGrid o) {
    if (o.size != size) {
      throw new IllegalArgumentException("grid sizes differ: " + o.size + " vs " + size);
    }
    System.arraycopy(o.height, 0, height, 0, height.length);
    System.arraycopy(o.step, 0, step, 0, step.length);
    System.arraycopy(o.obstacle, 0, obstacle, 0, obstacle.length);
    groundZ = o.groundZ;
    traversableAhead = o.traversableAhead;
    obstacleAheadM = o.obstacleAheadM;
    aheadCoverage = o.aheadCoverage;
    stepAheadM = o.stepAheadM;
    meanStepAheadM = o.meanStepAheadM;
    stepCellsAhead = o.stepCellsAhead;
    groundCellsAhead = o.groundCellsAhead;
    stampNanos = o.stampNanos;
  }
}
