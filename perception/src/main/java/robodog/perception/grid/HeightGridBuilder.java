package robodog.perception.grid;

import java.util.Arrays;
import robodog.core.perception.HeightGrid;
import robodog.perception.DepthCloud;

/**
 * Builds the local {@link HeightGrid} from a depth cloud in base_link: each cell keeps the highest
 * point that fell in it; the local ground is the median height of the points in a patch just ahead
 * of the robot (mostly ground when the path is clear, and robust to a minority of obstacles); a
 * cell is an obstacle when it stands more than the threshold above that ground; its step is the
 * largest rise from a seen 4-neighbour. The corridor ahead (robot width, from the camera's nearest
 * visible ground to the look-ahead distance) is traversable when at least half of it was seen and
 * none of it is an obstacle; its largest and mean step over the cells that are not obstacles say
 * how rough the ground ahead is ({@code GroundAhead}). One thread; allocation-free per frame.
 */
public final class HeightGridBuilder {
  /** Nearest ground the default head camera sees (15° down, 55° vertical FOV, 20 cm up), m. */
  public static final double CORRIDOR_START_M = 0.35;

  /** A cell whose step is at least this counts toward {@link HeightGrid#stepCellsAhead}, m. */
  public static final float STEP_CELL_M = 0.028f;

  private final double obstacleHeightM;
  private final double corridorHalfWidthM;
  private final double lookAheadM;
  private final float[] groundSample;

  public HeightGridBuilder(double obstacleHeightM, double corridorWidthM, double lookAheadM) {
    this.obstacleHeightM = obstacleHeightM;
    this.corridorHalfWidthM = corridorWidthM / 2;
    this.lookAheadM = lookAheadM;
    this.groundSample = new float[200_000];
  }

  /** Fills {@code g} from {@code cloud} (points in base_link, m). */
  public void build(DepthCloud cloud, HeightGrid g, long stampNanos) {
    g.clear();
    g.stampNanos = stampNanos;
    int gs = 0;
    for (int k = 0; k < cloud.count; k++) {
      float px = cloud.x[k];
      float py = cloud.y[k];
      float pz = cloud.z[k];
      if (px > 0.3 && px < 1.5 && Math.abs(py) < 0.75 && gs < groundSample.length) {
        groundSample[gs++] = pz;
      }
      int ix = g.cellOf(px);
      int iy = g.cellOf(py);
      if (ix < 0 || iy < 0) {
        continue;
      }
      int c = g.index(ix, iy);
      float h = g.height[c];
      if (Float.isNaN(h) || pz > h) {
        g.height[c] = pz;
      }
    }
    if (gs < 20) {
      return; // not enough ground seen: nothing is known, the corridor is not traversable
    }
    Arrays.sort(groundSample, 0, gs);
    float ground = groundSample[gs / 2];
    g.groundZ = ground;
    int n = g.size;
    for (int c = 0; c < n * n; c++) {
      if (!Float.isNaN(g.height[c])) {
        g.height[c] -= ground;
        g.obstacle[c] = g.height[c] > obstacleHeightM;
      }
    }
    for (int ix = 0; ix < n; ix++) {
      for (int iy = 0; iy < n; iy++) {
        int c = g.index(ix, iy);
        float h = g.height[c];
        if (Float.isNaN(h)) {
          continue;
        }
        float lowest = h;
        lowest = lower(g, ix - 1, iy, lowest);
        lowest = lower(g, ix + 1, iy, lowest);
        lowest = lower(g, ix, iy - 1, lowest);
        lowest = lower(g, ix, iy + 1, lowest);
        g.step[c] = h - lowest;
      }
    }
    corridor(g);
  }

  private static float lower(HeightGrid g, int ix, int iy, float lowest) {
    if (ix < 0 || iy < 0 || ix >= g.size || iy >= g.size) {
      return lowest;
    }
    float h = g.height[g.index(ix, iy)];
    return Float.isNaN(h) || h >= lowest ? lowest : h;
  }

  private void corridor(HeightGrid g) {
    int total = 0;
    int seen = 0;
    int ground = 0;
    double stepSum = 0;
    double stepMax = 0;
    int stepCells = 0;
    double firstObstacle = Double.POSITIVE_INFINITY;
    for (int ix = 0; ix < g.size; ix++) {
      double cx = g.centreOf(ix);
      if (cx < CORRIDOR_START_M || cx > lookAheadM) {
        continue;
      }
      for (int iy = 0; iy < g.size; iy++) {
        if (Math.abs(g.centreOf(iy)) > corridorHalfWidthM) {
          continue;
        }
        total++;
        int c = g.index(ix, iy);
        if (!Float.isNaN(g.height[c])) {
          seen++;
          if (g.obstacle[c]) {
            firstObstacle = Math.min(firstObstacle, cx);
          } else {
            ground++;
            stepSum += g.step[c];
            stepMax = Math.max(stepMax, g.step[c]);
            stepCells += g.step[c] >= STEP_CELL_M ? 1 : 0;
          }
        }
      }
    }
    g.aheadCoverage = total == 0 ? 0 : (double) seen / total;
    g.obstacleAheadM = firstObstacle;
    g.stepAheadM = stepMax;
    g.meanStepAheadM = ground == 0 ? 0 : stepSum / ground;
    g.stepCellsAhead = stepCells;
    g.groundCellsAhead = ground;
    g.traversableAhead = g.aheadCoverage >= 0.5 && firstObstacle == Double.POSITIVE_INFINITY;
  }
}
