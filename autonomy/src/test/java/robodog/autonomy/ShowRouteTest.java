package robodog.autonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code show_route} answers with the route's geometry for the tablet's map, from anyone. */
class ShowRouteTest {
  @TempDir Path dir;

  @Test
  void showRoutePublishesWaypointsLandmarksAndThinnedBreadcrumbs() throws Exception {
    try (Bench b = new Bench(dir.resolve("m.db"))) {
      List<Waypoint> w = List.of(new Waypoint(3, 0, 0, 0.2), new Waypoint(-1, 2.5, 1, 0.3));
      List<Breadcrumb> crumbs = new ArrayList<>();
      for (int i = 0; i <= 999; i++) {
        crumbs.add(new Breadcrumb(i * 0.1, i * 0.0025, i * 0.001, 0, List.of(), null));
      }
      b.db.saveRoute(
          new Route("yard", 0, w, List.of(new Landmark(3, 1.5, -0.4)), crumbs), "test", false);
      List<String> maps = new ArrayList<>();
      b.svc.routeMaps(maps::add);
      // As the tablet page sends it: with the "client" field every command may carry.
      b.send(
          "observer",
          "{\"seq\":SEQ,\"op\":\"show_route\",\"route\":\"yard\",\"client\":\"observer\"}");
      assertEquals(List.of(), b.errors);
      assertEquals(1, maps.size());
      JsonNode m = new ObjectMapper().readTree(maps.get(0));
      assertEquals("yard", m.get("route").asText());
      assertEquals(Math.hypot(2.5, 1), m.get("length_m").asDouble(), 0.005);
      assertEquals(2, m.get("waypoints").size());
      assertEquals(2.5, m.get("waypoints").get(1).get("x").asDouble(), 1e-9);
      assertEquals(0.3, m.get("waypoints").get(1).get("tolerance_m").asDouble(), 1e-9);
      assertEquals(3, m.get("waypoints").get(0).get("marker").asInt());
      assertEquals(-1, m.get("waypoints").get(1).get("marker").asInt());
      assertEquals(-0.4, m.get("landmarks").get(0).get("y").asDouble(), 1e-9);
      JsonNode bc = m.get("breadcrumbs");
      assertEquals(RouteMapJson.MAX_BREADCRUMBS, bc.size());
      assertEquals(0, bc.get(0).get(0).asDouble(), 1e-9);
      assertEquals(999 * 0.0025, bc.get(bc.size() - 1).get(0).asDouble(), 1e-3);
      for (int i = 1; i < bc.size(); i++) {
        assertTrue(bc.get(i).get(0).asDouble() > bc.get(i - 1).get(0).asDouble(), "in order");
      }
    }
  }

  @Test
  void anUnknownOrMissingRouteIsRefused() {
    try (Bench b = new Bench(dir.resolve("m.db"))) {
      List<String> maps = new ArrayList<>();
      b.svc.routeMaps(maps::add);
      b.send("{\"seq\":SEQ,\"op\":\"show_route\",\"route\":\"nowhere\"}");
      b.send("{\"seq\":SEQ,\"op\":\"show_route\"}");
      b.send("{\"seq\":SEQ,\"op\":\"show_route\",\"route\":\"yard\",\"client\":7}");
      assertEquals(List.of(), maps);
      assertEquals(3, b.errors.size(), b.errors.toString());
      assertTrue(b.errors.get(2).contains("client: expected"), b.errors.get(2));
      assertTrue(b.errors.get(0).contains("show_route refused: unknown route 'nowhere'"));
      assertTrue(b.errors.get(1).contains("show_route needs a route name"));
    }
  }
}
