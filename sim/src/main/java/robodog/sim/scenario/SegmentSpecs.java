package robodog.sim.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import robodog.core.config.ConfigNode;
import robodog.sim.terrain.CourseSegment;
import robodog.sim.terrain.SegmentCourse;
import robodog.sim.terrain.SegmentKind;

/**
 * Reads {@code terrain: { segments: [ {kind: ..., length_m: ..., ...}, ... ], width_m: 3 }} into a
 * {@link SegmentCourse} laid out from the scenario's start x. Every message names the segment index
 * and the field; an unknown kind lists the allowed ones. Start-up only.
 */
final class SegmentSpecs {
  /** Course width when the file gives none, m: the equipment-run course's. */
  static final double DEFAULT_WIDTH_M = 3.0;

  private SegmentSpecs() {}

  static SegmentCourse read(ConfigNode t, double startX) {
    t.rejectUnknown(Set.of("segments", "width_m"));
    double width = t.optDouble("width_m", DEFAULT_WIDTH_M, 0.5, 50, "m");
    List<CourseSegment> segments = new ArrayList<>();
    List<ConfigNode> items = t.childList("segments");
    if (items.isEmpty()) {
      throw t.error("segments", "at least one segment");
    }
    for (ConfigNode s : items) {
      String key = s.requireString("kind");
      SegmentKind kind = SegmentKind.parse(key);
      if (kind == null) {
        throw s.error("kind", "one of " + String.join(", ", SegmentKind.keys()));
      }
      Set<String> allowed = new HashSet<>();
      allowed.add("kind");
      for (SegmentKind.Param p : kind.params()) {
        allowed.add(p.key());
      }
      if (kind.steps() && s.has("length_m")) {
        throw s.error(
            "length_m",
            "no length_m on "
                + key
                + " (its length is count × run_m; a landing is a segment of its own)");
      }
      s.rejectUnknown(allowed);
      Map<String, Double> v = new LinkedHashMap<>();
      for (SegmentKind.Param p : kind.params()) {
        if (p.integer()) {
          v.put(
              p.key(),
              (double) s.optLong(p.key(), (long) p.dflt(), (long) p.min(), (long) p.max()));
        } else {
          v.put(p.key(), s.optDouble(p.key(), p.dflt(), p.min(), p.max(), unit(p.key())));
        }
      }
      segments.add(CourseSegment.of(kind, v));
    }
    return new SegmentCourse(segments, startX, width);
  }

  private static String unit(String key) {
    if (key.endsWith("_deg")) {
      return "degrees";
    }
    if (key.endsWith("_n_per_m")) {
      return "N/m per contact";
    }
    if (key.endsWith("_ns_per_m")) {
      return "N·s/m per contact";
    }
    if (key.endsWith("_per_m2")) {
      return "per m²";
    }
    if (key.endsWith("_m")) {
      return "m";
    }
    return key.equals("friction") ? "(Coulomb coefficient, rubber on this ground)" : "";
  }
}
