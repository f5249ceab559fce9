package robodog.operatorlink.tablet;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The origins a browser sends ({@code Origin: scheme://host[:port]}) when it shows the tablet page,
 * for every name the page server is reachable by: the names a person can type into the tablet's
 * address bar and reach this bind address with. Host names are taken literally and never resolved
 * at check time (a DNS-rebinding page under another name stays refused).
 *
 * <ul>
 *   <li>a loopback bind: {@code localhost} and the bind address ({@code 127.0.0.1} or {@code
 *       [::1]});
 *   <li>a specific address: that address, plus the machine's host name and {@code <name>.local}
 *       (mDNS), which the crew may use for it;
 *   <li>the wildcard ({@code 0.0.0.0}, {@code ::}): the loopback names and every address of every
 *       interface that is up, plus the host names.
 * </ul>
 *
 * The default port of the scheme is left out, as browsers do. Start-up thread.
 */
public final class PageOrigins {
  private PageOrigins() {}

  /**
   * @param scheme {@code http} or {@code https}
   * @param bindHost the page server's bind address
   * @param port its port
   */
  public static List<String> of(String scheme, String bindHost, int port) {
    Set<String> hosts = new LinkedHashSet<>();
    InetAddress bind;
    try {
      bind = InetAddress.getByName(bindHost);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("page bind address '" + bindHost + "' does not resolve");
    }
    if (bind.isLoopbackAddress()) {
      hosts.add("localhost");
      hosts.add(literal(bind.getHostAddress()));
    } else if (bind.isAnyLocalAddress()) {
      hosts.add("localhost");
      hosts.add("127.0.0.1");
      hosts.add("[::1]");
      try {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          if (ni.isUp()) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
              hosts.add(literal(a.getHostAddress()));
            }
          }
        }
      } catch (SocketException e) {
        // No interface list: the loopback names and host names still work.
      }
      hostNames(hosts);
    } else {
      hosts.add(literal(bind.getHostAddress()));
      hostNames(hosts);
    }
    boolean standard = scheme.equals("http") ? port == 80 : port == 443;
    List<String> out = new java.util.ArrayList<>();
    for (String h : hosts) {
      out.add(scheme + "://" + h + (standard ? "" : ":" + port));
    }
    return out;
  }

  /** An address as it appears in a URL: IPv6 in brackets, without a zone. */
  static String literal(String address) {
    if (address.contains(":") && !address.startsWith("[")) {
      int zone = address.indexOf('%');
      String a = zone >= 0 ? address.substring(0, zone) : address;
      try {
        a = InetAddress.getByName(a).getHostAddress(); // canonical form
        if (InetAddress.getByName(a) instanceof Inet6Address) {
          a = compress(a);
        }
      } catch (UnknownHostException e) {
        // keep as given
      }
      return "[" + a.toLowerCase(Locale.ROOT) + "]";
    }
    return address.toLowerCase(Locale.ROOT);
  }

  /** The machine's host name, its fully qualified name and its mDNS name. */
  private static void hostNames(Set<String> hosts) {
    try {
      InetAddress local = InetAddress.getLocalHost();
      for (String n : new String[] {local.getHostName(), local.getCanonicalHostName()}) {
        if (n != null && n.matches("[A-Za-z0-9.-]{1,253}") && !n.matches("[0-9.]+")) {
          String name = n.toLowerCase(Locale.ROOT);
          hosts.add(name);
          if (!name.contains(".")) {
            hosts.add(name + ".local");
          }
        }
      }
    } catch (UnknownHostException e) {
      // No host name: addresses only.
    }
  }

  /** RFC 5952 form of an expanded IPv6 address as Java prints it (0:0:0:0:0:0:0:1 is ::1). */
  private static String compress(String a) {
    String[] parts = a.split(":");
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < parts.length; ) {
      if (parts[i].equals("0")) {
        int j = i;
        while (j < parts.length && parts[j].equals("0")) {
          j++;
        }
        if (j - i > bestLen && j - i > 1) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    if (bestStart < 0) {
      return a;
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(parts, 0, bestStart));
    String tail = String.join(":", java.util.Arrays.copyOfRange(parts, bestStart + bestLen, 8));
    return head + "::" + tail;
  }
}
