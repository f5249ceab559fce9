package robodog.operatorlink.mqtt.auth;

import io.moquette.broker.Server;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who may connect to the embedded broker and what they may do: Mosquitto 2's rule, secure by
 * default. A listener bound to a loopback address (anything in 127.0.0.0/8 or ::1: only processes
 * on this machine can reach it) admits anonymous clients, with the {@code operator} role. Any other
 * bind address (including 0.0.0.0) requires a user name and password from the {@link
 * CredentialStore}; each user has a {@link Role}. Enforced by this project's own Moquette
 * authenticator and authorizer, not Moquette's ACL file (which mis-parses a trailing {@code #}).
 *
 * <p>Every refused publish is dropped by Moquette (not delivered, not seen by the interceptor, so
 * not acted on) and counted here. Note that Moquette 0.17 sends no PUBACK for a refused QoS 1
 * publish (MQTT 3.1.1 has no way to say no), so the sender's publish times out.
 *
 * <p>Immutable configuration plus an atomic counter; Moquette's threads call the policies.
 */
public final class BrokerSecurity {
  /**
   * TLS listeners with one PKCS12 keystore (the broker's key and certificate): MQTT over TLS on
   * {@code port} and, unless {@code webSocketPort} is -1, MQTT over secure WebSockets ({@code
   * wss://host:webSocketPort/mqtt}) for the tablet page. Ports: 0 picks a free one.
   */
  public record Tls(Path keystore, char[] password, int port, int webSocketPort) {
    /** MQTT over TLS only, no secure WebSocket listener. */
    public Tls(Path keystore, char[] password, int port) {
      this(keystore, password, port, -1);
    }

    public Tls {
      if (!Files.isReadable(keystore)) {
        throw new IllegalArgumentException(
            "TLS keystore " + keystore + " is not a readable file (expected a PKCS12 keystore)");
      }
      if (password == null || password.length == 0) {
        throw new IllegalArgumentException("TLS keystore password: expected a non-empty password");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("TLS port must be 0..65535, got " + port);
      }
      if (webSocketPort < -1 || webSocketPort > 65535) {
        throw new IllegalArgumentException(
            "secure WebSocket port must be 0..65535 (or -1 for none), got " + webSocketPort);
      }
      port = port == 0 ? freePort() : port; // Moquette would not tell us the port it picked
      webSocketPort = webSocketPort == 0 ? freePort() : webSocketPort;
    }

