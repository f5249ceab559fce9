package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import robodog.app.link.BrokerOptions;
import robodog.operatorlink.testing.SelfSignedKeystore;

/**
 * With the robot's keystore and a secure WebSocket listener the tablet page is served over https
 * and speaks MQTT over wss: a real Chromium (told to accept the test's self-signed certificate, as
 * a tablet that has it installed would) loads the page, connects and takes the lease, which the
 * robot's own telemetry reports. The robot runs in its own JVM, since the keystore password comes
 * from its environment.
 */
class TabletHttpsE2ETest {
  @TempDir Path dir;

  @Test
  void thePageComesOverHttpsAndDrivesOverWss() throws Exception {
    SelfSignedKeystore ks = new SelfSignedKeystore(dir);
    ChromeDriver browser =
        HeadlessChromium.start(dir.resolve("chromium-profile"), "--ignore-certificate-errors");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Drobodog.home=..");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("robodog.app.Main");
    cmd.addAll(
        List.of(
            "run",
            "--hardware",
            "sim",
            "--duration",
            "40",
            "--robot-id",
            "dog1",
            "--mqtt-port",
            "0",
            "--ws-port",
            "0",
            "--http-port",
            "0",
            "--mqtt-tls-port",
            "0",
            "--wss-port",
            "0",
            "--mqtt-tls-keystore",
            ks.file.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put(BrokerOptions.TLS_PASSWORD_ENV, SelfSignedKeystore.PASSWORD);
    Process robot = pb.start();
    List<String> out = new CopyOnWriteArrayList<>();
    List<String> err = new CopyOnWriteArrayList<>();
    pump(robot.getInputStream(), out);
    pump(robot.getErrorStream(), err);
    try {
      int page =
          printed(out, err, "Tablet page https://127.0.0.1:(\\d+)/ \\(MQTT over WebSocket wss://");
      int mqtt = printed(out, err, "MQTT broker tcp://127.0.0.1:(\\d+)");
      try (TelemetryProbe telemetry = new TelemetryProbe(mqtt, "dog1", 15_000)) {
        telemetry.await("the first telemetry", 10_000, s -> true);
        browser.get("https://127.0.0.1:" + page + "/");
        assertEquals("https:", browser.executeScript("return location.protocol"));
        until(browser, 15, "link connected", d -> text(d, "link").equals("link: connected"));
        until(browser, 10, "telemetry on the page", d -> text(d, "lease").equals("lease: free"));
        browser.findElement(By.id("lease-acquire")).click();
        telemetry.await(
            "the https page to hold the lease",
            10_000,
            s -> s.leaseHolder() != null && s.leaseHolder().startsWith("tablet-"));
      }
    } finally {
      browser.quit();
      robot.destroy();
      robot.waitFor();
    }
  }

  private static void pump(java.io.InputStream in, List<String> into) {
    Thread t =
        new Thread(
            () -> {
              try (java.io.BufferedReader r =
                  new java.io.BufferedReader(new java.io.InputStreamReader(in))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                  into.add(l);
                }
              } catch (java.io.IOException e) {
                // the robot is gone
              }
            },
            "robot-output");
    t.setDaemon(true);
    t.start();
  }

  private static int printed(List<String> out, List<String> err, String regex)
      throws InterruptedException {
    Pattern p = Pattern.compile(regex);
    for (int i = 0; i < 600; i++) {
      for (String l : out) {
        Matcher m = p.matcher(l);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the robot never printed " + regex + ":\n" + out + "\n" + err);
  }

  private static String text(ChromeDriver d, String id) {
    return d.findElement(By.id(id)).getText().trim();
  }

  private static void until(
      ChromeDriver d, int seconds, String what, java.util.function.Predicate<ChromeDriver> done)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (!done.test(d)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("page: timed out after " + seconds + " s waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
