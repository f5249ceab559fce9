package robodog.operatorlink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile and malformed operator messages, none of which may move the robot: bad JSON, wrong types,
 * NaN/Infinity, huge numbers, out-of-range values, deep nesting, unknown fields, huge payloads,
 * replayed seq, wrong topics. Fixed seed: the same corpus every run. In main code because {@code
 * ./robodog bench link --fuzz N} pushes it through the broker while it times the control loop; the
 * fuzz tests use it too. Any thread; every call builds a new list.
 */
public final class FuzzCorpus {
  /** One message: topic under the prefix and payload. */
  public record Message(String topic, byte[] payload) {}

  private static final String[] TOPICS = {
    "cmd/velocity", "cmd/mode", "cmd/lease", "cmd/heartbeat", "cmd/estop"
  };

  private FuzzCorpus() {}

  /**
   * @param n messages
   * @param maxBytes largest payload (the embedded broker drops a connection sending over 8 KiB)
   * @param seqFloor every seq used is at most this (the holder's last seq), so a well-formed
   *     message is still refused as a replay
   */
  public static List<Message> generate(int n, int maxBytes, long seqFloor, long seed) {
    Random r = new Random(seed);
    List<Message> out = new ArrayList<>(n);
    while (out.size() < n) {
      String topic = TOPICS[r.nextInt(TOPICS.length)];
      String body;
      long seq = r.nextInt((int) seqFloor + 1);
      switch (r.nextInt(16)) {
        case 0 -> body = "{\"seq\":" + (seqFloor + 1) + ",\"vx\":" + garbageNumber(r) + "}";
        case 1 -> body = "{\"seq\":\"" + seq + "\"}";
        case 2 -> body = "[1,2,3]";
        case 3 -> body = "{\"seq\":" + (seqFloor + 1) + ",\"mode\":\"" + word(r) + "\"}";
        case 4 -> body = "{".repeat(1 + r.nextInt(200));
        case 5 -> body = "{\"a\":".repeat(5 + r.nextInt(50)) + "1" + "}".repeat(5);
        case 6 -> body = "{\"seq\":" + (seqFloor + 1) + ",\"" + word(r) + "\":1}";
        case 7 -> body = "x".repeat(Math.min(maxBytes, 4097 + r.nextInt(Math.max(1, maxBytes))));
        case 8 -> body = "";
        case 9 ->
            body = "{\"seq\":" + seq + ",\"vx\":0.1,\"action\":\"acquire\",\"mode\":\"walk\"}";
        case 10 -> body = "{\"seq\":" + (seqFloor + 1) + ",\"engage\":\"" + word(r) + "\"}";
        case 11 -> {
          topic = "cmd/" + word(r);
          body = "{\"seq\":" + (seqFloor + 1) + "}";
        }
        case 12 ->
            body =
                "{\"seq\":"
                    + (seqFloor + 1)
                    + ",\"ttl_ms\":"
                    + (r.nextBoolean() ? 0 : 100000)
                    + "}";
        case 13 -> body = "{\"seq\":-" + (1 + r.nextInt(1000)) + ",\"action\":\"take\"}";
        case 14 -> body = randomBytes(r, 1 + r.nextInt(200));
        default ->
            body =
                "{\"seq\":1e" + (20 + r.nextInt(400)) + ",\"yaw_rate\":" + garbageNumber(r) + "}";
      }
      if (topic.equals("cmd/estop") && body.contains("\"engage\":true")) {
        continue; // a valid engage is always obeyed: it is not hostile
      }
      out.add(new Message(topic, body.getBytes(StandardCharsets.ISO_8859_1)));
    }
    return out;
  }

  private static String garbageNumber(Random r) {
    String[] g = {
      "NaN",
      "Infinity",
      "-Infinity",
      "1e400",
      "18446744073709551616",
      "1.5",
      "-7",
      "\"1\"",
      "null",
      "true",
      "[0.1]",
      "{\"v\":1}",
      "0x10",
      "1e-400e2"
    };
    return g[r.nextInt(g.length)];
  }

  private static String word(Random r) {
    String[] w = {
      "run", "fly", "WALK", "", "sit ", "acquire\u0000", "\u202e", "é", "a".repeat(300)
    };
    return w[r.nextInt(w.length)];
  }

  private static String randomBytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return new String(b, StandardCharsets.ISO_8859_1);
  }
}
