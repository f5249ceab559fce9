package robodog.harness.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import robodog.sim.terrain.CourseSegment;
import robodog.sim.terrain.SegmentKind;

/**
 * Random mixed-course scenarios drawn inside a stated {@link Envelope}: a segment course (pavement
 * first, so the robot starts on firm ground), a payload, a forward speed (speed only: the gait is
 * the controller's business), a goal at the course's end minus a margin and a generous duration.
 * Course i of a seed is the same whatever the count. Start-up or batch thread; stateless.
 */
public final class CourseGenerator {
  /**
   * What a generated course stays within.
   *
   * @param minSegments fewest segments (the leading pavement included)
   * @param maxSegments most segments
   * @param minLengthM shortest course, m
   * @param maxLengthM longest course, m
   * @param maxStepRiseM highest step, m
   * @param maxBumpM largest rough amplitude (mean to peak) and tallest gravel stone, m
   * @param maxSlopeDeg steepest slope, degrees
   * @param minFriction most slippery segment (Coulomb coefficient)
   * @param maxPayloadKg heaviest payload, kg
   * @param maxComOffsetM payload centre of mass: largest x or y offset in base_link, m
   * @param minSpeedMps slowest commanded forward speed, m/s
   * @param maxSpeedMps fastest, m/s
   * @param goalMarginM the goal is this far short of the course's end, m
   */
  public record Envelope(
      int minSegments,
      int maxSegments,
      double minLengthM,
      double maxLengthM,
      double maxStepRiseM,
      double maxBumpM,
      double maxSlopeDeg,
      double minFriction,
      double maxPayloadKg,
      double maxComOffsetM,
      double minSpeedMps,
      double maxSpeedMps,
      double goalMarginM) {

    /** One line for file headers and docs. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "%d-%d segments, %.0f-%.0f m, steps <= %.0f cm, bumps <= %.0f cm, slopes <= %.0f deg,"
              + " friction >= %.2f, payload <= %.1f kg (CoM within %.0f cm of the body centre"
              + " in x and y), speed %.2f-%.2f m/s, goal %.1f m short of the end",
          minSegments,
          maxSegments,
          minLengthM,
          maxLengthM,
          maxStepRiseM * 100,
          maxBumpM * 100,
          maxSlopeDeg,
          minFriction,
          maxPayloadKg,
          maxComOffsetM * 100,
          minSpeedMps,
          maxSpeedMps,
          goalMarginM);
    }
  }

  /** The envelope {@code ./robodog courses} draws in. */
  public static final Envelope ENVELOPE =
      new Envelope(3, 6, 5, 10, 0.04, 0.03, 15, 0.05, 2.0, 0.03, 0.05, 0.10, 0.5);

  /** Payload centre of mass height above base_link, m: a case strapped on top. */
  static final double MIN_COM_Z_M = 0.05;

  static final double MAX_COM_Z_M = 0.12;

  /**
   * One generated course.
   *
   * @param name scenario name, {@code course-<seed>-<i>} (i zero-padded), the file's stem
   * @param segments the ground, in order
   * @param payloadKg payload mass, kg
   * @param com payload centre of mass in base_link, m (x, y, z)
   * @param speedMps commanded forward speed, m/s
   * @param goalM goal distance along +x, m
   * @param durationS simulated duration, s
   * @param runSeed the scenario's seed (terrain stones and bumps, noise)
   */
  public record Course(
      String name,
      List<CourseSegment> segments,
      double payloadKg,
      double[] com,
      double speedMps,
      double goalM,
      double durationS,
      long runSeed) {

    /** Sum of the segment lengths, m. */
    public double lengthM() {
      double l = 0;
      for (CourseSegment s : segments) {
        l += s.lengthM();
      }
      return l;
    }
  }

  private static final SegmentKind[] DRAWN = {
    SegmentKind.PAVEMENT,
    SegmentKind.GRAVEL,
    SegmentKind.DIRT,
    SegmentKind.ROUGH,
    SegmentKind.STEPS_UP,
    SegmentKind.STEPS_DOWN,
    SegmentKind.SLOPE,
    SegmentKind.ICE,
    SegmentKind.MUD
  };

  private CourseGenerator() {}

  /** Course {@code i} (0-based) of generator seed {@code seed}. */
  public static Course course(long seed, int i) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    Envelope e = ENVELOPE;
    int n = e.minSegments() + r.nextInt(e.maxSegments() - e.minSegments() + 1);
    // 5 cm inside the envelope, so rounding each length to 1 cm cannot leave it.
    double target =
        e.minLengthM() + 0.05 + (e.maxLengthM() - e.minLengthM() - 0.1) * r.nextDouble();
    List<SegmentKind> kinds = new ArrayList<>();
    kinds.add(SegmentKind.PAVEMENT);
    int steps = 0;
    while (kinds.size() < n) {
      SegmentKind k = DRAWN[r.nextInt(DRAWN.length)];
      // At most two flights, so the level segments keep most of the length.
      if (k.steps() && steps == 2) {
        continue;
      }
      steps += k.steps() ? 1 : 0;
      kinds.add(k);
    }
    List<Map<String, Double>> params = new ArrayList<>();
    double fixed = 0;
    double free = 0;
    for (SegmentKind k : kinds) {
      Map<String, Double> p = draw(k, r, e);
      params.add(p);
      if (k.steps()) {
        fixed += p.get("count") * p.get("run_m");
      } else {
        free += p.get("length_m");
      }
    }
    // Scale the non-step lengths to reach the drawn total, but to no less than half what was
    // drawn (two flights are at most 3.6 m, five halved segments at most 6.25 m: within 10 m).
    double scale = Math.max(0.5, (target - fixed) / free);
    List<CourseSegment> segments = new ArrayList<>();
    for (int j = 0; j < kinds.size(); j++) {
      Map<String, Double> p = params.get(j);
      if (p.containsKey("length_m")) {
        p.put("length_m", round(p.get("length_m") * scale, 0.01));
      }
      segments.add(CourseSegment.of(kinds.get(j), p));
    }
    double payload = round(e.maxPayloadKg() * r.nextDouble(), 0.1);
    double[] com = {
      round(e.maxComOffsetM() * (2 * r.nextDouble() - 1), 0.001),
      round(e.maxComOffsetM() * (2 * r.nextDouble() - 1), 0.001),
      round(MIN_COM_Z_M + (MAX_COM_Z_M - MIN_COM_Z_M) * r.nextDouble(), 0.001)
    };
    double speed =
        round(e.minSpeedMps() + (e.maxSpeedMps() - e.minSpeedMps()) * r.nextDouble(), 0.005);
    double length = 0;
    for (CourseSegment s : segments) {
      length += s.lengthM();
    }
    double goal = round(length - e.goalMarginM(), 0.01);
    double duration = Math.ceil(goal / speed * 2.5 + 20);
    long runSeed = r.nextLong() & 0xFFFF_FFFFL;
    return new Course(stem(seed, i), segments, payload, com, speed, goal, duration, runSeed);
  }

