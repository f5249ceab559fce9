package robodog.locomotion.gait;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import robodog.core.LegId;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigNode;

/**
 * The gait table loaded from {@code config/gaits.yaml}: rows of {@link Gait} plus the stride limit
 * that sets each gait's top speed. Immutable; any thread.
 *
 * @param gaits rows in file order; the index is the gait id used in commands
 * @param maxStrideMeters longest foot travel during one stance, m
 */
public record GaitTable(List<Gait> gaits, double maxStrideMeters) {

  /** Row index of a gait by name; -1 if absent. */
  public int indexOf(String name) {
    for (int i = 0; i < gaits.size(); i++) {
      if (gaits.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Row by name; throws naming the allowed names. */
  public Gait byName(String name) {
    int i = indexOf(name == null ? "" : name.trim());
    if (i < 0) {
      throw new IllegalArgumentException(
          "unknown gait '" + name + "': expected one of " + String.join(", ", names()));
    }
    return gaits.get(i);
  }

  /** Gait names in table order. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    for (Gait g : gaits) {
      out.add(g.name());
    }
    return Collections.unmodifiableList(out);
  }

  /** Loads and validates a gait file. */
  public static GaitTable load(Path file) {
    return from(ConfigNode.load(file));
  }

  /** Validates a parsed gait file; errors name the row and field. */
  public static GaitTable from(ConfigNode root) {
    root.rejectUnknown(Set.of("max_stride_m", "gaits"));
    double stride = root.requireDouble("max_stride_m", 0.005, 1.0, "m");
    List<Gait> rows = new ArrayList<>();
    Set<String> legNames = new java.util.HashSet<>();
    for (LegId leg : LegId.VALUES) {
      legNames.add(leg.shortName());
    }
    for (ConfigNode g : root.childList("gaits")) {
      g.rejectUnknown(Set.of("name", "duty_factor", "cycle_s", "step_height_m", "offsets"));
      String name = g.requireString("name").toLowerCase(java.util.Locale.ROOT);
      double duty = g.requireDouble("duty_factor", 0.05, 0.95, "(fraction of the cycle)");
      double cycle = g.requireDouble("cycle_s", 0.1, 30, "s");
      double height = g.requireDouble("step_height_m", 0.0, 0.3, "m");
      ConfigNode off = g.child("offsets");
      off.rejectUnknown(legNames);
      List<Double> offsets = new ArrayList<>();
      for (LegId leg : LegId.VALUES) {
        offsets.add(
            off.requireDouble(leg.shortName(), 0.0, 0.999999, "(phase, fraction of cycle)"));
      }
      for (Gait other : rows) {
        if (other.name().equals(name)) {
          throw new ConfigException(g.where() + ".name: duplicate gait name '" + name + "'");
        }
      }
      rows.add(new Gait(name, duty, cycle, height, List.copyOf(offsets)));
    }
    if (rows.isEmpty()) {
      throw new ConfigException(root.where() + " gaits: expected at least one gait");
    }
    return new GaitTable(List.copyOf(rows), stride);
  }
}
