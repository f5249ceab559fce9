package robodog.autonomy;

import java.util.List;

/**
 * A pose stored while teaching (odom frame, m and rad), with the markers in view and the terrain
 * class under the robot when perception reports one ({@code null} otherwise). Immutable.
 *
 * @param tS seconds since the recording started
 */
public record Breadcrumb(
    double tS, double x, double y, double yaw, List<Integer> markers, String terrain) {
  public Breadcrumb {
    markers = List.copyOf(markers);
  }
}