  private static Map<String, Double> draw(SegmentKind k, SplittableRandom r, Envelope e) {
    Map<String, Double> p = new LinkedHashMap<>();
    switch (k) {
      case PAVEMENT -> {
        p.put("length_m", between(r, 0.8, 1.5));
        p.put("friction", round(between(r, 0.8, 1.0), 0.01));
      }
      case GRAVEL -> {
        p.put("length_m", between(r, 1.0, 2.5));
        p.put("friction", round(between(r, 0.6, 0.8), 0.01));
        p.put("stones_per_m2", round(between(r, 15, 35), 1));
        // Stones are up to 1.5 × this across and 0.7 × across tall: under maxBumpM.
        p.put("stone_size_m", round(between(r, 0.015, e.maxBumpM() / 1.05 - 0.0005), 0.001));
      }
      case DIRT -> {
        p.put("length_m", between(r, 0.8, 2.0));
        p.put("friction", round(between(r, 0.5, 0.7), 0.01));
      }
      case ROUGH -> {
        p.put("length_m", between(r, 1.0, 2.5));
        p.put("friction", round(between(r, 0.7, 0.9), 0.01));
        p.put("amplitude_m", round(between(r, 0.005, e.maxBumpM()), 0.001));
        p.put("feature_m", round(between(r, 0.3, 0.6), 0.01));
      }
      case STEPS_UP, STEPS_DOWN -> {
        p.put("count", (double) (1 + r.nextInt(4)));
        p.put("rise_m", round(between(r, 0.01, e.maxStepRiseM()), 0.001));
        p.put("run_m", round(between(r, 0.3, 0.45), 0.01));
        p.put("friction", round(between(r, 0.7, 0.9), 0.01));
      }
      case SLOPE -> {
        p.put("length_m", between(r, 1.0, 2.5));
        double deg = round(between(r, 3, e.maxSlopeDeg()), 0.1);
        p.put("angle_deg", r.nextBoolean() ? deg : -deg);
        p.put("friction", round(between(r, 0.7, 1.0), 0.01));
      }
      case ICE -> {
        p.put("length_m", between(r, 0.4, 1.2));
        p.put("friction", round(between(r, e.minFriction(), 0.2), 0.01));
      }
      case MUD -> {
        p.put("length_m", between(r, 0.6, 1.5));
        p.put("friction", round(between(r, 0.2, 0.4), 0.01));
        p.put("stiffness_n_per_m", round(between(r, 1500, 4000), 10));
      }
    }
    return p;
  }

