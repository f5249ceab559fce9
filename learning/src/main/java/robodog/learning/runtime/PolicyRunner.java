package robodog.learning.runtime;

import java.io.IOException;
import java.nio.file.Path;
import robodog.core.GaitSetting;
import robodog.core.Mailbox;
import robodog.core.Telemetry;
import robodog.learning.rl.PolicyFile;

/**
 * Runs the terrain policy off the control thread: samples telemetry from its own mailbox, and at
 * the decision rate turns the window into an observation, asks the policy, checks the answer and
 * posts gait settings into the controller's advisor mailbox.
 *
 * <p>Safety: a missing or unreadable model, an answer that is NaN or far out of range, or an
 * inference slower than its budget never reaches the controller. The last safe setting stays in
 * force (before the first good answer: the operator's own settings) and the status says why ({@link
 * GaitSetting.Status}, shown in telemetry as {@code gaitAdvisor}). The operator switch {@link
 * #setEnabled} hands control back to the operator's settings at the next decision.
 *
 * <p>Threading: {@link #sample} and {@link #decide} on the runner thread only (the one {@link
 * #start} makes, or the caller's in lock-step simulation); {@link #setEnabled}, {@link #status} and
 * {@link #message} from any thread.
 */
public final class PolicyRunner implements AutoCloseable {
  /** The policy function: observation in, action out. */
  @FunctionalInterface
  public interface Policy {
    void forward(double[] observation, double[] action);
  }

  private final Policy policy;
  private final Mailbox<Telemetry> telemetry;
  private final Mailbox<GaitSetting> advice;
  private final TerrainActions actions;
  private final TerrainFeatures features;
  private final long budgetNanos;
  private final double[] obs;
  private final double[] act;
  private final GaitSetting safe = new GaitSetting();
  private final GaitSetting post = new GaitSetting();
  private volatile boolean enabled = true;
  private volatile GaitSetting.Status status;
  private volatile String message;
  private long lastStamp = Long.MIN_VALUE;
  private long decisions;
  private long fallbacks;
  private Thread thread;

  /**
   * @param policy the policy, or null when none could be loaded ({@code problem} says why)
   * @param problem why there is no policy (null when there is one)
   * @param telemetry telemetry mailbox this runner alone consumes
   * @param advice the controller's gait-advisor mailbox
   * @param actions action codec
   * @param features observation builder
   * @param budgetNanos inference time allowed per decision
   */
  public PolicyRunner(
      Policy policy,
      String problem,
      Mailbox<Telemetry> telemetry,
      Mailbox<GaitSetting> advice,
      TerrainActions actions,
      TerrainFeatures features,
      long budgetNanos) {
    this.policy = policy;
    this.telemetry = telemetry;
    this.advice = advice;
    this.actions = actions;
    this.features = features;
    this.budgetNanos = budgetNanos;
    obs = new double[features.size()];
    act = new double[actions.size()];
    safe.active = false;
    status = policy == null ? GaitSetting.Status.NO_MODEL : GaitSetting.Status.OK;
    message = policy == null ? problem : "policy loaded";
  }

  /**
   * A runner for the policy in {@code file}. A missing, corrupt or mismatched file gives a runner
   * in state {@link GaitSetting.Status#NO_MODEL} whose {@link #message} names the problem; it never
   * throws for a bad file.
   */
  public static PolicyRunner fromFile(
      Path file,
      Mailbox<Telemetry> telemetry,
      Mailbox<GaitSetting> advice,
      TerrainActions actions,
      TerrainFeatures features,
      long budgetNanos) {
    Policy p = null;
    String problem = null;
    try {
      PolicyFile.Loaded l = PolicyFile.load(file);
      if (l.policy().inputSize() != features.size() || l.policy().outputSize() != actions.size()) {
        problem =
            file
                + ": policy has "
                + l.policy().inputSize()
                + " inputs and "
                + l.policy().outputSize()
                + " outputs, expected "
                + features.size()
                + " and "
                + actions.size()
                + " (trained for a different gait table?)";
      } else {
        p = l.policy()::forward;
      }
    } catch (IOException e) {
      problem = e.getMessage();
    }
    return new PolicyRunner(p, problem, telemetry, advice, actions, features, budgetNanos);
  }

  private int lastGaitIndex;

  /** Takes the newest telemetry sample into the current window (runner thread). */
  public void sample() {
    Telemetry t = telemetry.poll();
    if (t != null && t.stampNanos != lastStamp) {
      lastStamp = t.stampNanos;
      lastGaitIndex = t.gaitIndex;
      features.add(t);
    }
  }

  /** The gait row of the newest telemetry sample (runner thread); 0 before the first. */
  public int lastSampleGaitIndex() {
    return lastGaitIndex;
  }

  /** One decision (runner thread): posts settings and returns the status. */
  public GaitSetting.Status decide() {
    if (policy == null) {
      publish(GaitSetting.Status.NO_MODEL);
      return status;
    }
    if (!enabled) {
      features.reset();
      safe.active = false;
      publish(GaitSetting.Status.DISABLED);
      message = "switched off by the operator";
      return status;
    }
    if (features.samples() == 0) {
      return status; // no telemetry yet: nothing to decide on
    }
    features.observe(safe, obs);
    long t0 = System.nanoTime();
    policy.forward(obs, act);
    long dt = System.nanoTime() - t0;
    decisions++;
    if (dt > budgetNanos) {
      fallbacks++;
      message = "inference took " + dt / 1000 + " us, budget " + budgetNanos / 1000 + " us";
      publish(GaitSetting.Status.SLOW);
    } else if (!actions.valid(act)) {
      fallbacks++;
      message = "policy output NaN or out of range; keeping the last safe setting";
      publish(GaitSetting.Status.BAD_OUTPUT);
    } else {
      actions.decode(act, safe);
      message = "ok";
      publish(GaitSetting.Status.OK);
    }
    return status;
  }

  private void publish(GaitSetting.Status s) {
    post.copyFrom(safe);
    post.status = s;
    status = s;
    advice.offer(post);
  }

  /**
   * Starts the runner thread: samples at {@code sampleHz} and decides at {@code decisionHz}, both
   * on the wall clock (daemon thread, stopped by {@link #close}).
   */
  public synchronized void start(double sampleHz, double decisionHz) {
    long samplePeriod = Math.round(1e9 / sampleHz);
    long decisionPeriod = Math.round(1e9 / decisionHz);
    thread =
        new Thread(
            () -> {
              long next = System.nanoTime();
              long nextDecision = next + decisionPeriod;
              while (!Thread.currentThread().isInterrupted()) {
                sample();
                long now = System.nanoTime();
                if (now >= nextDecision) {
                  decide();
                  nextDecision += decisionPeriod;
                }
                next += samplePeriod;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                  try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                  } catch (InterruptedException e) {
                    return;
                  }
                } else {
                  next = System.nanoTime();
                }
              }
            },
            "policy-runner");
    thread.setDaemon(true);
    thread.start();
  }

  /** Operator switch: false hands gait settings back to the operator (any thread). */
  public void setEnabled(boolean on) {
    enabled = on;
  }

  /** Latest status (any thread). */
  public GaitSetting.Status status() {
    return status;
  }

  /** Human-readable reason for the latest status (any thread). */
  public String message() {
    return message;
  }

  /** Decisions taken and how many of them fell back to the last safe setting. */
  public long decisions() {
    return decisions;
  }

  public long fallbacks() {
    return fallbacks;
  }

  @Override
  public synchronized void close() throws InterruptedException {
    if (thread != null) {
      thread.interrupt();
      thread.join(1000);
      thread = null;
    }
  }
}
