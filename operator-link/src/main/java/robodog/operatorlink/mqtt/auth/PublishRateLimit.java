package robodog.operatorlink.mqtt.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per MQTT client id on the embedded broker: each client may publish {@code
 * perSecond} messages a second on average, in bursts of up to {@code burst}. Moquette 0.17 hands
 * every accepted publish to one interceptor thread through an unbounded queue, so without a limit
 * one authenticated client flooding at 5,000 messages a second held everyone else's commands back
 * past the 500 ms watchdog (measured with {@code ./robodog bench link --fuzz}); refused here, in
 * the authorizer, a flood never reaches that queue. A tablet sends about 20 messages a second.
 * E-stops are counted in a bucket of their own (see {@code BrokerSecurity}), so a client over its
 * allowance can still stop the robot.
 *
 * <p>Called from Moquette's session threads; one bucket is only ever contended by its own client.
 */
public final class PublishRateLimit {
  /** The default average rate per client, messages per second. */
  public static final double DEFAULT_PER_SECOND = 200;

  private final double perSecond;
  private final double burst;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param perSecond average messages a second per client, &gt; 0
   * @param burst messages a client may send at once, &ge; 1
   */
  public PublishRateLimit(double perSecond, double burst) {
    if (!(perSecond > 0) || !(burst >= 1)) {
      throw new IllegalArgumentException(
          "publish limit: expected a rate > 0 per second and a burst >= 1, got "
              + perSecond
              + " and "
              + burst);
    }
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** {@link #DEFAULT_PER_SECOND}, bursts of two seconds' worth. */
  public static PublishRateLimit standard() {
    return new PublishRateLimit(DEFAULT_PER_SECOND, 2 * DEFAULT_PER_SECOND);
  }

  /** The average rate, messages per second. */
  public double perSecond() {
    return perSecond;
  }

  /**
   * Takes one token for {@code client} at {@code nowNanos}.
   *
   * @return 0 when the publish may go; otherwise -1, or, at most once a second per client, the
   *     number of publishes refused since the last report (so the caller can say so once instead of
   *     answering every message of a flood)
   */
  public long take(String client, long nowNanos) {
    if (buckets.size() >= MAX_CLIENTS && !buckets.containsKey(client == null ? "" : client)) {
      // A bucket idle long enough to be full again says nothing: dropping it changes no answer.
      long full = (long) (burst / perSecond * 1e9);
      buckets.values().removeIf(b -> b.idleSince(nowNanos) > full);
    }
    return buckets
        .computeIfAbsent(client == null ? "" : client, k -> new Bucket(nowNanos))
        .take(nowNanos);
  }

  /** Clients above which idle buckets are dropped (they would be full anyway). */
  public static final int MAX_CLIENTS = 4096;

  /** Buckets held now. */
  public int clients() {
    return buckets.size();
  }

  private final class Bucket {
    synchronized long idleSince(long now) {
      return now - last;
    }

    private double tokens = burst;
    private long last;
    private long refused;
    private long lastReport;

    Bucket(long nowNanos) {
      last = nowNanos;
      lastReport = nowNanos - 1_000_000_000L;
    }

    synchronized long take(long now) {
      tokens = Math.min(burst, tokens + (now - last) * 1e-9 * perSecond);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      refused++;
      if (now - lastReport >= 1_000_000_000L) {
        lastReport = now;
        long n = refused;
        refused = 0;
        return n;
      }
      return -1;
    }
  }
}
