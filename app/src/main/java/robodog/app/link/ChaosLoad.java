package robodog.app.link;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The network attacks of {@code ./robodog bench chaos}, running on threads of their own for the
 * whole case: a CONNECT flood with wrong passwords on the broker's MQTT port, or slow clients
 * (slowloris: a request head trickled a byte at a time and reopened when the server drops it)
 * holding the tablet page server's connections. Started and closed from the bench's (or a test's)
 * thread.
 */
public final class ChaosLoad implements AutoCloseable {
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong attempts = new AtomicLong();
  private final List<Thread> threads = new ArrayList<>();

  /** {@code n} attackers sending CONNECTs with wrong passwords to loopback {@code port}. */
  public static ChaosLoad connectFlood(int port, int n) {
    ChaosLoad l = new ChaosLoad();
    for (int i = 0; i < n; i++) {
      int k = i;
      l.start("chaos-flood-" + i, () -> ConnectFloodBench.attack(port, k, l.stop, l.attempts));
    }
    return l;
  }

  /** {@code n} slow clients on the tablet page server at loopback {@code port}. */
  public static ChaosLoad slowHttp(int port, int n) {
    ChaosLoad l = new ChaosLoad();
    for (int i = 0; i < n; i++) {
      l.start("chaos-slow-http-" + i, () -> l.slowClient(port));
    }
    return l;
  }

  private void start(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    threads.add(t);
  }

  private void slowClient(int port) {
    byte[] head = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.UTF_8);
    while (!stop.get()) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        OutputStream o = s.getOutputStream();
        attempts.incrementAndGet();
        for (byte b : head) {
          o.write(b);
          o.flush();
          Thread.sleep(100); // well inside any idle timeout, never completing the head
          if (stop.get()) {
            return;
          }
        }
        while (!stop.get()) {
          o.write('a');
          o.flush();
          Thread.sleep(500);
        }
      } catch (java.io.IOException e) {
        // dropped by the server (its head deadline): open another
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Connections or attempts made so far. */
  public long attempts() {
    return attempts.get();
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    for (Thread t : threads) {
      t.interrupt();
      t.join(3000);
    }
  }
}
