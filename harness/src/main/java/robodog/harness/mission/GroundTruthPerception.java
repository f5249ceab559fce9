package robodog.harness.mission;

import java.util.ArrayList;
import java.util.List;
import robodog.core.perception.HeightGrid;
import robodog.core.perception.PeopleZones;

/**
 * What perception's obstacle grid and people detector would report, rendered from simulation ground
 * truth: obstacle discs and a standing figure at world positions, seen from the robot's true pose.
 * Stands in for the depth camera in fast closed-loop tests of local navigation. One thread.
 */
public final class GroundTruthPerception {
  /** Obstacles as world discs (x, y, radius), m. */
  public final List<double[]> obstacles = new ArrayList<>();

  /** A person standing at this world position (x, y), or null. */
  public double[] person;

  public final HeightGrid grid = new HeightGrid();
  public final PeopleZones people = new PeopleZones();

  /** Renders both messages from the true pose (world x, y, yaw). */
  public void render(double x, double y, double yaw, long stampNanos) {
    double c = Math.cos(yaw);
    double s = Math.sin(yaw);
    int half = grid.size / 2;
    for (int ix = 0; ix < grid.size; ix++) {
      for (int iy = 0; iy < grid.size; iy++) {
        double bx = (ix - half + 0.5) * grid.resolutionM;
        double by = (iy - half + 0.5) * grid.resolutionM;
        double wx = x + c * bx - s * by;
        double wy = y + s * bx + c * by;
        boolean hit = false;
        for (double[] o : obstacles) {
          hit |= Math.hypot(wx - o[0], wy - o[1]) <= o[2];
        }
        grid.obstacle[ix * grid.size + iy] = hit;
      }
    }
    grid.stampNanos = stampNanos;
    people.count = 0;
    people.stampNanos = stampNanos;
    if (person != null) {
      double dx = person[0] - x;
      double dy = person[1] - y;
      double bx = c * dx + s * dy;
      double by = -s * dx + c * dy;
      people.add(bx, by, Math.hypot(bx, by), 0.9, PeopleZones.SOURCE_DEPTH);
    }
  }
}
