package robodog.perception.people;

import java.util.Arrays;
import robodog.core.perception.PeopleZones;
import robodog.perception.DepthCloud;

/**
 * People as upright blobs in the depth cloud: points are binned into a 10 cm top-view grid ahead of
 * the robot (0–6 m forward, ±3 m sideways); connected cells are clustered; a cluster counts as a
 * person when its top is 1.4–2.0 m above the ground, its footprint at most 0.9 m across, and it is
 * solid (its points cover at least 40% of a 0.3 m wide strip of its height: a tripod's thin legs or
 * a light stand do not). Near the robot a person's head is above the camera's view: a cluster that
 * reaches the top image row counts when it is at least 0.45 m tall and narrow (conservative: a tall
 * narrow thing right in front stops the robot whatever it is). Works on any body shape the depth
 * sees, including the renderer's figures, but a coat rack or a tall case with a pole on it would
 * count too: it is a safety net, not a classifier. One thread; allocation-free per frame.
 */
public final class DepthPeopleDetector {
  private static final double CELL = 0.1;
  private static final int NX = 60;
  private static final int NY = 60;
  private static final double MIN_TOP = 1.4;
  private static final double MAX_TOP = 2.0;
  private static final double MAX_EXTENT = 0.9;

  private final float[] top = new float[NX * NY];
  private final int[] solid = new int[NX * NY];
  private final boolean[] clipped = new boolean[NX * NY];
  private final int[] label = new int[NX * NY];
  private final int[] stack = new int[NX * NY];
  private final float[] ground = new float[100_000];

  /**
   * Appends people found in {@code cloud} to {@code out}.
   *
   * @param groundZ base_link z of the ground (NaN: estimated from the cloud)
   * @param cellsSolidPerM2 how many points per m² of a person's side view the cloud's density gives
   *     at 1 m (scaled by 1/d² with distance)
   */
  public void detect(DepthCloud cloud, double groundZ, double pointsPerM2At1m, PeopleZones out) {
    Arrays.fill(top, Float.NaN);
    Arrays.fill(solid, 0);
    Arrays.fill(label, 0);
    Arrays.fill(clipped, false);
    double g = groundZ;
    if (Double.isNaN(g)) {
      int n = 0;
      for (int k = 0; k < cloud.count && n < ground.length; k++) {
        if (cloud.x[k] > 0.3 && cloud.x[k] < 1.5 && Math.abs(cloud.y[k]) < 0.75) {
          ground[n++] = cloud.z[k];
        }
      }
      if (n < 20) {
        return;
      }
      Arrays.sort(ground, 0, n);
      g = ground[n / 2];
    }
    for (int k = 0; k < cloud.count; k++) {
      int ix = (int) Math.floor(cloud.x[k] / CELL);
      int iy = (int) Math.floor(cloud.y[k] / CELL) + NY / 2;
      if (ix < 0 || ix >= NX || iy < 0 || iy >= NY) {
        continue;
      }
      int c = ix * NY + iy;
      float h = (float) (cloud.z[k] - g);
      if (h < 0.1f) {
        continue; // ground
      }
      if (Float.isNaN(top[c]) || h > top[c]) {
        top[c] = h;
      }
      solid[c]++;
      if (cloud.v[k] < cloud.stride * 2) {
        clipped[c] = true;
      }
    }
    int next = 0;
    for (int c = 0; c < NX * NY; c++) {
      if (label[c] != 0 || Float.isNaN(top[c]) || top[c] < 0.3f) {
        continue;
      }
      next++;
      int sp = 0;
      stack[sp++] = c;
      label[c] = next;
      int minX = NX;
      int maxX = -1;
      int minY = NY;
      int maxY = -1;
      float maxTop = 0;
      int solidPts = 0;
      boolean cut = false;
      double sx = 0;
      double sy = 0;
      int cells = 0;
      while (sp > 0) {
        int q = stack[--sp];
        int qx = q / NY;
        int qy = q % NY;
        minX = Math.min(minX, qx);
        maxX = Math.max(maxX, qx);
        minY = Math.min(minY, qy);
        maxY = Math.max(maxY, qy);
        maxTop = Math.max(maxTop, top[q]);
        solidPts += solid[q];
        cut |= clipped[q];
        sx += qx;
        sy += qy;
        cells++;
        for (int d = 0; d < 4; d++) {
          int nx = qx + (d == 0 ? 1 : d == 1 ? -1 : 0);
          int ny = qy + (d == 2 ? 1 : d == 3 ? -1 : 0);
          if (nx < 0 || ny < 0 || nx >= NX || ny >= NY) {
            continue;
          }
          int m = nx * NY + ny;
          if (label[m] == 0 && !Float.isNaN(top[m]) && top[m] >= 0.3f) {
            label[m] = next;
            stack[sp++] = m;
          }
        }
      }
      double ex = (maxX - minX + 1) * CELL;
      double ey = (maxY - minY + 1) * CELL;
      if (ex > MAX_EXTENT || ey > MAX_EXTENT || maxTop > MAX_TOP) {
        continue;
      }
      boolean tallEnough = maxTop >= MIN_TOP || (cut && maxTop >= 0.35);
      if (!tallEnough) {
        continue;
      }
      double px = (sx / cells + 0.5) * CELL;
      double py = (sy / cells - NY / 2 + 0.5) * CELL;
      double d = Math.hypot(px, py);
      // A person is about 0.3 m wide or more seen from any side: the points above 10 cm must
      // cover at least 40% of a 0.3 m wide strip of the cluster's height.
      double expected = 0.3 * (maxTop - 0.1) * pointsPerM2At1m / Math.max(0.25, d * d);
      if (solidPts < 0.4 * expected) {
        continue;
      }
      out.add(px, py, d, Math.min(1.0, solidPts / expected), PeopleZones.SOURCE_DEPTH);
    }
  }
}
