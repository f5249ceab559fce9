package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A port someone else holds is an expected condition at start-up: {@code sim --realtime} says in
 * one line which port and which option chooses another, exits with status 1, and prints no stack
 * trace (neither its own nor a library's on stderr).
 */
class BusyPortCliTest {
  @Test
  void aBusyMqttPortNamesThePortAndTheOptions() throws Exception {
    try (ServerSocket held = holdLoopbackPort()) {
      int p = held.getLocalPort();
      String text =
          failsWithOneLine(
              "sim",
              "--realtime",
              "--mqtt-port",
              Integer.toString(p),
              "--duration",
              "2",
              "--ws-port",
              "0",
              "--http-port",
              "0");
      assertTrue(
          text.contains(
              "robodog: port "
                  + p
                  + " is in use (a Mosquitto running?): use --mqtt-port or"
                  + " --broker"),
          text);
    }
  }

  @Test
  void aBusyWebSocketOrHttpPortNamesItsOption() throws Exception {
    try (ServerSocket held = holdLoopbackPort()) {
      String p = Integer.toString(held.getLocalPort());
      String ws =
          failsWithOneLine(
              "sim",
              "--realtime",
              "--mqtt-port",
              "0",
              "--duration",
              "2",
              "--ws-port",
              p,
              "--http-port",
              "0");
      assertTrue(ws.contains("port " + p + " (MQTT over WebSocket) is in use: use --ws-port"), ws);
      String http =
          failsWithOneLine(
              "sim",
              "--realtime",
              "--mqtt-port",
              "0",
              "--duration",
              "2",
              "--ws-port",
              "0",
              "--http-port",
              p);
      assertTrue(http.contains("port " + p + " (tablet page) is in use: use --http-port"), http);
    }
  }

  private static ServerSocket holdLoopbackPort() throws Exception {
    ServerSocket s = new ServerSocket();
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return s;
  }

  /** Runs the CLI with stderr captured too; asserts status 1 and no stack trace anywhere. */
  private static String failsWithOneLine(String... args) {
    PrintStream was = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Cli r;
    try {
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      r = Cli.run(args);
    } finally {
      System.setErr(was);
    }
    String text = r.out + r.err + stderr.toString(StandardCharsets.UTF_8);
    assertEquals(1, r.status, text);
    assertFalse(text.contains("at robodog."), text);
    assertFalse(text.contains("Exception"), text);
    assertEquals(1, r.err.lines().filter(l -> l.startsWith("robodog:")).count(), text);
    return text;
  }
}
