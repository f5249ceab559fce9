package robodog.operatorlink.mqtt.ws;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which web pages may open the broker's MQTT-over-WebSocket listeners: a set of exact origins
 * ({@code scheme://host[:port]}, as a browser sends them in the {@code Origin} header of every
 * WebSocket upgrade). Without this check any page the operator's browser opens could connect to the
 * broker and, on a loopback bind where anonymous clients are operators, drive the robot.
 *
 * <ul>
 *   <li>An upgrade without an {@code Origin} header comes from a non-browser client (Paho, MQTT.js
 *       in Node, mosquitto): browsers always send one on a WebSocket upgrade, so its absence cannot
 *       be caused by a web page. Such clients are let through to the broker's own user and role
 *       rules.
 *   <li>{@code Origin: null} (sandboxed frames, {@code file:} and {@code data:} pages) is always
 *       refused: any site can produce it.
 *   <li>Names are compared literally after normalising case and default ports; a name is never
 *       resolved, so a DNS-rebinding page under another name is refused.
 * </ul>
 *
 * Immutable; any thread.
 */
public final class OriginPolicy {
  private static final Pattern ORIGIN =
      Pattern.compile(
          "(?i)(https?)://(\\[[0-9a-f:.]+\\]|[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?::(\\d{1,5}))?");

  private final Set<String> allowed;

  private OriginPolicy(Set<String> allowed) {
    this.allowed = Set.copyOf(allowed);
  }

  /** No browser page at all (non-browser clients only): the state until the page is served. */
  public static OriginPolicy none() {
    return new OriginPolicy(Set.of());
  }

  /**
   * These origins, each checked by {@link #normalize}.
   *
   * @throws IllegalArgumentException naming the first bad origin and what was expected
   */
  public static OriginPolicy of(Collection<String> origins) {
    Set<String> s = new LinkedHashSet<>();
    for (String o : origins) {
      s.add(normalize(o));
    }
    return new OriginPolicy(s);
  }

  /** This policy and {@code more}. */
  public OriginPolicy and(Collection<String> more) {
    Set<String> s = new LinkedHashSet<>(allowed);
    s.addAll(of(more).allowed);
    return new OriginPolicy(s);
  }

  /** The allowed origins, normalised. */
  public Set<String> allowed() {
    return allowed;
  }

  /**
   * Whether an upgrade carrying this {@code Origin} header may reach the broker.
   *
   * @param origin the header's value, or null when the request had none (a non-browser client)
   */
  public boolean allows(String origin) {
    if (origin == null) {
      return true;
    }
    try {
      return allowed.contains(normalize(origin));
    } catch (IllegalArgumentException e) {
      return false; // "null", a path, garbage: not a page we serve
    }
  }

  /**
   * The canonical form of an origin: lower-case scheme and host, no default port ({@code
   * http://Dog1.local:80} becomes {@code http://dog1.local}).
   *
   * @throws IllegalArgumentException for anything that is not {@code http(s)://host[:port]},
   *     including {@code *} and {@code null}, with the reason
   */
  public static String normalize(String origin) {
    String o = origin == null ? "" : origin.trim();
    if (o.equals("*")) {
      throw new IllegalArgumentException(
          "WebSocket origin '*': refused, it would let every web page drive the robot; name each"
              + " page's origin, e.g. http://dog1.local:8080");
    }
    if (o.equalsIgnoreCase("null")) {
      throw new IllegalArgumentException(
          "WebSocket origin 'null': refused, sandboxed frames and file: pages of any site send it;"
              + " serve the page over http(s) and name that origin");
    }
    Matcher m = ORIGIN.matcher(o);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "WebSocket origin '"
              + o
              + "': expected scheme://host[:port] with scheme http or https and no path, e.g."
              + " http://dog1.local:8080");
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    String host = m.group(2).toLowerCase(Locale.ROOT);
    String port = m.group(3);
    if (port != null) {
      int p = Integer.parseInt(port);
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException(
            "WebSocket origin '" + o + "': port " + p + " is outside 1..65535");
      }
      boolean standard = scheme.equals("http") ? p == 80 : p == 443;
      port = standard ? null : Integer.toString(p);
    }
    return scheme + "://" + host + (port == null ? "" : ":" + port);
  }

  @Override
  public String toString() {
    return allowed.isEmpty() ? "no browser page" : String.join(", ", allowed);
  }
}
