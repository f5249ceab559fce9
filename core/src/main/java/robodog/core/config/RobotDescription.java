package robodog.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import robodog.core.JointKind;
import robodog.core.LegId;

/**
 * The robot as built: body, leg geometry, joint limits, servo capability and neutral stance. Loaded
 * once from YAML ({@code config/robot.yaml}); immutable afterwards, so any thread may read it.
 *
 * <p>All values are SI (m, kg, rad, s, N·m) and REP-103 ({@code base_link}: x forward, y left, z
 * up). The YAML file carries the unit in each key ({@code _m}, {@code _deg}, {@code _kg}); degrees
 * are converted here, once.
 *
 * @param name robot model name
 * @param body body box and its mass
 * @param leg link lengths and masses, the same for all six legs
 * @param jointMinRad lower joint limit per {@link JointKind} ordinal, rad
 * @param jointMaxRad upper joint limit per {@link JointKind} ordinal, rad
 * @param mounts where each leg attaches, by {@link LegId} ordinal
 * @param stance neutral standing posture
 * @param servo servo capability, used by the simulator and the rate limiter
 */
public record RobotDescription(
    String name,
    Body body,
    LegGeometry leg,
    List<Double> jointMinRad,
    List<Double> jointMaxRad,
    List<LegMount> mounts,
    Stance stance,
    Servo servo) {

  /**
   * @param lengthM along x; @param widthM along y; @param heightM along z
   * @param massKg frame, electronics and battery, without payload
   * @param comXM centre of mass x in base_link; @param comYM y; @param comZM z
   */
  public record Body(
      double lengthM,
      double widthM,
      double heightM,
      double massKg,
      double comXM,
      double comYM,
      double comZM) {}

  /** Link lengths (m) and masses (kg); {@code footRadiusM} is the rubber foot sphere. */
  public record LegGeometry(
      double coxaM,
      double femurM,
      double tibiaM,
      double coxaMassKg,
      double femurMassKg,
      double tibiaMassKg,
      double footRadiusM) {}

  /** Coxa joint position in base_link (m) and the leg's outward direction (rad about z). */
  public record LegMount(double xM, double yM, double zM, double yawRad) {}

  /**
   * @param bodyHeightM base_link above the ground when standing, m
   * @param footReachM horizontal distance from the coxa joint to the neutral foot, m
   * @param sitHeightM base_link height when sitting, m
   */
  public record Stance(double bodyHeightM, double footReachM, double sitHeightM) {}

  /**
   * @param maxSpeedRadPerS no-load speed
   * @param maxTorqueNm stall torque
   * @param deadbandRad position error the servo ignores
   */
  public record Servo(double maxSpeedRadPerS, double maxTorqueNm, double deadbandRad) {}

  /** Mount of one leg. Allocation-free. */
  public LegMount mount(LegId leg) {
    return mounts.get(leg.ordinal());
  }

  /** Lower limit of a joint, rad. */
  public double jointMin(JointKind kind) {
    return jointMinRad.get(kind.ordinal());
  }

  /** Upper limit of a joint, rad. */
  public double jointMax(JointKind kind) {
    return jointMaxRad.get(kind.ordinal());
  }

  /** Loads and validates a robot file. */
  public static RobotDescription load(Path file) {
    return from(ConfigNode.load(file));
  }

  /**
   * Validates and converts a parsed robot file; throws {@link ConfigException} naming the field.
   */
  public static RobotDescription from(ConfigNode root) {
    root.rejectUnknown(
        Set.of("name", "body", "leg", "joint_limits_deg", "legs", "stance", "servo"));
    String name = root.requireString("name");

    ConfigNode b = root.child("body");
    b.rejectUnknown(Set.of("length_m", "width_m", "height_m", "mass_kg", "com_m"));
    double[] com = b.has("com_m") ? b.requireDoubles("com_m", 3, "metres") : new double[3];
    Body body =
        new Body(
            b.requireDouble("length_m", 0.05, 5, "m"),
            b.requireDouble("width_m", 0.05, 5, "m"),
            b.requireDouble("height_m", 0.01, 2, "m"),
            b.requireDouble("mass_kg", 0.1, 500, "kg"),
            com[0],
            com[1],
            com[2]);

    ConfigNode l = root.child("leg");
    l.rejectUnknown(
        Set.of(
            "coxa_m",
            "femur_m",
            "tibia_m",
            "coxa_mass_kg",
            "femur_mass_kg",
            "tibia_mass_kg",
            "foot_radius_m"));
    LegGeometry leg =
        new LegGeometry(
            l.requireDouble("coxa_m", 0.001, 2, "m"),
            l.requireDouble("femur_m", 0.01, 2, "m"),
            l.requireDouble("tibia_m", 0.01, 2, "m"),
            l.requireDouble("coxa_mass_kg", 0.001, 50, "kg"),
            l.requireDouble("femur_mass_kg", 0.001, 50, "kg"),
            l.requireDouble("tibia_mass_kg", 0.001, 50, "kg"),
            l.optDouble("foot_radius_m", 0.01, 0.001, 0.2, "m"));

    ConfigNode lim = root.child("joint_limits_deg");
    lim.rejectUnknown(Set.of("coxa", "femur", "tibia"));
    List<Double> min = new ArrayList<>();
    List<Double> max = new ArrayList<>();
    for (JointKind k : JointKind.VALUES) {
      double[] mm = lim.requireDoubles(k.shortName(), 2, "[min, max] degrees");
      if (!(mm[0] < mm[1]) || mm[0] < -180 || mm[1] > 180) {
        throw lim.error(k.shortName(), "[min, max] degrees with -180 <= min < max <= 180");
      }
      min.add(Math.toRadians(mm[0]));
      max.add(Math.toRadians(mm[1]));
    }

    ConfigNode legs = root.child("legs");
    Set<String> legNames = new java.util.HashSet<>();
    for (LegId id : LegId.VALUES) {
      legNames.add(id.shortName());
    }
    legs.rejectUnknown(legNames);
    List<LegMount> mounts = new ArrayList<>();
    for (LegId id : LegId.VALUES) {
      ConfigNode m = legs.child(id.shortName());
      m.rejectUnknown(Set.of("mount_m", "mount_yaw_deg"));
      double[] p = m.requireDoubles("mount_m", 3, "metres, x y z in base_link");
      double yawDeg = m.requireDouble("mount_yaw_deg", -180, 180, "degrees");
      if (id.isLeft() != (p[1] > 0)) {
        throw m.error(
            "mount_m",
            (id.isLeft() ? "y > 0 for a left leg" : "y < 0 for a right leg")
                + " (REP-103: y points left)");
      }
      mounts.add(new LegMount(p[0], p[1], p[2], Math.toRadians(yawDeg)));
    }

    ConfigNode s = root.child("stance");
    s.rejectUnknown(Set.of("body_height_m", "foot_reach_m", "sit_height_m"));
    Stance stance =
        new Stance(
            s.requireDouble("body_height_m", 0.01, 3, "m"),
            s.requireDouble("foot_reach_m", 0.01, 3, "m"),
            s.requireDouble("sit_height_m", 0.0, 3, "m"));
    double maxReach = leg.coxaM() + leg.femurM() + leg.tibiaM();
    if (Math.hypot(stance.footReachM() - leg.coxaM(), stance.bodyHeightM())
        > leg.femurM() + leg.tibiaM()) {
      throw s.error(
          "foot_reach_m",
          "a neutral foot the leg can reach (coxa+femur+tibia = "
              + maxReach
              + " m) at body_height_m");
    }

    ConfigNode sv = root.child("servo");
    sv.rejectUnknown(Set.of("max_speed_deg_s", "max_torque_nm", "deadband_deg"));
    Servo servo =
        new Servo(
            Math.toRadians(sv.requireDouble("max_speed_deg_s", 1, 10_000, "deg/s")),
            sv.requireDouble("max_torque_nm", 0.01, 1000, "N·m"),
            Math.toRadians(sv.optDouble("deadband_deg", 0, 0, 10, "deg")));

    return new RobotDescription(
        name, body, leg, List.copyOf(min), List.copyOf(max), List.copyOf(mounts), stance, servo);
  }
}
