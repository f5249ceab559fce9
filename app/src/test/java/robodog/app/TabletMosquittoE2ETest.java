package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import robodog.app.link.BrokerOptions;
import robodog.operatorlink.testing.Mosquitto;

/**
 * The tablet page behind an external Mosquitto with the shipped ACL (docs/mosquitto/robodog.acl):
 * the operator tablet1 takes the lease and walks the robot from the page; the observer director,
 * logged in on another tab, cannot take the lease or drive, yet its E-STOP stops the robot. The
 * robot runs in a child JVM because its broker password comes only from the environment.
 */
class TabletMosquittoE2ETest {
  private static final String TABLET_PW = "tablet1-secret";
  private static final String DIRECTOR_PW = "director-secret";
  private static final String DOG_PW = "dog1-secret-pw";

  /** Long enough for both logins, the walk, the refused takeover and the E-STOP. */
  private static final double RUN_SECONDS = 40;

  @TempDir Path dir;

  @Test
  void operatorWalksTheRobotObserverCannotDriveButStopsIt() throws Exception {
    String acl = Files.readString(Path.of("..", "docs", "mosquitto", "robodog.acl"));
    Map<String, String> users =
        Map.of("tablet1", TABLET_PW, "director", DIRECTOR_PW, "dog1", DOG_PW);
    Mosquitto broker = new Mosquitto(dir, users, acl);
    int ws = broker.enableWebSockets();
    broker.start();
    ChromeDriver browser = HeadlessChromium.start(dir.resolve("chromium-profile"));
    Process robot = startRobot(broker, ws);
    try (broker;
        TelemetryProbe probe =
            new TelemetryProbe(broker.port(), "dog1", 15_000, "director", DIRECTOR_PW)) {
      int http = printedPort(robot, "Tablet page http://127.0.0.1:(\\d+)/");
      probe.await("the first telemetry", 20_000, s -> true);

      // tablet1: log in, take the lease, walk forward for 3 s.
      browser.get("http://127.0.0.1:" + http + "/");
      String operatorTab = browser.getWindowHandle();
      login(browser, "tablet1", TABLET_PW);
      until(browser, 10, "tablet1 connected", d -> text(d, "link").equals("link: connected"));
      until(browser, 10, "telemetry on the page", d -> text(d, "lease").equals("lease: free"));
      browser.findElement(By.id("lease-acquire")).click();
      probe.await("tablet1 to hold the lease", 10_000, s -> "tablet1".equals(s.leaseHolder()));
      until(browser, 5, "the lease shown", d -> text(d, "lease").equals("lease: you"));
      browser.findElement(By.id("mode-walk")).click();
      probe.await("mode WALKING", 10_000, s -> s.mode().equals("WALKING"));
      TelemetryProbe.Sample start = probe.latest();
      browser.perform(List.of(push(browser, 3000)));
      TelemetryProbe.Sample walked =
          probe.since(start.nanos()).stream()
              .filter(s -> s.x() - start.x() > 0.1)
              .findFirst()
              .orElseThrow(() -> new AssertionError("odometry never advanced 0.1 m from the page"));
      assertTrue(walked.vx() > 0.05, "walking forward, yet vx = " + walked.vx());
      assertEquals("tablet1", walked.leaseHolder());
      TelemetryProbe.Sample halted =
          probe.await("standstill after the stick is released", 5_000, s -> s.vx() == 0.0);

      // director, on a second tab: its lease button is disabled (the lease is held); forced
      // enabled and pressed, and its stick pushed, the ACL drops its commands before the robot.
      browser.switchTo().newWindow(WindowType.TAB);
      browser.get("http://127.0.0.1:" + http + "/");
      login(browser, "director", DIRECTOR_PW);
      until(browser, 10, "director connected", d -> text(d, "link").equals("link: connected"));
      until(browser, 10, "the lease seen", d -> text(d, "lease").startsWith("lease: tablet1"));
      assertTrue(!browser.findElement(By.id("lease-acquire")).isEnabled(), "take-lease while held");
      browser.executeScript(
          "for (const b of document.querySelectorAll('button')) b.disabled = false;"
              + " document.getElementById('lease-acquire').click();"
              + " document.getElementById('mode-walk').click();");
      long attempt = System.nanoTime();
      browser.perform(List.of(push(browser, 2000)));
      Thread.sleep(500);
      for (TelemetryProbe.Sample s : probe.since(attempt)) {
        assertEquals("tablet1", s.leaseHolder(), "the lease holder after director's attempt");
        assertEquals(0.0, s.vx(), 1e-9, "director's stick drove the robot");
      }
      double moved = Math.hypot(probe.latest().x() - halted.x(), probe.latest().y() - halted.y());
      assertTrue(moved < 0.03, "the robot moved " + moved + " m while director pushed the stick");
      assertTrue(
          broker
              .log()
              .lines()
              .anyMatch(l -> l.contains("Denied PUBLISH") && l.contains("/op/director/cmd/lease'")),
          "Mosquitto denied director's cmd/lease:\n" + broker.log());

      broker
          .log()
          .lines()
          .filter(l -> l.contains("Denied PUBLISH"))
          .forEach(l -> System.out.println("mosquitto: " + l));

      // director's E-STOP (every user may engage it under its own path) stops the robot.
      browser.findElement(By.id("estop")).click();
      probe.await("mode ESTOP after director's press", 5_000, s -> s.mode().equals("ESTOP"));
      until(browser, 5, "ESTOP on director's page", d -> text(d, "t-mode").equals("ESTOP"));
      browser.switchTo().window(operatorTab);
      until(browser, 5, "ESTOP on tablet1's page", d -> text(d, "t-mode").equals("ESTOP"));
      HeadlessChromium.screenshot(browser, "tablet-mosquitto-estop.png");
    } finally {
      browser.quit();
      robot.destroy();
      robot.waitFor();
    }
  }

