package robodog.core;

/**
 * What the crew put on the robot for a run. Immutable; validated on construction with a message
 * naming the bad field.
 *
 * @param massKg payload mass, kg, [0, 5]
 * @param comHeightM payload centre of mass above the deck, m, [0, 0.5]
 * @param fragility 0 (rugged) to 1 (glass), dimensionless
 */
public record Payload(double massKg, double comHeightM, double fragility) {
  public static final double MAX_MASS_KG = 5.0;
  public static final double MAX_COM_HEIGHT_M = 0.5;

  public Payload {
    check("mass_kg", massKg, 0, MAX_MASS_KG, "kg");
    check("com_height_m", comHeightM, 0, MAX_COM_HEIGHT_M, "m");
    check("fragility", fragility, 0, 1, "(0 rugged .. 1 glass)");
  }

  private static void check(String field, double v, double min, double max, String unit) {
    if (!(v >= min && v <= max)) {
      throw new IllegalArgumentException(
          "payload."
              + field
              + ": expected a number in ["
              + min
              + ", "
              + max
              + "] "
              + unit
              + ", got "
              + v);
    }
  }

  /** No payload. */
  public static Payload none() {
    return new Payload(0, 0, 0);
  }
}
