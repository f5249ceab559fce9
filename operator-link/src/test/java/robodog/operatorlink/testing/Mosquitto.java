package robodog.operatorlink.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Mosquitto 2 (Debian package {@code mosquitto}) for tests: generated config on a free
 * loopback port, optional password file (made with {@code mosquitto_passwd}) and ACL, started and
 * killed by the test. {@link #kill} is SIGKILL (no goodbye to clients), {@link #freeze} is SIGSTOP
 * (TCP stays open but nothing answers: a hung broker or a silent network).
 */
public final class Mosquitto implements AutoCloseable {
  /** Where Debian installs the broker. */
  public static final Path BINARY = Path.of("/usr/sbin/mosquitto");

  private final Path dir;
  private final int port;
  private final Path conf;
  private Process process;

  /**
   * Writes the configuration; call {@link #start}.
   *
   * @param users name → password; empty for anonymous access
   * @param acl Mosquitto ACL text, or null for none
   */
  public Mosquitto(Path dir, Map<String, String> users, String acl) throws Exception {
    this.dir = dir;
    this.port = freePort();
    StringBuilder c = new StringBuilder();
    c.append("per_listener_settings false\n");
    c.append("listener ").append(port).append(" 127.0.0.1\n");
    c.append("persistence false\n");
    // As root Mosquitto would switch to user 'mosquitto', who cannot read the test's directory.
    c.append("user ").append(System.getProperty("user.name")).append('\n');
    c.append("log_dest file ").append(dir.resolve("mosquitto.log")).append('\n');
    c.append("log_type all\n");
    if (users.isEmpty()) {
      c.append("allow_anonymous true\n");
    } else {
      Path pw = dir.resolve("passwd");
      Files.writeString(pw, "");
      for (Map.Entry<String, String> u : users.entrySet()) {
        run("mosquitto_passwd", "-b", pw.toString(), u.getKey(), u.getValue());
      }
      c.append("allow_anonymous false\n");
      c.append("password_file ").append(pw).append('\n');
    }
    if (acl != null) {
      Path a = dir.resolve("acl");
      Files.writeString(a, acl);
      c.append("acl_file ").append(a).append('\n');
    }
    conf = dir.resolve("mosquitto.conf");
    Files.writeString(conf, c);
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Adds a TLS listener on a free loopback port (call before {@link #start}).
   *
   * @return the TLS port
   */
  public int enableTls(Path certPem, Path keyPem) throws IOException {
    int tlsPort = freePort();
    Files.writeString(
        conf,
        "listener " + tlsPort + " 127.0.0.1\ncertfile " + certPem + "\nkeyfile " + keyPem + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    return tlsPort;
  }

  /**
   * Adds an MQTT-over-WebSocket listener on a free loopback port (call before {@link #start}), as a
   * tablet page reaches an external broker: {@code ws://127.0.0.1:<port>/mqtt}.
   *
   * @return the WebSocket port
   */
  public int enableWebSockets() throws IOException {
    int wsPort = freePort();
    Files.writeString(
        conf,
        "listener " + wsPort + " 127.0.0.1\nprotocol websockets\n",
        java.nio.file.StandardOpenOption.APPEND);
    return wsPort;
  }

  /** Starts the broker and waits until its port accepts connections. */
  public Mosquitto start() throws Exception {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(
          BINARY + " missing: install the Debian package mosquitto (scripts/debian-packages.txt)");
    }
    // Files.readString keeps the log of an earlier run when the test restarts the broker.
    List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "-c", conf.toString()));
    process =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("mosquitto.out").toFile())
            .start();
    long end = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < end) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return this;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "mosquitto exited: " + Files.readString(dir.resolve("mosquitto.out")));
        }
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException("mosquitto did not open port " + port);
  }

  /** {@code tcp://127.0.0.1:<port>}. */
  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** SIGKILL: the broker vanishes without a word to its clients. */
  public void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /** SIGSTOP: the broker hangs with its sockets open. */
  public void freeze() throws Exception {
    run("kill", "-STOP", Long.toString(process.pid()));
  }

  /** SIGCONT after {@link #freeze}. */
  public void thaw() throws Exception {
    run("kill", "-CONT", Long.toString(process.pid()));
  }

  /** The broker's log so far, for assertion messages. */
  public String log() throws IOException {
    Path l = dir.resolve("mosquitto.log");
    return Files.exists(l) ? Files.readString(l) : "";
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      thaw(); // a stopped process ignores SIGTERM until continued
      kill();
    }
  }
}
