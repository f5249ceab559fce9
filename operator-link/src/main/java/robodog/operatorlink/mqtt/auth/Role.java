package robodog.operatorlink.mqtt.auth;

import java.util.Locale;

/**
 * What an MQTT user may do, by topic under {@code robodog/<robot_id>/}. Immutable; any thread.
 *
 * <ul>
 *   <li>{@code operator}: publish {@code cmd/*}, subscribe {@code state/*}.
 *   <li>{@code observer}: publish only {@code cmd/estop} (the robot acts on an engage from anyone
 *       but a release only from the lease holder, which an observer can never be, since it cannot
 *       publish {@code cmd/lease}); subscribe {@code state/*}.
 *   <li>{@code robot}: publish {@code state/*}, subscribe {@code cmd/*} and {@code state/*} (a
 *       robot process using this broker as its external broker).
 * </ul>
 *
 * Topics outside the robot's prefix are refused for every role.
 */
public enum Role {
  OPERATOR,
  OBSERVER,
  ROBOT;

  /** Parses {@code operator}, {@code observer} or {@code robot}; the message names the choices. */
  public static Role parse(String s) {
    for (Role r : values()) {
      if (r.name().equalsIgnoreCase(s)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + s + "': expected operator, observer or robot");
  }

  /** Lower-case name as written in the credentials file and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param suffix topic without the {@code robodog/<robot_id>/} prefix
   */
  public boolean mayPublish(String suffix) {
    switch (this) {
      case OPERATOR:
        return suffix.startsWith("cmd/") && isPlain(suffix);
      case OBSERVER:
        return suffix.equals("cmd/estop");
      default:
        return suffix.startsWith("state/") && isPlain(suffix);
    }
  }

  /**
   * @param filter subscription filter without the prefix (may contain {@code +} and {@code #})
   */
  public boolean maySubscribe(String filter) {
    boolean state = filter.equals("state/#") || filter.startsWith("state/") && isPlain(filter);
    boolean cmd = filter.equals("cmd/#") || filter.startsWith("cmd/") && isPlain(filter);
    return state || this == ROBOT && cmd;
  }

  /** One level below cmd/ or state/, no wildcards: anything else is nobody's business. */
  private static boolean isPlain(String suffix) {
    int slash = suffix.indexOf('/');
    String rest = suffix.substring(slash + 1);
    return !rest.isEmpty()
        && rest.indexOf('/') < 0
        && rest.indexOf('+') < 0
        && rest.indexOf('#') < 0;
  }
}
