package robodog.sim.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import robodog.sim.terrain.BoxField;
import robodog.sim.terrain.CompositeTerrain;
import robodog.sim.terrain.FlatTerrain;
import robodog.sim.terrain.Patch;
import robodog.sim.terrain.RampTerrain;
import robodog.sim.terrain.RoughTerrain;
import robodog.sim.terrain.SegmentTerrain;
import robodog.sim.terrain.SlopeTerrain;
import robodog.sim.terrain.SolidObstacles;
import robodog.sim.terrain.Terrain;

/**
 * Ray casting against the terrain's own geometry (not ODE's colliders, which are slower per ray and
 * would need the physics world's thread): exact for planes, slopes and boxes; heightfields are
 * marched at half a cell and refined by bisection on the same bilinear surface {@link
 * RoughTerrain#heightAt} describes (within a millimetre of ODE's triangles). An unknown {@link
 * Terrain} implementation is marched through {@link Terrain#heightAt} (slower, 1 cm steps). {@link
 * SolidObstacles} are skipped: the scene draws those objects with their real shapes.
 *
 * <p>Immutable after construction; {@link #trace} is thread-safe.
 */
final class TerrainTracer {
  /** One traceable piece. */
  interface Part {
    void trace(double ox, double oy, double oz, double dx, double dy, double dz, Hit hit);
  }

  private final Part[] parts;

  /**
   * @param surfaceOverride patch name → surface, overriding {@link Surface#forPatch} (e.g. a
   *     scenario that wants its flat ground to look like grass)
   */
  TerrainTracer(Terrain terrain, Map<String, Surface> surfaceOverride) {
    List<Part> out = new ArrayList<>();
    collect(terrain, surfaceOverride, out);
    parts = out.toArray(new Part[0]);
  }

  private static Material material(Patch p, Map<String, Surface> override) {
    Surface s = override.get(p.name());
    return Material.of(s != null ? s : Surface.forPatch(p.name()));
  }

  private static void collect(Terrain t, Map<String, Surface> ov, List<Part> out) {
    if (t instanceof CompositeTerrain) {
      for (Terrain p : ((CompositeTerrain) t).parts()) {
        collect(p, ov, out);
      }
    } else if (t instanceof SegmentTerrain s) {
      collect(s.ground(), ov, out);
    } else if (t instanceof RampTerrain r) {
      out.add(ramp(r, material(r.patch(), ov)));
    } else if (t instanceof SolidObstacles) {
      return;
    } else if (t instanceof FlatTerrain) {
      out.add(plane(0, 0, 1, 0, material(((FlatTerrain) t).patch(), ov)));
    } else if (t instanceof SlopeTerrain) {
      SlopeTerrain s = (SlopeTerrain) t;
      out.add(plane(-Math.sin(s.angle()), 0, Math.cos(s.angle()), 0, material(s.patch(), ov)));
    } else if (t instanceof RoughTerrain) {
      RoughTerrain r = (RoughTerrain) t;
      out.add(new HeightfieldPart(r, material(r.patch(), ov)));
    } else if (t instanceof BoxField) {
      BoxField b = (BoxField) t;
      out.add(new BoxFieldPart(b.boxes(), material(b.patch(), ov)));
    } else {
      out.add(generic(t, Material.of(Surface.PAVEMENT)));
    }
  }

  /** Nearest terrain surface along the unit ray, if nearer than hit.t. */
  void trace(double ox, double oy, double oz, double dx, double dy, double dz, Hit hit) {
    for (Part p : parts) {
      p.trace(ox, oy, oz, dx, dy, dz, hit);
    }
  }

  /** The plane n·p = d (unit n pointing up out of the ground). Texture: world (x, y). */
  static Part plane(double nx, double ny, double nz, double d, Material m) {
    return (ox, oy, oz, dx, dy, dz, hit) -> {
      double den = nx * dx + ny * dy + nz * dz;
      if (den >= -1e-12) {
        return; // parallel or seen from below
      }
      double t = (d - (nx * ox + ny * oy + nz * oz)) / den;
      if (t > Shapes.EPS && t < hit.t) {
        hit.t = t;
        hit.nx = nx;
        hit.ny = ny;
        hit.nz = nz;
        hit.u = ox + t * dx;
        hit.v = oy + t * dy;
        hit.material = m;
      }
    };
  }

  /** A ramp's top face: its plane, hit only within the ramp's x and y extent. */
  static Part ramp(RampTerrain r, Material m) {
    double a = r.angle();
    double nx = -Math.sin(a);
    double nz = Math.cos(a);
    double d = nx * r.x0() + nz * r.z0();
    Part plane = plane(nx, 0, nz, d, m);
    return (ox, oy, oz, dx, dy, dz, hit) -> {
      double before = hit.t;
      Material was = hit.material;
      double hnx = hit.nx;
      double hny = hit.ny;
      double hnz = hit.nz;
      double hu = hit.u;
      double hv = hit.v;
      plane.trace(ox, oy, oz, dx, dy, dz, hit);
      if (hit.t < before && !r.covers(hit.u, hit.v)) {
        hit.t = before;
        hit.material = was;
        hit.nx = hnx;
        hit.ny = hny;
        hit.nz = hnz;
        hit.u = hu;
        hit.v = hv;
      }
    };
  }

  /** Marches any terrain through heightAt in 1 cm steps up to 30 m; the fallback. */
  static Part generic(Terrain terrain, Material m) {
    return (ox, oy, oz, dx, dy, dz, hit) -> {
      double step = 0.01;
      double prevT = 0;
      double prevF = oz - terrain.heightAt(ox, oy);
      if (prevF < 0) {
        return;
      }
      double limit = Math.min(hit.t, 30);
      for (double t = step; t < limit; t += step) {
        double f = oz + t * dz - terrain.heightAt(ox + t * dx, oy + t * dy);
        if (f < 0) {
          double a = prevT;
          double b = t;
          for (int i = 0; i < 20; i++) {
            double mid = (a + b) / 2;
            if (oz + mid * dz - terrain.heightAt(ox + mid * dx, oy + mid * dy) < 0) {
              b = mid;
            } else {
              a = mid;
            }
          }
          double x = ox + b * dx;
          double y = oy + b * dy;
          double e = 0.01;
          double gx = (terrain.heightAt(x + e, y) - terrain.heightAt(x - e, y)) / (2 * e);
          double gy = (terrain.heightAt(x, y + e) - terrain.heightAt(x, y - e)) / (2 * e);
          double n = Math.sqrt(gx * gx + gy * gy + 1);
          hit.t = b;
          hit.nx = -gx / n;
          hit.ny = -gy / n;
          hit.nz = 1 / n;
          hit.u = x;
          hit.v = y;
          hit.material = m;
          return;
        }
        prevT = t;
        prevF = f;
      }
    };
  }
}
