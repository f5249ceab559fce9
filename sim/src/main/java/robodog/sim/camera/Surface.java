package robodog.sim.camera;

import java.util.Locale;

/**
 * What a surface looks like: the ground types the terrain classifier learns (the first eight) plus
 * wood for the equipment-run steps. Terrain patches map to a surface by name ({@link #forPatch}); a
 * scenario's {@code scene.ground} can override the mapping.
 */
public enum Surface {
  PAVEMENT,
  GRASS,
  GRAVEL,
  SAND,
  CONCRETE,
  ICE,
  MUD,
  DIRT,
  WOOD;

  /** The ground surfaces (all but {@link #WOOD}), in a stable order: the classifier's classes. */
  public static final Surface[] GROUND = {PAVEMENT, GRASS, GRAVEL, SAND, CONCRETE, ICE, MUD, DIRT};

  /** Lower-case name used in YAML and reports. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The surface named {@code key} (case-insensitive), or null. */
  public static Surface parse(String key) {
    for (Surface s : values()) {
      if (s.key().equalsIgnoreCase(key)) {
        return s;
      }
    }
    return null;
  }

  /** Allowed names, for error messages. */
  public static String allowedNames() {
    StringBuilder sb = new StringBuilder();
    for (Surface s : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(s.key());
    }
    return sb.toString();
  }

  /**
   * The look of a terrain patch by its name: "ground"/"pavement" → pavement, "rough"/"dirt" → dirt,
   * "stairs"/"steps" → concrete, "wood" → wood, "ice strip" → ice, and the ground names themselves.
   * Anything else renders as pavement.
   */
  public static Surface forPatch(String patchName) {
    String n = patchName.toLowerCase(Locale.ROOT);
    Surface direct = parse(n);
    if (direct != null) {
      return direct;
    }
    if (n.startsWith("rough")) {
      return DIRT;
    }
    if (n.startsWith("stair") || n.startsWith("step")) {
      return CONCRETE;
    }
    if (n.startsWith("ice")) {
      return ICE;
    }
    return PAVEMENT;
  }
}
