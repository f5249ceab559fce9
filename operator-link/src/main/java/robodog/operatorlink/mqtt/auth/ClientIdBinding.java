package robodog.operatorlink.mqtt.auth;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which principal (a user, or the anonymous loopback principal) owns each MQTT client id on the
 * embedded broker. The client id is the identity the operator link uses (the lease holder, the
 * {@code seq} rules), and it is shown to everyone in telemetry, so it must not be usable by anybody
 * else: the first principal that connects with an id owns it for the life of the broker process,
 * and a CONNECT with that id from another principal is refused (MQTT would otherwise let it take
 * the session over).
 *
 * <p>Client ids are 1-64 characters of letters, digits and {@code . _ - : @ |} (an empty id gets a
 * fresh random one from the broker); {@link #RESERVED} names the robot's own in-process identities
 * and are refused for every MQTT client, in any letter case.
 *
 * <p>Bounded: each principal owns at most {@link #PER_PRINCIPAL} ids; binding one more releases
 * that principal's oldest id (never another principal's). Thread-safe.
 */
public final class ClientIdBinding {
  /** Identities of in-process clients (ROS 2 bridge, autonomy, the robot's own publisher). */
  public static final Set<String> RESERVED = Set.of("ros2", "autonomy", "robodog");

  /** Client ids one principal may own at once. */
  public static final int PER_PRINCIPAL = 64;

  /** The principal of every anonymous client on a loopback bind. */
  public static final String ANONYMOUS = "anonymous@loopback";

  private static final String ID = "[A-Za-z0-9_.:@|-]{1,64}";

  private final Map<String, String> owner = new HashMap<>();
  private final Map<String, ArrayDeque<String>> owned = new HashMap<>();

  /**
   * Why {@code clientId} can never be used by an MQTT client, or null when it can. An empty id is
   * allowed (the broker generates one).
   */
  public static String unusable(String clientId) {
    if (clientId == null || clientId.isEmpty()) {
      return null;
    }
    if (!clientId.matches(ID)) {
      return "client id must be 1-64 letters, digits or . _ - : @ |";
    }
    if (RESERVED.contains(clientId.toLowerCase(Locale.ROOT))) {
      return "client id '" + clientId + "' is reserved for the robot";
    }
    return null;
  }

  /** The principal name for a user name (null: anonymous). */
  public static String principal(String user) {
    return user == null ? ANONYMOUS : "user:" + user;
  }

  /**
   * Binds {@code clientId} to {@code principal} unless another owns it.
   *
   * @return null when bound (or already this principal's), else why not
   */
  public synchronized String bind(String clientId, String principal) {
    if (clientId == null || clientId.isEmpty()) {
      return null;
    }
    String current = owner.get(clientId);
    if (current != null && current.equals(ANONYMOUS) && !principal.equals(ANONYMOUS)) {
      // A user logging in with an id first used anonymously on loopback (the tablet page
      // connects before its login): anonymous clients could take the lease anyway, so the user
      // takes the id over. The reverse is refused below.
      owned.get(ANONYMOUS).remove(clientId);
      owner.remove(clientId);
      current = null;
    }
    if (current != null) {
      return current.equals(principal)
          ? null
          : "client id '" + clientId + "' belongs to another user";
    }
    ArrayDeque<String> mine = owned.computeIfAbsent(principal, p -> new ArrayDeque<>());
    if (mine.size() >= PER_PRINCIPAL) {
      owner.remove(mine.removeFirst());
    }
    mine.addLast(clientId);
    owner.put(clientId, principal);
    return null;
  }

  /** Whether {@code clientId} is bound to {@code principal}. */
  public synchronized boolean owns(String clientId, String principal) {
    return principal.equals(owner.get(clientId));
  }

  /** Forgets every id of {@code principal} (a removed user) and returns them. */
  public synchronized java.util.List<String> release(String principal) {
    ArrayDeque<String> mine = owned.remove(principal);
    if (mine == null) {
      return java.util.List.of();
    }
    mine.forEach(owner::remove);
    return java.util.List.copyOf(mine);
  }
}
