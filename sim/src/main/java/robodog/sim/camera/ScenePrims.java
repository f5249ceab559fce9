package robodog.sim.camera;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Scene} at time t into renderable primitives: a marker is a plate on a post, a case
 * a box, a cable a lying capsule, a tripod three leg capsules and a head, a person capsule limbs
 * (legs swinging while walking), a box torso and a sphere head. Any thread; allocates (once per
 * frame, on the camera thread).
 */
final class ScenePrims {
  private static final Material POST = Material.solid(0.25, 0.25, 0.27);
  private static final Material PLATE_BACK = Material.solid(0.55, 0.55, 0.55);
  private static final Material BLACK_METAL = Material.solid(0.03, 0.03, 0.035);
  private static final Material CABLE = Material.solid(0.02, 0.02, 0.02);
  private static final Material HAIR = Material.solid(0.05, 0.035, 0.02);
  private static final Material SHOES = Material.solid(0.04, 0.04, 0.04);

  private ScenePrims() {}

  static List<PrimGroup> at(Scene scene, double t) {
    List<PrimGroup> groups = new ArrayList<>();
    List<Prim> out = new ArrayList<>();
    for (Scene.Marker m : scene.markers()) {
      double plate = m.sizeM() * MarkerMaterial.PLATE_PER_MARKER;
      double cz = m.baseZ() + m.centreHeightM();
      double c = Math.cos(m.yawRad());
      double s = Math.sin(m.yawRad());
      double thick = 0.006;
      // Plate: its +x face (local) is the print, facing along yaw.
      out.add(
          Prim.box(
              m.x(),
              m.y(),
              cz,
              thick,
              plate,
              plate,
              m.yawRad(),
              PLATE_BACK,
              new MarkerMaterial(m.id())));
      double postTop = cz - plate / 2 + 0.02;
      double px = m.x() - c * (thick / 2 + 0.012);
      double py = m.y() - s * (thick / 2 + 0.012);
      out.add(
          Prim.box(
              px,
              py,
              (m.baseZ() + postTop) / 2,
              0.02,
              0.02,
              postTop - m.baseZ(),
              m.yawRad(),
              POST,
              null));
      flush(out, groups);
    }
    for (Scene.CaseBox k : scene.cases()) {
      Material m = Material.solid(k.rgb()[0], k.rgb()[1], k.rgb()[2]);
      out.add(
          Prim.box(
              k.x(),
              k.y(),
              k.baseZ() + k.heightM() / 2,
              k.lengthM(),
              k.widthM(),
              k.heightM(),
              k.yawRad(),
              m,
              null));
      flush(out, groups);
    }
    for (Scene.Cable c : scene.cables()) {
      double z = c.z() + c.radiusM();
      out.add(Prim.capsule(c.x0(), c.y0(), z, c.x1(), c.y1(), z, c.radiusM(), CABLE));
      flush(out, groups);
    }
    List<double[]> legs = new ArrayList<>();
    for (Scene.Tripod tr : scene.tripods()) {
      legs.clear();
      Scene.tripodLegs(tr, legs);
      for (double[] l : legs) {
        out.add(Prim.capsule(l[0], l[1], l[2], l[3], l[4], l[5], l[6], BLACK_METAL));
      }
      double top = tr.baseZ() + tr.heightM();
      out.add(Prim.box(tr.x(), tr.y(), top, 0.08, 0.08, 0.06, tr.yawRad(), BLACK_METAL, null));
      out.add(
          Prim.box(
              tr.x() + 0.02 * Math.cos(tr.yawRad()),
              tr.y() + 0.02 * Math.sin(tr.yawRad()),
              top + 0.1,
              0.22,
              0.1,
              0.13,
              tr.yawRad(),
              BLACK_METAL,
              null));
      flush(out, groups);
    }
    double[] pose = new double[4];
    for (Scene.Person p : scene.people()) {
      person(p, t, pose, out);
      flush(out, groups);
    }
    return groups;
  }

  private static void flush(List<Prim> prims, List<PrimGroup> groups) {
    if (!prims.isEmpty()) {
      groups.add(new PrimGroup(prims));
      prims.clear();
    }
  }

  private static void person(Scene.Person p, double t, double[] pose, List<Prim> out) {
    p.poseAt(t, pose);
    double x = pose[0];
    double y = pose[1];
    double yaw = pose[2];
    double h = p.heightM();
    double z0 = p.baseZ();
    double c = Math.cos(yaw);
    double s = Math.sin(yaw);
    Material shirt = Material.solid(p.shirt()[0], p.shirt()[1], p.shirt()[2]);
    Material trousers = Material.solid(p.trousers()[0], p.trousers()[1], p.trousers()[2]);
    Material skin = Material.solid(p.skin()[0], p.skin()[1], p.skin()[2]);
    double stride = 0.7;
    double swing = pose[3] > 0 ? 0.35 * Math.sin(2 * Math.PI * pose[3] / (2 * stride)) : 0;
    double hip = z0 + 0.52 * h;
    double legR = 0.065 * h / 1.75;
    double hipHalf = 0.09 * h / 1.75;
    double legLen = hip - z0 - legR;
    for (int side = -1; side <= 1; side += 2) {
      double a = side * swing;
      double hx = x - s * side * hipHalf;
      double hy = y + c * side * hipHalf;
      double fx = hx + c * Math.sin(a) * legLen;
      double fy = hy + s * Math.sin(a) * legLen;
      double fz = hip - Math.cos(a) * legLen;
      out.add(Prim.capsule(hx, hy, hip, fx, fy, fz, legR, trousers));
      out.add(
          Prim.box(
              fx + c * 0.05,
              fy + s * 0.05,
              z0 + 0.035 + Math.max(0, fz - legR - z0),
              0.26 * h / 1.75,
              0.1,
              0.07,
              yaw,
              SHOES,
              null));
    }
    double shoulder = z0 + 0.82 * h;
    double torsoW = 0.38 * h / 1.75;
    out.add(
        Prim.box(
            x,
            y,
            (hip + shoulder) / 2,
            0.22 * h / 1.75,
            torsoW,
            shoulder - hip + 0.04,
            yaw,
            shirt,
            null));
    double armR = 0.045 * h / 1.75;
    for (int side = -1; side <= 1; side += 2) {
      double a = -side * swing * 0.8;
      double ax = x - s * side * (torsoW / 2 + armR);
      double ay = y + c * side * (torsoW / 2 + armR);
      double armLen = 0.33 * h;
      double ex = ax + c * Math.sin(a) * armLen;
      double ey = ay + s * Math.sin(a) * armLen;
      double ez = shoulder - 0.03 - Math.cos(a) * armLen;
      out.add(Prim.capsule(ax, ay, shoulder - 0.03, ex, ey, ez, armR, shirt));
      out.add(Prim.capsule(ex, ey, ez, ex, ey, ez - 0.08, armR * 0.9, skin));
    }
    double headR = 0.065 * h / 1.75 * 1.5;
    double headZ = z0 + 0.93 * h;
    out.add(Prim.capsule(x, y, shoulder, x, y, headZ - headR, 0.05, skin));
    out.add(Prim.capsule(x, y, headZ, x, y, headZ, headR, skin));
    out.add(
        Prim.capsule(
            x - c * 0.015,
            y - s * 0.015,
            headZ + 0.035,
            x - c * 0.015,
            y - s * 0.015,
            headZ + 0.035,
            headR * 0.95,
            HAIR));
  }
}
