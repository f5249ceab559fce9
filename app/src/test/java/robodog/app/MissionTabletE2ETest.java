package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import robodog.autonomy.store.RunDatabase;

/**
 * The tablet's mission screen in a real headless Chromium against the realtime simulation with the
 * mission service and the embedded broker: the shipped routes are listed and drawn, the robot's
 * refusals are shown, a dispatch with a payload declaration walks the robot (judged by its own
 * telemetry through an independent MQTT client), progress advances on the page and the map, and
 * Pause stops it.
 */
class MissionTabletE2ETest {
  private static final double SIM_SECONDS = 32;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void dispatchAShippedRouteWatchItAdvanceAndPauseIt() throws Exception {
    ChromeDriver browser = HeadlessChromium.start(dir.resolve("chromium-profile"));
    System.setProperty("robodog.home", "..");
    Path db = dir.resolve("runs.db");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] status = {-1};
    Thread sim =
        new Thread(
            () ->
                status[0] =
                    Main.run(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        "run",
                        "--hardware",
                        "hil",
                        "--scenario",
                        "flat-walk",
                        "--duration",
                        Double.toString(SIM_SECONDS),
                        "--robot-id",
                        "dog1",
                        "--mqtt-port",
                        "0",
                        "--ws-port",
                        "0",
                        "--http-port",
                        "0",
                        "--db",
                        db.toString(),
                        "--plots",
                        dir.resolve("reports").toString()),
            "sim");
    sim.start();
    try (TelemetryProbe robot =
        new TelemetryProbe(
            HeadlessChromium.printedPort(out, err, "MQTT broker tcp://127.0.0.1:(\\d+)"),
            "dog1",
            15_000)) {
      browser.get(
          "http://127.0.0.1:"
              + HeadlessChromium.printedPort(out, err, "Tablet page http://127.0.0.1:(\\d+)/")
              + "/");
      until(browser, 15, "telemetry on the page", d -> !text(d, "t-mode").equals("–"));

      // The shipped routes are listed; choosing one draws its 12 waypoints.
      until(browser, 10, "the route list", d -> text(d, "m-route").contains("equipment-run"));
      browser.findElement(By.cssSelector("#m-route option[value='equipment-run']")).click();
      until(browser, 10, "the route on the map", d -> drawn(d).path("waypoints").asInt() == 12);
      assertEquals("idle", text(browser, "m-state"));

      // The robot, not the page, judges a dispatch: its refusals appear on the mission screen.
      browser.findElement(By.id("m-dispatch")).click();
      until(
          browser,
          10,
          "the lease refusal",
          d -> error(d).contains("does not hold the control lease"));
      browser.findElement(By.id("lease-acquire")).click();
      until(browser, 10, "the lease", d -> text(d, "lease").equals("lease: you"));
      type(browser, "m-mass", "99");
      browser.findElement(By.id("m-dispatch")).click();
      until(browser, 10, "the payload refusal", d -> error(d).contains("payload.mass_kg"));

      // A camera case: 1.5 kg, centre of mass 0.1 m above the deck, fragility 0.2.
      type(browser, "m-mass", "1.5");
      type(browser, "m-com", "0.1");
      type(browser, "m-fragility", "0.2");
      TelemetryProbe.Sample before = robot.latest();
      browser.findElement(By.id("m-dispatch")).click();
      until(browser, 10, "running", d -> text(d, "m-state").equals("running"));
      assertTrue(text(browser, "m-run").contains("smooth ride"), text(browser, "m-run"));
      robot.await("autonomy to hold the lease", 5_000, s -> "autonomy".equals(s.leaseHolder()));
      double left0 = metres(text(browser, "m-left"));
      int next0 = nextWaypoint(browser);
      int[] robot0 = robotPixel(browser);

      // Progress: the next waypoint advances, distance left shrinks, the robot moves on the map.
      until(browser, 25, "the next waypoint to advance", d -> nextWaypoint(d) > next0);
      until(browser, 10, "0.2 m of progress", d -> metres(text(d, "m-left")) < left0 - 0.2);
      assertEquals("running", text(browser, "m-state"), "the page's heartbeats keep the run alive");
      assertTrue(!text(browser, "m-eta").equals("–"), "an ETA is shown");
      assertTrue(
          !text(browser, "last-error").contains("refused from tablet"),
          "the page fell silent on teleop when it handed the lease over: "
              + text(browser, "last-error"));
      TelemetryProbe.Sample walked = robot.latest();
      double odom = Math.hypot(walked.x() - before.x(), walked.y() - before.y());
      assertTrue(odom > 0.2, "the robot's own odometry advanced only " + odom + " m");
      int[] robot1 = robotPixel(browser);
      assertTrue(robot1[0] > robot0[0] + 5, "the robot marker moved right on the map");
      assertRobotDrawnAt(browser, robot1);
      HeadlessChromium.screenshot(browser, "tablet-mission-running.png");

      // Pause: the page says so, the robot stops, and progress stands still.
      browser.findElement(By.id("m-pause")).click();
      until(browser, 10, "paused", d -> text(d, "m-state").equals("paused"));
      robot.await("the robot to stop", 5_000, s -> Math.abs(s.vx()) < 1e-6);
      assertTrue(browser.findElement(By.id("m-resume")).isEnabled(), "resume offered");
      assertTrue(!browser.findElement(By.id("m-pause")).isEnabled(), "pause not offered twice");
      TelemetryProbe.Sample stopped = robot.latest();
      double leftPaused = metres(text(browser, "m-left"));
      Thread.sleep(1_500);
      assertEquals(leftPaused, metres(text(browser, "m-left")), 0.02, "no progress while paused");
      TelemetryProbe.Sample still = robot.latest();
      assertTrue(
          Math.hypot(still.x() - stopped.x(), still.y() - stopped.y()) < 0.03,
          "odometry stood still while paused");
      HeadlessChromium.screenshot(browser, "tablet-mission-paused.png");
      System.out.printf(
          Locale.ROOT,
          "mission screen: waypoint %d -> %d, distance left %.2f -> %.2f m, odometry %.2f m%n",
          next0,
          nextWaypoint(browser),
          left0,
          leftPaused,
          odom);
    } finally {
      browser.quit();
      sim.join((long) (SIM_SECONDS * 1000) + 30_000);
    }
    assertEquals(0, status[0], err.toString());
    try (RunDatabase d = RunDatabase.open(db)) {
      var r = d.history(1).get(0);
      assertEquals("equipment-run", r.route());
      assertTrue(r.dispatchedBy().startsWith("tablet-"), r.dispatchedBy());
    }
  }

  /** The pixel under the robot marker is the marker's red, not the map's background. */
  private static void assertRobotDrawnAt(ChromeDriver d, int[] px) {
    Object rgb =
        d.executeScript(
            "const c = document.getElementById('m-map'); const r = window.devicePixelRatio || 1;"
                + " const p = c.getContext('2d').getImageData(Math.round(arguments[0] * r),"
                + " Math.round(arguments[1] * r), 1, 1).data; return [p[0], p[1], p[2]];",
            px[0],
            px[1]);
    assertEquals("[255, 59, 48]", rgb.toString(), "robot marker colour at " + px[0] + "," + px[1]);
  }

  private static JsonNode drawn(ChromeDriver d) {
    String s = d.findElement(By.id("m-map")).getAttribute("data-drawn");
    try {
      return s == null || s.isEmpty() ? JSON.createObjectNode() : JSON.readTree(s);
    } catch (java.io.IOException e) {
      throw new AssertionError("data-drawn is not JSON: " + s, e);
    }
  }

  private static int[] robotPixel(ChromeDriver d) {
    JsonNode r = drawn(d).path("robot");
    assertTrue(r.isArray(), "no robot on the map: " + drawn(d));
    return new int[] {r.get(0).asInt(), r.get(1).asInt()};
  }

  /** "3 / 12" → 3. */
  private static int nextWaypoint(ChromeDriver d) {
    String t = text(d, "m-next");
    return t.contains("/") ? Integer.parseInt(t.substring(0, t.indexOf('/')).trim()) : -1;
  }

  private static double metres(String text) {
    return Double.parseDouble(text.replace(" m", "").trim());
  }

  private static String error(ChromeDriver d) {
    return text(d, "m-error");
  }

  private static void type(ChromeDriver d, String id, String value) {
    WebElement e = d.findElement(By.id(id));
    e.clear();
    e.sendKeys(value);
  }

  private static String text(ChromeDriver d, String id) {
    return d.findElement(By.id(id)).getText().trim();
  }

  private static void until(ChromeDriver d, int seconds, String what, Predicate<ChromeDriver> done)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (!done.test(d)) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "page: timed out after "
                + seconds
                + " s waiting for "
                + what
                + "; last error: "
                + text(d, "last-error")
                + "; mission panel:\n"
                + d.findElement(By.id("mission")).getText());
      }
      Thread.sleep(100);
    }
  }
}