    private static int freePort() {
      try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
        return s.getLocalPort();
      } catch (java.io.IOException e) {
        throw new IllegalStateException("no free TCP port for TLS", e);
      }
    }
  }

  private final String bindHost;
  private final boolean anonymous;
  private volatile CredentialStore store;
  private final LoginService logins;
  private CredentialsReload reload;
  private final Tls tls;
  private final AtomicLong refused = new AtomicLong();
  private volatile java.util.function.Consumer<String> refusals = s -> {};
  private volatile PublishRateLimit limit = PublishRateLimit.standard();

  /**
   * E-stops have a bucket of their own: a client that used up its general allowance can still stop
   * the robot, and a flood of (malformed) E-stops is limited too.
   */
  private volatile PublishRateLimit estopLimit = new PublishRateLimit(20, 40);

  /**
   * @param bindHost address the listeners bind to
   * @param store users; may be null only for a loopback bind (then only anonymous clients)
   * @param tls TLS listener, or null for none
   */
  public BrokerSecurity(String bindHost, CredentialStore store, Tls tls) {
    this.bindHost = bindHost;
    this.anonymous = isLoopback(bindHost);
    if (!anonymous && store == null) {
      throw new IllegalArgumentException(
          "listening on "
              + bindHost
              + " (not loopback) needs a credentials file: anonymous clients are only allowed on"
              + " 127.0.0.1");
    }
    this.store = store == null ? CredentialStore.empty() : store;
    this.logins = new LoginService(() -> this.store, anonymous);
    this.tls = tls;
  }

  /** Loopback only, anonymous clients, no TLS: the default for a robot on the bench. */
  public static BrokerSecurity loopback() {
    return new BrokerSecurity("127.0.0.1", null, null);
  }

  /** True for 127.0.0.0/8 and ::1; false for wildcard and every other address. */
  public static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("bind address '" + host + "' does not resolve");
    }
  }

  /** Whether clients without credentials are admitted (loopback bind). */
  public boolean anonymousAllowed() {
    return anonymous;
  }

  /** The bind address. */
  public String bindHost() {
    return bindHost;
  }

  /** The TLS listener, or null. */
  public Tls tls() {
    return tls;
  }

  /** Publishes refused by role or by the publish limit since start. Any thread. */
  public long refusedPublishes() {
    return refused.get();
  }

  /** Receives one sentence per refused publish (the broker publishes it on {@code state/error}). */
  public void onRefused(java.util.function.Consumer<String> listener) {
    refusals = listener;
  }

  /**
   * Replaces the per-client publish limit ({@link PublishRateLimit#standard()} by default).
   * Start-up thread, before the broker starts.
   */
  public BrokerSecurity publishLimit(PublishRateLimit l) {
    limit = l;
    return this;
  }

  /** As {@link #publishLimit(PublishRateLimit)}, also replacing the E-stop bucket (20/s). */
  public BrokerSecurity publishLimit(PublishRateLimit l, PublishRateLimit estops) {
    limit = l;
    estopLimit = estops;
    return this;
  }

  /** Sets host, anonymity and TLS properties of the Moquette configuration. */
  public void configure(Properties p) {
    p.setProperty("host", bindHost);
    p.setProperty("allow_anonymous", Boolean.toString(anonymous));
    if (tls != null) {
      p.setProperty("ssl_port", Integer.toString(tls.port()));
      if (tls.webSocketPort() > 0) {
        // Moquette 0.17: the same SSL context as ssl_port, the path of websocket_path (/mqtt).
        p.setProperty("secure_websocket_port", Integer.toString(tls.webSocketPort()));
      }
      p.setProperty("jks_path", tls.keystore().toAbsolutePath().toString());
      p.setProperty("key_store_type", "pkcs12");
      p.setProperty("key_store_password", new String(tls.password()));
      p.setProperty("key_manager_password", new String(tls.password()));
    }
  }

  /**
   * Moquette's authenticator: only looks up the verdict the {@link ConnectGate} of this connection
   * reached off the I/O thread ({@link LoginService}); a CONNECT that did not pass a gate is
   * refused.
   */
  public IAuthenticator authenticator() {
    return (clientId, username, password) -> ConnectGate.admittedHere(username);
  }

  /** The login decisions: client id ownership and the failed-login throttle. */
  public LoginService logins() {
    return logins;
  }

  /**
   * Puts the login gate into every listener of the started {@code server}. Start-up thread, right
   * after {@code startServer}.
   *
   * @param estopTopic the full {@code cmd/estop} topic
   * @param estops receives every admitted client's E-stop payload on the I/O thread
   */
  public void installGate(Server server, String estopTopic, ConnectGate.EstopSink estops) {
    // Moquette listens on TCP and, with TLS, on TLS only: the WebSocket listeners are the robot's
    // own Origin-checking relays into the TCP listener, so their connections pass the gate there.
    int listeners = 1 + (tls != null ? 1 : 0);
    GateInstaller.install(server, listeners, () -> new ConnectGate(logins, estopTopic, estops));
  }

  /**
   * Re-reads {@code file} when it changes (checked every second): a new password or role applies to
   * the next CONNECT or publish, and every connection of a removed user is dropped through {@code
   * disconnect} (called with each of its client ids). A file that does not load keeps the users as
   * they were and is reported through {@link #onRefused}'s listener. Start-up thread.
   */
  public void reloadFrom(Path file, java.util.function.Consumer<String> disconnect) {
    reload = new CredentialsReload(file, this::replaceStore, disconnect, s -> refusals.accept(s));
  }

  private java.util.List<String> replaceStore(CredentialStore next) {
    java.util.Set<String> gone = new java.util.TreeSet<>(store.roles().keySet());
    gone.removeAll(next.roles().keySet());
    store = next;
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (String user : gone) {
      ids.addAll(logins.ids().release(ClientIdBinding.principal(user)));
    }
    return ids;
  }

  /** Stops the credentials watcher and the login thread. */
  public void close() {
    if (reload != null) {
      reload.close();
    }
    logins.close();
  }

  /**
   * Topic rules by role under {@code prefix} (e.g. {@code robodog/dog1/}).
   *
   * @param prefix the robot's topic prefix, ending in '/'
   */
  public IAuthorizatorPolicy authorizer(String prefix) {
    return new IAuthorizatorPolicy() {
      @Override
      public boolean canWrite(Topic topic, String user, String client) {
        Role r = role(user);
        String t = topic.toString();
        boolean ok =
            r != null
                && t.startsWith(prefix)
                && r.mayPublish(t.substring(prefix.length()))
                && !ownedByAnother(client, user);
        if (ok) {
          PublishRateLimit l = t.equals(prefix + "cmd/estop") ? estopLimit : limit;
          long over = l.take(client, System.nanoTime());
          if (over != 0) {
            refused.incrementAndGet();
            if (over > 0) {
              refusals.accept(
                  t.substring(prefix.length())
                      + ": refused: client '"
                      + client
                      + "' is over its "
                      + Math.round(l.perSecond())
                      + " messages/s publish limit ("
                      + over
                      + " dropped since the last notice); nothing delivered");
            }
            return false;
          }
        }
        if (!ok) {
          refused.incrementAndGet();
          refusals.accept(
              (t.startsWith(prefix) ? t.substring(prefix.length()) : t)
                  + ": refused: "
                  + (user == null ? "anonymous" : "user '" + user + "'")
                  + (r == null ? "" : " (role " + r.label() + ")")
                  + " may not publish here; nothing delivered");
        }
        return ok;
      }

      @Override
      public boolean canRead(Topic topic, String user, String client) {
        Role r = role(user);
        String t = topic.toString();
        return r != null && t.startsWith(prefix) && r.maySubscribe(t.substring(prefix.length()));
      }
    };
  }

  private Role role(String user) {
    if (user == null) {
      return anonymous ? Role.OPERATOR : null;
    }
    CredentialStore.User u = store.user(user);
    return u == null ? null : u.role();
  }

  /** A session whose id another principal owns (cannot pass the gate; checked again here). */
  private boolean ownedByAnother(String client, String user) {
    String principal = ClientIdBinding.principal(user);
    return client != null
        && !client.isEmpty()
        && !logins.ids().owns(client, principal)
        && logins.ids().bind(client, principal) != null;
  }
}
