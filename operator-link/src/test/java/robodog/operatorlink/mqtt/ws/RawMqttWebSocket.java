package robodog.operatorlink.mqtt.ws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client written out byte by byte, so a test controls exactly what a browser would send
 * (the {@code Origin} header above all) and can push MQTT bytes after a refused upgrade as a
 * hostile client would. MQTT 3.1.1 packets built by hand; test thread only.
 */
final class RawMqttWebSocket implements AutoCloseable {
  final Socket socket;
  final String statusLine;
  private final OutputStream out;
  private final InputStream in;

  /**
   * Connects and sends the upgrade request; reads the response head.
   *
   * @param origin the Origin header, or null for none
   */
  RawMqttWebSocket(Socket socket, String hostPort, String path, String origin) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(5000);
    out = socket.getOutputStream();
    in = socket.getInputStream();
    String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());
    String req =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + hostPort
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            + key
            + "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: mqtt\r\n"
            + (origin == null ? "" : "Origin: " + origin + "\r\n")
            + "\r\n";
    out.write(req.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    statusLine = head().split("\r\n")[0];
  }

  private String head() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int matched = 0;
    for (int c = in.read(); c >= 0; c = in.read()) {
      b.write(c);
      matched = (c == '\r' || c == '\n') ? matched + 1 : 0;
      if (matched == 4) {
        break;
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  /** Sends MQTT bytes in one masked binary frame (as a browser must). */
  void sendFrame(byte[] payload) throws IOException {
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    f.write(0x82);
    f.write(0x80 | payload.length); // under 126 bytes in these tests
    byte[] mask = {1, 2, 3, 4};
    f.write(mask);
    for (int i = 0; i < payload.length; i++) {
      f.write(payload[i] ^ mask[i % 4]);
    }
    out.write(f.toByteArray());
    out.flush();
  }

  /** The first byte of the next server frame's payload (an MQTT packet type), or -1 at the end. */
  int readPacketType() throws IOException {
    int b0 = in.read();
    if (b0 < 0) {
      return -1;
    }
    int len = in.read() & 0x7f;
    if (len == 126) {
      in.read();
      in.read();
    }
    return in.read();
  }

  /** MQTT 3.1.1 CONNECT, clean session, anonymous. */
  static byte[] connect(String clientId) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    v.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 4, 2, 0, 60});
    string(v, clientId);
    return packet(0x10, v.toByteArray());
  }

  /** MQTT 3.1.1 CONNECT, clean session, with a user name and password. */
  static byte[] connect(String clientId, String user, String password) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    v.writeBytes(new byte[] {0, 4, 'M', 'Q', 'T', 'T', 4, (byte) 0xC2, 0, 60});
    string(v, clientId);
    string(v, user);
    string(v, password);
    return packet(0x10, v.toByteArray());
  }

  /** The return code of the CONNACK that must come next (0 accepted, 4 or 5 refused). */
  int readConnackCode() throws IOException {
    int type = readPacketType();
    if (type != 0x20) {
      throw new IOException("expected a CONNACK, got packet type " + type);
    }
    in.read(); // remaining length (2)
    in.read(); // session present
    return in.read();
  }

  /** MQTT PUBLISH at QoS 0. */
  static byte[] publish(String topic, String payload) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    string(v, topic);
    v.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
    return packet(0x30, v.toByteArray());
  }

  private static void string(ByteArrayOutputStream v, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    v.write(b.length >> 8);
    v.write(b.length & 0xff);
    v.writeBytes(b);
  }

  private static byte[] packet(int type, byte[] body) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.write(type);
    p.write(body.length); // under 128 bytes here
    p.writeBytes(body);
    return p.toByteArray();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