  /** {@code ./robodog run --hardware sim} as dog1 against {@code broker}, in a child JVM. */
  private Process startRobot(Mosquitto broker, int wsPort) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "-Drobodog.home=..",
            Main.class.getName(),
            "run",
            "--hardware",
            "sim",
            "--duration",
            Double.toString(RUN_SECONDS),
            "--robot-id",
            "dog1",
            "--broker",
            broker.uri(),
            "--broker-user",
            "dog1",
            "--mqtt-keepalive",
            "1",
            "--http-port",
            "0",
            "--tablet-ws-url",
            "ws://127.0.0.1:" + wsPort + "/mqtt",
            "--db",
            dir.resolve("runs.db").toString(),
            "--plots",
            dir.resolve("reports").toString());
    pb.environment().put(BrokerOptions.BROKER_PASSWORD_ENV, DOG_PW);
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("robot.out").toFile());
    return pb.start();
  }

  /** Waits up to 30 s for the robot to print {@code regex}; returns its group as a port. */
  private int printedPort(Process robot, String regex) throws Exception {
    Pattern p = Pattern.compile(regex);
    Path out = dir.resolve("robot.out");
    for (int i = 0; i < 300; i++) {
      Matcher m = p.matcher(Files.readString(out));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!robot.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the robot never printed " + regex + ":\n" + Files.readString(out));
  }

  /** One finger on the stick, pushed forward and held for {@code holdMs}, then lifted. */
  private static Sequence push(ChromeDriver browser, long holdMs) {
    WebElement stick = browser.findElement(By.id("joystick"));
    PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
    Sequence s = new Sequence(finger, 0);
    s.addAction(
        finger.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(stick), 0, 0));
    s.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
    s.addAction(
        finger.createPointerMove(
            Duration.ofMillis(200), PointerInput.Origin.fromElement(stick), 0, -100));
    s.addAction(new Pause(finger, Duration.ofMillis(holdMs)));
    s.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
    return s;
  }

  private static void login(ChromeDriver browser, String user, String password)
      throws InterruptedException {
    // Anonymous access is off: the page's first connection is refused and it asks for a login.
    until(
        browser,
        10,
        "the anonymous login refused",
        d -> text(d, "link").equals("link: login refused"));
    WebElement details = browser.findElement(By.id("login"));
    if (details.getAttribute("open") == null) {
      browser.findElement(By.cssSelector("#login summary")).click();
    }
    for (String[] f : new String[][] {{"username", user}, {"password", password}}) {
      WebElement field = browser.findElement(By.id(f[0]));
      field.clear();
      field.sendKeys(f[1]);
    }
    browser.findElement(By.id("login-connect")).click();
  }

  private static String text(ChromeDriver d, String id) {
    return d.findElement(By.id(id)).getText().trim();
  }

  /** Polls the page until {@code done} holds; fails naming {@code what} with the page's text. */
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
