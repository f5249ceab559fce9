package robodog.autonomy;

import java.util.ArrayList;
import java.util.List;

/** Test routes. */
final class Routes {
  private Routes() {}

  /** An L: 3 m forward, then 2 m to the left, waypoints every 0.5 m, tolerance 0.15 m. */
  static Route ell(String name) {
    List<Waypoint> w = new ArrayList<>();
    for (int i = 0; i <= 6; i++) {
      w.add(new Waypoint(-1, 0.5 * i, 0, 0.15));
    }
    for (int i = 1; i <= 4; i++) {
      w.add(new Waypoint(-1, 3, 0.5 * i, 0.15));
    }
    return new Route(name, 0, w, List.of(), List.of());
  }
}
