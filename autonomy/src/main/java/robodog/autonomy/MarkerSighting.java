package robodog.autonomy;

import java.util.ArrayList;
import java.util.List;
import robodog.core.perception.Landmarks;

/**
 * One ArUco marker seen by perception: its id and its centre's position in base_link (m, x forward,
 * y left). Immutable.
 */
public record MarkerSighting(int id, double x, double y) {
  /** Minimum detector confidence for a sighting to move the odometry correction. */
  public static final double MIN_CONFIDENCE = 0.3;

  /**
   * The confident entries of perception's {@link Landmarks} message. Allocates (autonomy runs at 20
   * Hz, not in the control tick).
   */
  public static List<MarkerSighting> from(Landmarks l) {
    List<MarkerSighting> out = new ArrayList<>(l.count);
    for (int i = 0; i < l.count; i++) {
      if (l.confidence[i] >= MIN_CONFIDENCE) {
        out.add(new MarkerSighting(l.id[i], l.x[i], l.y[i]));
      }
    }
    return out;
  }
}
