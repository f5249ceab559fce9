package robodog.app.robot;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A clean stop on SIGTERM (systemd's stop, Ctrl-C): the JVM's shutdown hook asks the running
 * command to stop and waits, up to {@link #GRACE_SECONDS}, until it has written its report, turned
 * the servos off and said {@code state/status} offline. Without this the JVM would exit mid-tick
 * with the servos holding their last targets and the report lost.
 *
 * <p>Threading: {@link #requested} from any thread; {@link #finished} once, from the command's
 * thread, when everything is stopped.
 */
public final class Shutdown {
  /** How long SIGTERM waits for the clean stop before the JVM exits anyway, s. */
  public static final int GRACE_SECONDS = 15;

  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean requested;

  private Shutdown() {
    hook =
        new Thread(
            () -> {
              requested = true;
              try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "robodog-shutdown");
  }

  /** Installs the hook; call {@link #finished} when the command has stopped. */
  public static Shutdown install() {
    Shutdown s = new Shutdown();
    Runtime.getRuntime().addShutdownHook(s.hook);
    return s;
  }

  /** True once the JVM is shutting down (SIGTERM, SIGINT). */
  public boolean requested() {
    return requested;
  }

  /** Everything is stopped: lets a pending shutdown go on, and removes the hook otherwise. */
  public void finished() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already shutting down: the hook is running and has just been released.
    }
  }
}
