package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import robodog.operatorlink.mqtt.ws.BrokerWebSockets;

/**
 * A real Chromium against the robot ({@code run --hardware sim}, loopback broker where anonymous
 * clients are operators): the robot's own tablet page loads while twenty slow clients hold
 * connections to the page server, connects and takes the lease; a page from another origin (a
 * second HTTP server on another port) then opens {@code ws://127.0.0.1:<port>/mqtt} and tries to
 * take the lease with hand-made MQTT packets: its upgrade is refused and the lease holder does not
 * change. The same script run from the robot's own origin does take it, so the refusal is the
 * origin's doing, not the script's.
 */
class TabletOriginE2ETest {
  /** Opens a WebSocket to arguments[0] and sends MQTT CONNECT (client arguments[1]) and a take. */
  private static final String TAKE_LEASE_SCRIPT =
      "const url = arguments[0], id = arguments[1];"
          + "const enc = s => { const b = new TextEncoder().encode(s);"
          + "  return [b.length >> 8, b.length & 255, ...b]; };"
          + "const pkt = (t, body) => new Uint8Array([t, body.length, ...body]);"
          + "const connect = pkt(0x10, [0, 4, 77, 81, 84, 84, 4, 2, 0, 60, ...enc(id)]);"
          + "const take = pkt(0x30, [...enc('robodog/dog1/cmd/lease'),"
          + "  ...new TextEncoder().encode('{\"seq\":99,\"action\":\"take\"}')]);"
          + "window.wsResult = '';"
          + "const ws = new WebSocket(url, 'mqtt'); ws.binaryType = 'arraybuffer';"
          + "ws.onopen = () => { window.wsResult = 'open'; ws.send(connect); };"
          + "ws.onmessage = e => { if (new Uint8Array(e.data)[0] === 0x20) {"
          + "  ws.send(take); window.wsResult = 'sent'; } };"
          + "ws.onerror = () => { if (!window.wsResult) window.wsResult = 'error'; };"
          + "ws.onclose = () => { if (!window.wsResult) window.wsResult = 'closed'; };";

  @TempDir Path dir;

  @Test
  void aPageFromAnotherOriginCannotTakeTheLeaseAndTheTabletStillWorks() throws Exception {
    ChromeDriver browser = HeadlessChromium.start(dir.resolve("chromium-profile"));
    System.setProperty("robodog.home", "..");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Thread sim =
        new Thread(
            () ->
                Main.run(
                    new PrintWriter(out, true),
                    new PrintWriter(err, true),
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
                    "0"),
            "sim");
    sim.start();
    HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
    List<Socket> slow = new ArrayList<>();
    try {
      int mqtt = HeadlessChromium.printedPort(out, err, "MQTT broker tcp://127.0.0.1:(\\d+)");
      int http = HeadlessChromium.printedPort(out, err, "Tablet page http://127.0.0.1:(\\d+)/");
      int ws = HeadlessChromium.printedPort(out, err, "ws://127.0.0.1:(\\d+)/mqtt");
      String wsUrl = "ws://127.0.0.1:" + ws + "/mqtt";
      try (TelemetryProbe robot = new TelemetryProbe(mqtt, "dog1", 15_000)) {
        robot.await("the first telemetry", 10_000, s -> true);
        // Twenty clients that hold page-server connections: ten silent, ten sending half a
        // request head. The page must load and connect regardless.
        for (int i = 0; i < 20; i++) {
          Socket s = new Socket("127.0.0.1", http);
          if (i % 2 == 1) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes());
          }
          slow.add(s);
        }
        long start = System.nanoTime();
        browser.get("http://127.0.0.1:" + http + "/");
        until(browser, 10, "link connected", d -> text(d, "link").equals("link: connected"));
        long loadMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
            Locale.ROOT,
            "tablet page loaded and connected in %d ms with 20 slow clients open%n",
            loadMs);
        assertTrue(loadMs < 5000, "page load took " + loadMs + " ms");
        // The lease buttons come alive with the first telemetry on the page.
        until(browser, 10, "telemetry on the page", d -> text(d, "lease").equals("lease: free"));
        browser.findElement(By.id("lease-acquire")).click();
        String holder =
            robot
                .await(
                    "the tablet to hold the lease",
                    10_000,
                    s -> s.leaseHolder() != null && s.leaseHolder().startsWith("tablet-"))
                .leaseHolder();

        // Another origin: the same host, another port, a page that goes for the lease.
        byte[] page =
            ("<!doctype html><title>not the robot</title><script>"
                    + "(function(){"
                    + TAKE_LEASE_SCRIPT
                        .replace("arguments[0]", "'" + wsUrl + "'")
                        .replace("arguments[1]", "'evil-page'")
                    + "})();</script>")
                .getBytes(StandardCharsets.UTF_8);
        other.createContext(
            "/",
            ex -> {
              ex.getResponseHeaders().set("Content-Type", "text/html");
              ex.sendResponseHeaders(200, page.length);
              ex.getResponseBody().write(page);
              ex.close();
            });
        other.start();
        long refusedBefore = BrokerWebSockets.refusedUpgrades();
        String tablet = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get("http://127.0.0.1:" + other.getAddress().getPort() + "/");
        until(browser, 10, "the other page's WebSocket to end", d -> !result(d).isEmpty());
        assertNotEquals("open", result(browser));
        assertNotEquals("sent", result(browser), "the other origin's upgrade was accepted");
        assertTrue(
            BrokerWebSockets.refusedUpgrades() > refusedBefore, "refused by the Origin check");
        Thread.sleep(500); // a take that slipped through would show in telemetry by now
        assertEquals(holder, robot.latest().leaseHolder(), "the lease changed hands");

        // The same script from the robot's own origin is let in and takes the lease: the refusal
        // above was the origin's, not a broken script's.
        browser.close();
        browser.switchTo().window(tablet);
        browser.executeScript(TAKE_LEASE_SCRIPT, wsUrl, "own-origin-script");
        until(browser, 10, "the same-origin take", d -> result(d).equals("sent"));
        robot.await(
            "the same-origin script to hold the lease",
            10_000,
            s -> "own-origin-script".equals(s.leaseHolder()));
      }
    } finally {
      for (Socket s : slow) {
        s.close();
      }
      other.stop(0);
      browser.quit();
      sim.join(60_000);
    }
  }

  private static String result(ChromeDriver d) {
    return String.valueOf(d.executeScript("return window.wsResult || '';"));
  }

  private static String text(ChromeDriver d, String id) {
    return d.findElement(By.id(id)).getText().trim();
  }

  /** Polls the page until {@code done} holds; fails naming {@code what}. */
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
