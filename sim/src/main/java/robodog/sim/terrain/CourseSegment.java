package robodog.sim.terrain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One segment of a {@link SegmentCourse}: its kind and every parameter of that kind (file units:
 * metres, degrees, a friction coefficient, a step count), defaults filled in. Immutable; any
 * thread.
 *
 * @param kind what the ground is
 * @param values parameter key → value, one entry per {@link SegmentKind#params()} row, in its order
 */
public record CourseSegment(SegmentKind kind, Map<String, Double> values) {
  public CourseSegment {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * A segment of {@code kind} with {@code given} parameters and defaults for the rest. Throws
   * IllegalArgumentException naming the parameter for an unknown key or a value out of range.
   */
  public static CourseSegment of(SegmentKind kind, Map<String, Double> given) {
    for (String k : given.keySet()) {
      if (kind.param(k) == null) {
        throw new IllegalArgumentException(
            kind.key() + ": unknown parameter " + k + "; allowed: " + keys(kind));
      }
    }
    Map<String, Double> v = new LinkedHashMap<>();
    for (SegmentKind.Param p : kind.params()) {
      double d = given.getOrDefault(p.key(), p.dflt());
      if (!(d >= p.min() && d <= p.max()) || (p.integer() && d != Math.rint(d))) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: %s must be %s in [%s, %s], got %s",
                kind.key(),
                p.key(),
                p.integer() ? "an integer" : "a number",
                num(p.min()),
                num(p.max()),
                num(d)));
      }
      v.put(p.key(), d);
    }
    return new CourseSegment(kind, v);
  }

  /** A segment of {@code kind} with default parameters. */
  public static CourseSegment of(SegmentKind kind) {
    return of(kind, Map.of());
  }

  /** The value of parameter {@code key}; throws when this kind has no such parameter. */
  public double get(String key) {
    Double d = values.get(key);
    if (d == null) {
      throw new IllegalArgumentException(kind.key() + " has no parameter " + key);
    }
    return d;
  }

  /** Length along x, m (count × run_m for steps). */
  public double lengthM() {
    return kind.steps() ? get("count") * get("run_m") : get("length_m");
  }

  /** Height change from the segment's start to its end, m (+ up). */
  public double riseM() {
    switch (kind) {
      case STEPS_UP:
        return get("count") * get("rise_m");
      case STEPS_DOWN:
        return -get("count") * get("rise_m");
      case SLOPE:
        return get("length_m") * Math.tan(Math.toRadians(get("angle_deg")));
      default:
        return 0;
    }
  }

  /** The segment as a YAML flow mapping, as scenario files write it. */
  public String toYaml() {
    StringBuilder sb = new StringBuilder("{ kind: ").append(kind.key());
    for (Map.Entry<String, Double> e : values.entrySet()) {
      sb.append(", ").append(e.getKey()).append(": ").append(num(e.getValue()));
    }
    return sb.append(" }").toString();
  }

  private static String keys(SegmentKind kind) {
    StringBuilder sb = new StringBuilder();
    for (SegmentKind.Param p : kind.params()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(p.key());
    }
    return sb.toString();
  }

  /** A number as files write it: integers without a decimal point, else up to 4 decimals. */
  static String num(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    String s = String.format(Locale.ROOT, "%.4f", d);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
