package robodog.sim.camera;

/**
 * The nearest surface a ray met: distance along the unit ray (m), unit outward normal (world),
 * texture coordinates (m, or marker-plate coordinates for a marker face) and the material. One per
 * rendering thread, reused for every ray.
 */
final class Hit {
  double t;
  double nx;
  double ny;
  double nz;
  double u;
  double v;
  Material material;

  void reset(double tMax) {
    t = tMax;
    material = null;
  }

  boolean found() {
    return material != null;
  }
}
