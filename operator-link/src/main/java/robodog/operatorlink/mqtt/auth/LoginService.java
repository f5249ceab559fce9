package robodog.operatorlink.mqtt.auth;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decides every CONNECT to the embedded broker, off the broker's I/O threads: client id syntax and
 * reserved names, the per-address and per-user {@link LoginThrottle}, the password (PBKDF2, tens of
 * milliseconds) and the {@link ClientIdBinding}. The cheap checks run on the calling (I/O) thread
 * and answer at once; only a password check goes to the single {@code mqtt-login} thread, through a
 * queue of {@link #QUEUE} CONNECTs: when it is full, further CONNECTs are refused at once ("server
 * unavailable"). So a CONNECT flood costs the broker's I/O threads a map look-up per attempt, and
 * at most one core hashes.
 *
 * <p>An unknown user name is hashed against a dummy entry with the same iteration count, so it
 * takes as long to refuse as a wrong password for a known user.
 */
public final class LoginService implements AutoCloseable {
  /** CONNECTs waiting for a password check at most. */
  public static final int QUEUE = 32;

  /** The outcome of one CONNECT: accepted (with its principal) or refused with a code. */
  public record Verdict(MqttConnectReturnCode code, String principal, String reason) {
    public boolean accepted() {
      return code == MqttConnectReturnCode.CONNECTION_ACCEPTED;
    }
  }

  /** What the CONNECT said, and where from (the remote host address). */
  public record Request(String address, String clientId, String user, byte[] password) {}

  private static final String DUMMY_HASH = PasswordHash.hash("no such user".toCharArray());

  private final Supplier<CredentialStore> store;
  private final boolean anonymous;
  private final LoginThrottle throttle = new LoginThrottle();
  private final ClientIdBinding ids = new ClientIdBinding();
  private final ThreadPoolExecutor hasher =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(QUEUE),
          r -> {
            Thread t = new Thread(r, "mqtt-login");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY); // hashing never competes with the link
            return t;
          });

  /**
   * @param store the current users (re-read when the file changes)
   * @param anonymous whether clients without a user name are admitted (loopback bind)
   */
  public LoginService(Supplier<CredentialStore> store, boolean anonymous) {
    this.store = store;
    this.anonymous = anonymous;
  }

  /** Which principal owns which client id. */
  public ClientIdBinding ids() {
    return ids;
  }

  /** The failed-login records. */
  public LoginThrottle throttle() {
    return throttle;
  }

  /**
   * Decides {@code r}; {@code answer} is called exactly once, either now on the calling thread or
   * later on the {@code mqtt-login} thread.
   */
  public void check(Request r, Consumer<Verdict> answer) {
    String bad = ClientIdBinding.unusable(r.clientId());
    if (bad != null) {
      answer.accept(refuse(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED, bad));
      return;
    }
    if (r.user() == null) {
      if (!anonymous) {
        answer.accept(
            refuse(
                MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD,
                "user name and password required"));
        return;
      }
      answer.accept(bind(r.clientId(), ClientIdBinding.ANONYMOUS));
      return;
    }
    long now = System.nanoTime();
    String userKey = "user:" + r.user();
    String addressKey = "address:" + r.address();
    if (throttle.lockedFor(userKey, now) > 0 || throttle.lockedFor(addressKey, now) > 0) {
      answer.accept(
          refuse(
              MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD,
              "too many failed logins; try again later"));
      return;
    }
    try {
      hasher.execute(() -> answer.accept(verify(r, userKey, addressKey)));
    } catch (RejectedExecutionException full) {
      answer.accept(
          refuse(
              MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE,
              "too many logins at once"));
    }
  }

  private Verdict verify(Request r, String userKey, String addressKey) {
    CredentialStore.User u = store.get().user(r.user());
    char[] pw = r.password() == null ? new char[0] : PasswordHash.chars(r.password());
    boolean match = PasswordHash.verify(pw, u != null ? u.passwordHash() : DUMMY_HASH);
    long now = System.nanoTime();
    if (u == null || !match || r.password() == null) {
      throttle.failed(userKey, now);
      throttle.failed(addressKey, now);
      return refuse(
          MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD,
          "bad user name or password");
    }
    throttle.succeeded(userKey);
    throttle.succeeded(addressKey);
    return bind(r.clientId(), ClientIdBinding.principal(r.user()));
  }

  private Verdict bind(String clientId, String principal) {
    String taken = ids.bind(clientId, principal);
    return taken != null
        ? refuse(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED, taken)
        : new Verdict(MqttConnectReturnCode.CONNECTION_ACCEPTED, principal, "");
  }

  private static Verdict refuse(MqttConnectReturnCode code, String why) {
    return new Verdict(code, null, why);
  }

  @Override
  public void close() {
    hasher.shutdownNow();
  }
}
