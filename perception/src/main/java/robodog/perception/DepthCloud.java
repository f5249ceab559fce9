package robodog.perception;

import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.camera.CameraMount;

/**
 * A depth image back-projected into base_link, subsampled by a stride, in preallocated arrays:
 * point {@code k} is at ({@link #x}[k], {@link #y}[k], {@link #z}[k]) m and came from pixel ({@link
 * #u}[k], {@link #v}[k]). Pixel centres follow {@link CameraIntrinsics} (i + 0.5). The body is
 * assumed level (the controller's IMU leveling keeps it so); the camera mount gives the rest. One
 * thread; allocation-free per frame.
 */
public final class DepthCloud {
  public final int stride;
  public final float[] x;
  public final float[] y;
  public final float[] z;
  public final short[] u;
  public final short[] v;
  public int count;
  private final double[] rOpt = new double[9];
  private final double[] p = new double[3];
  private final CameraMount mount;

  public DepthCloud(CameraIntrinsics k, CameraMount mount, int stride) {
    this.stride = stride;
    this.mount = mount;
    int n = ((k.width() + stride - 1) / stride) * ((k.height() + stride - 1) / stride);
    x = new float[n];
    y = new float[n];
    z = new float[n];
    u = new short[n];
    v = new short[n];
    mount.opticalRotation(rOpt);
  }

  /** Back-projects {@code f}'s depth (must be present); skips NaN and non-positive depth. */
  public void fill(CameraFrame f) {
    CameraIntrinsics k = f.intrinsics;
    int w = k.width();
    int h = k.height();
    float[] d = f.depth;
    int n = 0;
    for (int j = 0; j < h; j += stride) {
      double yn = (j + 0.5 - k.cy()) / k.fy();
      for (int i = 0; i < w; i += stride) {
        float zo = d[j * w + i];
        if (!(zo > 0)) {
          continue;
        }
        double xn = (i + 0.5 - k.cx()) / k.fx();
        mount.opticalToBase(rOpt, xn * zo, yn * zo, zo, p);
        x[n] = (float) p[0];
        y[n] = (float) p[1];
        z[n] = (float) p[2];
        u[n] = (short) i;
        v[n] = (short) j;
        n++;
      }
    }
    count = n;
  }
}
