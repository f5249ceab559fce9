package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import robodog.harness.sim.SimReport;
import robodog.operatorlink.mqtt.auth.CredentialStore;
import robodog.operatorlink.mqtt.auth.Role;

/**
 * The operator's tablet page in a real headless Chromium drives the realtime simulation: the page
 * is served by the robot, speaks MQTT over WebSockets to the embedded broker, and the robot is
 * judged by its own telemetry (an independent Paho observer) and the simulation's report.
 */
class TabletE2ETest {
  // The run goes on after the E-STOP (a robot on the ground is a state) and ends at this duration:
  // the E-STOP came 13.7 s after the first telemetry (2026-12-03), the checks after it take 4 s;
  // the rest is room for a busy machine.
  private static final double SIM_SECONDS = 32;

  @TempDir Path dir;

  @Test
  void joystickForwardWalksTheRobotAndEstopStopsIt() throws Exception {
    Path report = dir.resolve("tablet.json");
    // A users file as `./robodog users` makes it: the page logs in with it (optional on loopback).
    Path users = dir.resolve("credentials.yaml");
    CredentialStore.Created created = CredentialStore.createIfMissing(users);
    String password = created.newPassword();
    // A camera process with the robot role feeds state/camera (perception does this on the robot).
    created.store().with("camera", Role.ROBOT, "camera-secret".toCharArray()).save(users);
    // The browser first: its start-up (seconds on a busy machine) must not eat the sim's time.
    ChromeDriver browser = HeadlessChromium.start(dir.resolve("chromium-profile"));
    // Every port is chosen by the robot (0 = free) and read from what it prints: no races.
    System.setProperty("robodog.home", "..");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] status = {-1};
    double[] reportFigures = {Double.NaN};
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
                        "--credentials",
                        users.toString(),
                        "--report",
                        report.toString(),
                        "--policy",
                        "../models/terrain-policy/policy.txt"),
            "sim");
    sim.start();
    int mqtt = HeadlessChromium.printedPort(out, err, "MQTT broker tcp://127.0.0.1:(\\d+)");
    int http = HeadlessChromium.printedPort(out, err, "Tablet page http://127.0.0.1:(\\d+)/");
    try (TelemetryProbe robot = new TelemetryProbe(mqtt, "dog1", 15_000)) {
      TelemetryProbe.Sample first = robot.await("the first telemetry", 5_000, s -> true);
      browser.get("http://127.0.0.1:" + http + "/");
      until(browser, 10, "link connected", d -> text(d, "link").equals("link: connected"));
      until(browser, 10, "telemetry on the page", d -> !text(d, "t-mode").equals("–"));
      assertEstopVisible(browser);
      // The simulated pack starts full: voltage and charge, not "–", and no low/critical colour.
      until(
          browser,
          5,
          "battery voltage and percent",
          d -> text(d, "t-battery").matches("[78]\\.\\d\\d V · (9\\d|100) %"));
      assertEquals("", browser.findElement(By.id("t-battery")).getAttribute("class"));

      // A camera frame shows in the view; "no camera" until then.
      assertTrue(browser.findElement(By.id("no-camera")).isDisplayed(), "no camera yet");
      publishCameraFrame(mqtt);
      until(
          browser,
          5,
          "the camera frame",
          d ->
              (Boolean)
                  d.executeScript(
                      "const i = document.getElementById('camera-img');"
                          + " return !i.hidden && i.complete && i.naturalWidth === 64;"));

      // Log in: a wrong password is refused at CONNECT, the right one connects.
      browser.findElement(By.cssSelector("#login summary")).click();
      login(browser, CredentialStore.DEFAULT_USER, "not-the-password");
      until(browser, 10, "the login refused", d -> text(d, "link").equals("link: login refused"));
      login(browser, CredentialStore.DEFAULT_USER, password);
      until(browser, 10, "connected as operator", d -> text(d, "link").equals("link: connected"));
      until(browser, 5, "telemetry again", d -> text(d, "lease").equals("lease: free"));

      browser.findElement(By.id("lease-acquire")).click();
      robot.await(
          "the page to hold the lease",
          10_000,
          s -> s.leaseHolder() != null && s.leaseHolder().startsWith("tablet-"));
      until(browser, 5, "the lease shown", d -> text(d, "lease").equals("lease: you"));
      browser.findElement(By.id("gait-ripple")).click();
      robot.await("the ripple gait (row 2)", 10_000, s -> s.gait() == 2);
      until(
          browser,
          5,
          "ripple highlighted",
          d -> d.findElement(By.id("gait-ripple")).getAttribute("class").contains("active"));
      // Choosing a gait switched the learned advisor off; the page's switch turns it on and off
      // again, and the operator's ripple stays the gait throughout: an explicit gait is walked as
      // asked, the advisor lays nothing over it.
      until(browser, 5, "advisor off", d -> text(d, "policy").equals("learned: off"));
      browser.findElement(By.id("policy")).click();
      until(browser, 5, "advisor on", d -> text(d, "policy").equals("learned: on"));
      robot.await("the operator's ripple, advisor on", 10_000, s -> s.gait() == 2);
      browser.findElement(By.id("policy")).click();
      until(browser, 5, "advisor off again", d -> text(d, "policy").equals("learned: off"));
      robot.await("the operator's ripple again", 10_000, s -> s.gait() == 2);
      browser.findElement(By.id("mode-walk")).click();
      robot.await("mode WALKING", 10_000, s -> s.mode().equals("WALKING"));

      // Strafe on first (it only changes what left/right on the stick means). Then one finger on
      // the stick, pushed forward and held for 4 s, slid to the left and held for 3 s: one
      // gesture in one action chain, so the touch pointer is down throughout.
      browser.findElement(By.id("strafe")).click();
      WebElement stick = browser.findElement(By.id("joystick"));
      PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
      Sequence push = new Sequence(finger, 0);
      push.addAction(
          finger.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(stick), 0, 0));
      push.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
      push.addAction(
          finger.createPointerMove(
              Duration.ofMillis(200), PointerInput.Origin.fromElement(stick), 0, -100));
      push.addAction(new Pause(finger, Duration.ofMillis(4000)));
      push.addAction(
          finger.createPointerMove(
              Duration.ofMillis(200), PointerInput.Origin.fromElement(stick), -100, 0));
      push.addAction(new Pause(finger, Duration.ofMillis(3000)));
      TelemetryProbe.Sample start = robot.latest();
      browser.perform(List.of(push));
      TelemetryProbe.Sample walked =
          robot.since(start.nanos()).stream()
              .filter(s -> s.x() - start.x() > 0.15)
              .findFirst()
              .orElseThrow(() -> new AssertionError("forward: odometry never advanced 0.15 m"));
      assertTrue(walked.vx() > 0.05, "walking forward, yet vx = " + walked.vx());
      // Then sideways: odom y is to the robot's left; the stick reads strafe, not turn.
      TelemetryProbe.Sample strafed =
          robot.await("the odometry to move 0.05 m left", 5_000, s -> s.y() - walked.y() > 0.05);
      String stickText = text(browser.findElement(By.id("stick-out")));
      assertTrue(stickText.matches("stick: vx 0\\.0\\d m/s, sideways 0\\.[1-9]\\d m/s"), stickText);
      System.out.printf(
          java.util.Locale.ROOT,
          "tablet strafe: odom y %.3f -> %.3f m while x %.3f -> %.3f m%n",
          walked.y(),
          strafed.y(),
          walked.x(),
          strafed.x());
      HeadlessChromium.screenshot(browser, "tablet-walking.png");

      // E-STOP with another finger (the mouse) while the first still holds the stick forward.
      browser.findElement(By.id("estop")).click();
      long pressed = System.nanoTime();
      TelemetryProbe.Sample stopped =
          robot.await("mode ESTOP", 5_000, s -> s.mode().equals("ESTOP"));
      System.out.printf(
          java.util.Locale.ROOT,
          "tablet E-STOP: telemetry showed ESTOP %.0f ms after the press, at odom x %.3f m%n",
          (stopped.nanos() - pressed) / 1e6,
          stopped.x());
      until(browser, 5, "ESTOP on the page", d -> text(d, "t-mode").equals("ESTOP"));
      assertEquals("ENGAGED", text(browser, "t-estop"));
      assertEstopVisible(browser);
      HeadlessChromium.screenshot(browser, "tablet-estop.png");

      // The tablet's E-STOP settles the body to the ground (category 1), then cuts servo power;
      // the run, its broker and the page go on: telemetry keeps coming, latched in ESTOP.
      until(
          browser,
          5,
          "the settle done on the page",
          d -> text(d, "t-notice").startsWith("E-stop latched"));
      until(browser, 5, "standstill on the page", d -> text(d, "t-speed").equals("0.00 m/s"));
      Thread.sleep(1_000);
      assertTrue(
          !browser.findElement(By.id("stale")).isDisplayed(), "the page still has the robot");
      List<TelemetryProbe.Sample> after = robot.since(stopped.nanos());
      double prevSpeed = Double.POSITIVE_INFINITY;
      for (TelemetryProbe.Sample s : after) {
        assertEquals("ESTOP", s.mode(), "the E-stop is latched");
        double speed = Math.abs(s.vx());
        assertTrue(speed <= prevSpeed + 1e-9, "the stick is not obeyed through the stop");
        prevSpeed = speed;
      }
      TelemetryProbe.Sample last = after.get(after.size() - 1);
      assertEquals(0.0, last.vx(), 1e-9, "speed after the settle");
      assertTrue(
          (last.nanos() - stopped.nanos()) / 1e9 > 2.0,
          "telemetry went on after the E-STOP, yet the last is "
              + (last.nanos() - stopped.nanos()) / 1e9
              + " s after it");
      // The body decelerates at the camera's acceleration limit before it settles.
      double drift = Math.hypot(last.x() - stopped.x(), last.y() - stopped.y());
      assertTrue(drift < 0.05, "odometry advanced " + drift + " m after the E-STOP");
      assertTrue(sim.isAlive(), "the run goes on after the E-STOP");
      System.out.printf(
          java.util.Locale.ROOT,
          "tablet E-STOP %.1f s after the first telemetry (the run lasts %.0f s)%n",
          (stopped.nanos() - first.nanos()) / 1e9,
          SIM_SECONDS);
      // A tablet held upright: the E-STOP moves to a bottom bar and stays on screen.
      HeadlessChromium.viewport(browser, 800, 1280);
      assertEstopVisible(browser);
      HeadlessChromium.screenshot(browser, "tablet-portrait.png");
      // At the run's end the page says it lost the robot.
      sim.join((long) (SIM_SECONDS * 1000) + 20_000);
      until(browser, 5, "the lost-link warning", d -> d.findElement(By.id("stale")).isDisplayed());
      HeadlessChromium.screenshot(browser, "tablet-lost.png");
      // Odometry starts at 0 at power-on, where the simulation starts: compare straight lines.
      reportFigures[0] = Math.hypot(stopped.x(), stopped.y());
    } finally {
      browser.quit();
      sim.join(60_000);
    }
    assertEquals(0, status[0], err.toString());
    SimReport r = SimReport.read(report);
    System.out.printf(
        java.util.Locale.ROOT,
        "tablet run: %.1f s simulated, ground-truth distance %.3f m, odometry distance at E-STOP"
            + " %.3f m%n",
        r.simTimeS(),
        r.distanceM(),
        reportFigures[0]);
    assertTrue(r.distanceM() > 0.15, "ground truth: the robot walked only " + r.distanceM() + " m");
    assertTrue(r.simTimeS() > SIM_SECONDS - 1, "the run went on to its end: " + r.simTimeS());
    assertEquals(0, r.falls(), "an E-stop is not a fall");
    assertEquals(1, r.stops().size(), r.stops().toString());
    assertEquals("settle", r.stops().get(0).category(), "the tablet's stop settles");
    assertTrue(
        Math.abs(r.distanceM() - reportFigures[0]) < 0.1,
        "ground truth "
            + r.distanceM()
            + " m against the odometry distance at the E-STOP "
            + reportFigures[0]
            + " m: the robot went on after the E-STOP");
  }

  /** The E-STOP is on screen, inside the viewport, even with the page scrolled to its end. */
  private static void assertEstopVisible(ChromeDriver browser) {
    for (String scroll : new String[] {"window.scrollTo(0, 0)", "window.scrollTo(0, 1e6)"}) {
      browser.executeScript(scroll);
      WebElement e = browser.findElement(By.id("estop"));
      assertTrue(e.isDisplayed(), "E-STOP displayed");
      Object inside =
          browser.executeScript(
              "const r = arguments[0].getBoundingClientRect();"
                  + "return r.width >= 100 && r.height >= 100 && r.left >= 0 && r.top >= 0"
                  + " && r.right <= window.innerWidth && r.bottom <= window.innerHeight"
                  + " && document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2)"
                  + " === arguments[0];",
              e);
      assertEquals(Boolean.TRUE, inside, "E-STOP fully in the viewport and on top after " + scroll);
    }
    browser.executeScript("window.scrollTo(0, 0)");
  }

  /** One 64x48 JPEG on state/camera, as the camera user (robot role). */
  private static void publishCameraFrame(int port) throws Exception {
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(java.awt.Color.ORANGE);
    g.fillRect(8, 8, 48, 32);
    g.dispose();
    java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "jpg", jpeg);
    MqttClient cam = new MqttClient("tcp://127.0.0.1:" + port, "camera", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setUserName("camera");
    o.setPassword("camera-secret".toCharArray());
    o.setConnectionTimeout(5);
    cam.connect(o);
    cam.publish("robodog/dog1/state/camera", jpeg.toByteArray(), 0, false);
    cam.disconnect();
    cam.close();
  }

  private static void login(ChromeDriver browser, String user, String password) {
    for (String[] f : new String[][] {{"username", user}, {"password", password}}) {
      WebElement field = browser.findElement(By.id(f[0]));
      field.clear();
      field.sendKeys(f[1]);
    }
    browser.findElement(By.id("login-connect")).click();
  }

  private static String text(WebElement e) {
    return e.getText().trim();
  }

  private static String text(ChromeDriver d, String id) {
    return text(d.findElement(By.id(id)));
  }

  /** Polls the page until {@code done} holds; fails naming {@code what}. */
  private static void until(
      ChromeDriver d, int seconds, String what, java.util.function.Predicate<ChromeDriver> done)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (!done.test(d)) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "page: timed out after "
                + seconds
                + " s waiting for "
                + what
                + "; page text:\n"
                + d.findElement(By.tagName("body")).getText());
      }
      Thread.sleep(100);
    }
  }
}
