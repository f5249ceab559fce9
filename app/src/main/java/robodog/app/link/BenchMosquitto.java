package robodog.app.link;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Mosquitto 2 from the Debian package on a free loopback port, anonymous, no persistence, Nagle off
 * ({@code set_tcp_nodelay true}, as in {@code docs/mosquitto/mosquitto.conf}; Mosquitto's default
 * leaves it on, which costs ~40 ms on some deliveries to the robot), for {@code ./robodog bench
 * link}. It can be killed and started again on the same port (a link cut). The bench thread only.
 */
final class BenchMosquitto {
  private final Path conf;
  private final int port;
  private Process p;

  /** Writes the configuration into {@code dir} and starts the broker. */
  BenchMosquitto(Path dir) throws Exception {
    if (!Files.isExecutable(Path.of("/usr/sbin/mosquitto"))) {
      throw new IllegalStateException("/usr/sbin/mosquitto missing: apt-get install mosquitto");
    }
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    conf = dir.resolve("mosquitto.conf");
    Files.writeString(
        conf,
        "listener "
            + port
            + " 127.0.0.1\nallow_anonymous true\npersistence false\nset_tcp_nodelay true\nuser "
            + System.getProperty("user.name")
            + "\n");
    start();
  }

  String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Starts the process and waits (up to 5 s) until it accepts connections. */
  void start() throws Exception {
    p =
        new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    for (int i = 0; i < 250; i++) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 100);
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException("mosquitto did not start on port " + port);
  }

  /** SIGKILL: no goodbye to anyone. */
  void kill() throws InterruptedException {
    p.destroyForcibly();
    p.waitFor();
  }
}
