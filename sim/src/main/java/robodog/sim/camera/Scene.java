package robodog.sim.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import robodog.sim.terrain.BoxField;
import robodog.sim.terrain.SolidObstacles;

/**
 * What stands on the terrain for the camera: ArUco markers on posts, equipment cases, cables,
 * tripods and (possibly walking) people, plus a per-patch override of how the ground looks.
 * Declared in a scenario's {@code scene:} block ({@link SceneLoader}). Cases, tripods and cables
 * also exist in the physics world ({@link #solids}); people and markers are visual only (the
 * robot's controller must keep away from people anyway; see sim/README).
 *
 * <p>Immutable; any thread. All positions in the odom/world frame, m; yaw rad about +z.
 */
public record Scene(
    List<Marker> markers,
    List<CaseBox> cases,
    List<Cable> cables,
    List<Tripod> tripods,
    List<Person> people,
    Map<String, Surface> ground) {

  /** Nothing on the ground; terrain looks as its patch names say. */
  public static final Scene EMPTY =
      new Scene(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());

  public Scene {
    markers = List.copyOf(markers);
    cases = List.copyOf(cases);
    cables = List.copyOf(cables);
    tripods = List.copyOf(tripods);
    people = List.copyOf(people);
    ground = Map.copyOf(ground);
  }

  /**
   * An ArUco DICT_4X4_50 marker on a post: black square {@code sizeM} wide centred {@code
   * centreHeightM} above z = {@code baseZ}, its printed face looking along {@code yawRad}.
   */
  public record Marker(
      int id, double x, double y, double baseZ, double yawRad, double sizeM, double centreHeightM) {
    public Marker {
      ArucoDictionary.bits(id); // validates the id
    }

    /** World position of the marker's centre (x, y, z), m. */
    public double[] centre() {
      return new double[] {x, y, baseZ + centreHeightM};
    }
  }

  /** A closed equipment case standing on z = baseZ, colour linear RGB 0..1. */
  public record CaseBox(
      double x,
      double y,
      double baseZ,
      double yawRad,
      double lengthM,
      double widthM,
      double heightM,
      double[] rgb) {}

  /** A cable lying on the ground from (x0, y0) to (x1, y1), radius m, at ground height z. */
  public record Cable(double x0, double y0, double x1, double y1, double z, double radiusM) {}

  /** A camera tripod standing on z = baseZ, head {@code heightM} up, legs spread 0.35 × height. */
  public record Tripod(double x, double y, double baseZ, double yawRad, double heightM) {}

  /**
   * A standing person. With {@code speedMps} > 0 they walk along {@code path} (x, y pairs) from
   * time {@code startS} and stop at the end (or loop back to the start when {@code loop}); else
   * they stand at the first point facing {@code yawRad}.
   */
  public record Person(
      List<double[]> path,
      double baseZ,
      double yawRad,
      double speedMps,
      double startS,
      boolean loop,
      double heightM,
      double[] shirt,
      double[] trousers,
      double[] skin) {
    public Person {
      path = List.copyOf(path);
      if (path.isEmpty()) {
        throw new IllegalArgumentException("a person needs at least one path point");
      }
    }

    /** Position and heading at time t (s) into out[0..3] = x, y, yaw, distance walked. */
    public void poseAt(double t, double[] out4) {
      double[] p0 = path.get(0);
      double dist = speedMps > 0 ? Math.max(0, t - startS) * speedMps : 0;
      int n = path.size();
      double total = 0;
      int segs = loop ? n : n - 1;
      for (int i = 0; i < segs; i++) {
        total += len(path.get(i), path.get((i + 1) % n));
      }
      double s = dist;
      if (total <= 0 || segs == 0) {
        out4[0] = p0[0];
        out4[1] = p0[1];
        out4[2] = yawRad;
        out4[3] = 0;
        return;
      }
      boolean walking = true;
      if (loop) {
        s = s % total;
      } else if (s >= total) {
        s = total;
        walking = false;
      }
      for (int i = 0; i < segs; i++) {
        double[] a = path.get(i);
        double[] b = path.get((i + 1) % n);
        double l = len(a, b);
        if (s <= l || i == segs - 1) {
          double f = l > 0 ? Math.min(1, s / l) : 0;
          out4[0] = a[0] + f * (b[0] - a[0]);
          out4[1] = a[1] + f * (b[1] - a[1]);
          out4[2] = Math.atan2(b[1] - a[1], b[0] - a[0]);
          out4[3] = walking ? dist : 0;
          return;
        }
        s -= l;
      }
    }

    private static double len(double[] a, double[] b) {
      return Math.hypot(b[0] - a[0], b[1] - a[1]);
    }
  }

  /** The physical part of the scene (cases, tripods, cables) for the ODE world. */
  public SolidObstacles solids() {
    SolidObstacles s = new SolidObstacles();
    for (CaseBox c : cases) {
      s.add(
          new BoxField.Box(
              c.x(), c.y(), c.baseZ(), c.lengthM(), c.widthM(), c.heightM(), c.yawRad()));
    }
    for (Cable c : cables) {
      double z = c.z() + c.radiusM();
      s.addCapsule(c.x0(), c.y0(), z, c.x1(), c.y1(), z, c.radiusM());
    }
    List<double[]> legs = new ArrayList<>();
    for (Tripod t : tripods) {
      tripodLegs(t, legs);
    }
    for (double[] l : legs) {
      s.addCapsule(l[0], l[1], l[2], l[3], l[4], l[5], l[6]);
    }
    return s;
  }

  /** Leg capsules of a tripod: (x0, y0, z0, x1, y1, z1, r) each, head end first. */
  static void tripodLegs(Tripod t, List<double[]> out) {
    double spread = 0.35 * t.heightM();
    double headZ = t.baseZ() + t.heightM();
    for (int k = 0; k < 3; k++) {
      double a = t.yawRad() + k * 2 * Math.PI / 3;
      out.add(
          new double[] {
            t.x(),
            t.y(),
            headZ - 0.03,
            t.x() + spread * Math.cos(a),
            t.y() + spread * Math.sin(a),
            t.baseZ() + 0.012,
            0.012
          });
    }
  }
}
