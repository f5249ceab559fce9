package robodog.operatorlink.mqtt.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed MQTT logins counted per key (a remote address, a user name): after {@link #FREE_FAILURES}
 * failures in a row, every further attempt on that key is refused at once, without hashing, for a
 * back-off that starts at {@link #FIRST_BACKOFF_NANOS} and doubles with each failure up to {@link
 * #MAX_BACKOFF_NANOS}. A success clears the key. Refused attempts during the back-off do not
 * lengthen it, so a legitimate client that retries after the back-off gets a real try.
 *
 * <p>At most {@link #MAX_KEYS} keys are remembered (least recently failed first out): a flood from
 * more addresses than that loses the oldest records, which only gives those addresses their free
 * failures back. Thread-safe (one lock; every operation is a map look-up).
 */
public final class LoginThrottle {
  /** Failures allowed before the back-off starts. */
  public static final int FREE_FAILURES = 3;

  /**
   * First back-off, ns (5 s): longer than a client's own turnaround after a refusal (Paho takes
   * about a second to report one), so a script retrying at once meets the lock.
   */
  public static final long FIRST_BACKOFF_NANOS = 5_000_000_000L;

  /** Longest back-off, ns (60 s). */
  public static final long MAX_BACKOFF_NANOS = 60_000_000_000L;

  /** Keys remembered at most. */
  public static final int MAX_KEYS = 4096;

  private static final class Record {
    int failures;
    long lockedUntil;
  }

  private final Map<String, Record> records =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Record> e) {
          return size() > MAX_KEYS;
        }
      };

  /** Nanoseconds left in {@code key}'s back-off at {@code now}, or 0 when it may try. */
  public synchronized long lockedFor(String key, long now) {
    Record r = records.get(key);
    return r == null || now - r.lockedUntil >= 0 ? 0 : r.lockedUntil - now;
  }

  /** Records a failed attempt (a wrong password, or a user that does not exist). */
  public synchronized void failed(String key, long now) {
    Record r = records.computeIfAbsent(key, k -> new Record());
    r.failures++;
    if (r.failures >= FREE_FAILURES) {
      int doublings = Math.min(r.failures - FREE_FAILURES, 4); // 5 s * 2^4 = 80 s, capped below
      r.lockedUntil = now + Math.min(MAX_BACKOFF_NANOS, FIRST_BACKOFF_NANOS << doublings);
    }
  }

  /** Clears {@code key} after a successful login. */
  public synchronized void succeeded(String key) {
    records.remove(key);
  }

  /** Keys remembered now (bounded by {@link #MAX_KEYS}). */
  public synchronized int size() {
    return records.size();
  }
}
