package robodog.app.mission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import robodog.autonomy.DrivePort;
import robodog.autonomy.MarkerSighting;
import robodog.autonomy.MissionService;
import robodog.autonomy.Route;
import robodog.autonomy.RouteFile;
import robodog.autonomy.store.RunDatabase;
import robodog.autonomy.store.RunReportWriter;
import robodog.core.Telemetry;
import robodog.core.perception.Landmarks;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.EmbeddedBroker;

/**
 * Autonomy on the live robot: the run database, the mission service driving through the operator
 * link, {@code cmd/mission} routed to it and {@code state/mission} (retained), {@code state/route}
 * (answers to show_route) and {@code state/error} published. {@link #step} is the robot's 20 Hz
 * missions job, on a thread of its own so a slow database never delays the link's timers. Reports
 * go to {@code reportDir}.
 */
public final class MissionWiring implements AutoCloseable {
  /** The rate the robot steps autonomy at, Hz. */
  public static final double RATE_HZ = 20;

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final RunDatabase db;
  private final MissionService svc;
  private final OperatorLink link;

  /**
   * @param publish (topic under robodog/&lt;id&gt;/, payload) → the broker; any thread
   * @param clock the robot's clock, ns (the one the operator link's messages are stamped with)
   */
  public MissionWiring(
      LocomotionConfig cfg,
      OperatorLink link,
      Path dbFile,
      Path routesDir,
      Path reportDir,
      BiConsumer<String, String> publish,
      java.util.function.LongSupplier clock)
      throws IOException {
    this.link = link;
    db = RunDatabase.open(dbFile);
    for (Route r : RouteFile.loadAll(routesDir)) {
      db.saveRoute(r, "shipped " + routesDir.resolve(r.name() + ".yaml"), true);
    }
    svc =
        new MissionService(
            db,
            new LinkDrivePort(link, clock),
            g -> cfg.gaitTable().indexOf(g),
            e -> publish.accept("state/error", errorJson(e)),
            s -> publish.accept("state/mission", s),
            id -> {
              try {
                RunReportWriter.write(db, id, reportDir);
              } catch (IOException | RuntimeException e) {
                publish.accept(
                    "state/error", errorJson("run " + id + ": report not written: " + e));
              }
            });
    svc.routeMaps(s -> publish.accept("state/route", s));
  }

  /** Routes {@code cmd/mission} to autonomy and everything else to the operator link. */
  public EmbeddedBroker.CommandSink router() {
    return (client, topic, payload, now) -> {
      if (topic.equals("cmd/mission")) {
        if (DrivePort.AUTONOMY.equals(client)) {
          return; // nobody may pose as autonomy over MQTT
        }
        svc.onMessage(client, payload, now);
      } else {
        if (DrivePort.AUTONOMY.equals(client)) {
          return;
        }
        link.onMessage(client, topic, payload, now);
        if (topic.equals("cmd/estop")) {
          Boolean engage = engage(payload);
          // Engage from anyone; a release counts only if the link accepted it (lease holder).
          if (engage != null && (engage || client.equals(link.leaseHolder()))) {
            svc.estopRequested(engage);
          }
        }
      }
    };
  }

  public MissionService service() {
    return svc;
  }

  /**
   * One step of autonomy with the controller's latest telemetry (null: none yet, nothing done) and
   * perception's latest markers (null when no perception runs); markers older than 0.5 s are
   * ignored. The missions job's thread only.
   */
  public void step(long nowNanos, Telemetry t, Landmarks markers) {
    if (t == null) {
      return;
    }
    List<MarkerSighting> seen =
        markers != null && nowNanos - markers.stampNanos < 500_000_000L
            ? MarkerSighting.from(markers)
            : List.of();
    svc.step(nowNanos, t.mode, t.odomX, t.odomY, t.odomYaw, seen);
  }

  private static Boolean engage(byte[] payload) {
    try {
      var n = JSON.readTree(payload);
      var v = n == null ? null : n.get("engage");
      return v != null && v.isBoolean() ? v.asBoolean() : null;
    } catch (IOException e) {
      return null; // the link has already refused it
    }
  }

  private static String errorJson(String e) {
    return new String(robodog.operatorlink.mqtt.TelemetryJson.error(e), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    db.close();
  }
}
