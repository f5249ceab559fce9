package robodog.autonomy.adapt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import robodog.autonomy.Route;
import robodog.autonomy.Waypoint;

/**
 * What an estimate belongs to: a route by name and by the hash of its waypoints (re-teaching makes
 * a new estimate), the payload's mass class and the failed-leg mask (a new payload or a folded leg
 * starts over). Immutable; any thread.
 *
 * @param massClass payload mass in {@link #MASS_CLASS_KG} steps, rounded down
 * @param failedMask bit {@code 1 << leg} per failed leg
 */
public record RouteKey(String route, String routeHash, int massClass, int failedMask) {
  /** Width of a payload mass class, kg: 1.4 kg and 1.6 kg share one, 1.5 kg and 2.0 kg do not. */
  public static final double MASS_CLASS_KG = 0.5;

  /** The key of {@code r} carrying {@code massKg} with {@code failedMask}. */
  public static RouteKey of(Route r, double massKg, int failedMask) {
    if (!(massKg >= 0) || Double.isInfinite(massKg)) {
      throw new IllegalArgumentException("payload mass: expected a finite kg >= 0, got " + massKg);
    }
    return new RouteKey(r.name(), hash(r), (int) Math.floor(massKg / MASS_CLASS_KG), failedMask);
  }

  /** First 12 hex digits of SHA-256 over the waypoints (x, y, tolerance to the millimetre). */
  public static String hash(Route r) {
    StringBuilder b = new StringBuilder();
    for (Waypoint w : r.waypoints()) {
      b.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f;", w.x(), w.y(), w.toleranceM()));
    }
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
