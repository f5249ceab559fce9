package robodog.operatorlink.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback standing in for the Wi-Fi between a client and a broker: {@link #cut}
 * drops every connection at once without any MQTT goodbye, as a crash or a lost radio link would.
 * New connections are relayed again afterwards.
 */
public final class TcpRelay implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean blocked;

  /** Relays 127.0.0.1:{@link #port()} to 127.0.0.1:{@code targetPort}. */
  public TcpRelay(int targetPort) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket a = server.accept();
                  if (blocked) {
                    a.close();
                    continue;
                  }
                  Socket b = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                  a.setTcpNoDelay(true);
                  b.setTcpNoDelay(true);
                  sockets.add(a);
                  sockets.add(b);
                  pump(a, b);
                  pump(b, a);
                } catch (IOException e) {
                  // closed, or the target refused: the client sees a dropped connection
                }
              }
            },
            "relay-accept");
    accept.setDaemon(true);
    accept.start();
  }

  private static void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[8192];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                  out.write(buf, 0, n);
                }
              } catch (IOException e) {
                // cut
              } finally {
                close(from);
                close(to);
              }
            },
            "relay-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  /** While blocked, new connections are closed at once (no route to the broker). */
  public void block(boolean blocked) {
    this.blocked = blocked;
  }

  /** Drops every relayed connection now. */
  public void cut() {
    for (Socket s : sockets) {
      close(s);
    }
    sockets.clear();
  }

  @Override
  public void close() throws IOException {
    server.close();
    cut();
  }
}