  private static double between(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  /**
   * Rounded to a multiple of {@code step}; a decimal step divides by its exact inverse, so 0.04
   * stays 0.04 and not 0.04000000000000001.
   */
  static double round(double v, double step) {
    return step >= 1 ? Math.round(v / step) * step : Math.round(v / step) / Math.rint(1 / step);
  }

  /** The course as a scenario file: a comment header (generator seed, envelope), then YAML. */
  public static String yaml(Course c, long seed, int i, int count) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Generated by ./robodog courses --seed ")
        .append(seed)
        .append(" (course ")
        .append(i)
        .append(" of ")
        .append(count)
        .append("); the same seed gives the same file.\n");
    sb.append("# Envelope: ").append(ENVELOPE.describe()).append(".\n");
    sb.append("name: ").append(c.name()).append('\n');
    sb.append("description: generated mixed course,");
    for (CourseSegment s : c.segments()) {
      sb.append(' ').append(s.kind().key());
    }
    sb.append('\n');
    sb.append("terrain:\n  segments:\n");
    for (CourseSegment s : c.segments()) {
      sb.append("    - ").append(s.toYaml()).append('\n');
    }
    sb.append("start: { x_m: 0, y_m: 0, yaw_deg: 0 }\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "payload: { mass_kg: %s, com_m: [%s, %s, %s] }%n",
            num(c.payloadKg()),
            num(c.com()[0]),
            num(c.com()[1]),
            num(c.com()[2])));
    sb.append("duration_s: ").append(num(c.durationS())).append('\n');
    sb.append("seed: ").append(c.runSeed()).append('\n');
    sb.append("commands:\n  - { t_s: 0, vx_mps: ").append(num(c.speedMps())).append(" }\n");
    sb.append("goal: { distance_m: ").append(num(c.goalM())).append(" }\n");
    return sb.toString();
  }

  /** File name of course i: {@code course-<seed>-<i>.yaml}, i zero-padded to sort. */
  public static String fileName(long seed, int i) {
    return stem(seed, i) + ".yaml";
  }

  private static String stem(long seed, int i) {
    return String.format(Locale.ROOT, "course-%d-%03d", seed, i);
  }

  /**
   * Writes courses 0..count-1 of {@code seed} into {@code dir} (created if missing), each through a
   * temporary file; returns the files written.
   */
  public static List<Path> write(long seed, int count, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path f = dir.resolve(fileName(seed, i));
      Path tmp = Files.createTempFile(dir, ".course", ".yaml");
      Files.writeString(tmp, yaml(course(seed, i), seed, i, count));
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
      out.add(f);
    }
    return out;
  }

  private static String num(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    String s = String.format(Locale.ROOT, "%.4f", d);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
