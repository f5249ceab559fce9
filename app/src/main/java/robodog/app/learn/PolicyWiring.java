package robodog.app.learn;

import java.nio.file.Path;
import java.util.Locale;
import robodog.core.GaitSetting;
import robodog.core.Mailbox;
import robodog.core.Telemetry;
import robodog.learning.runtime.PolicyRunner;
import robodog.learning.runtime.TerrainActions;
import robodog.learning.runtime.TerrainFeatures;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;

/**
 * The learned terrain policy wired beside a controller, as {@code sim} (headless and realtime) and
 * {@code run} use it: the policy's own telemetry mailbox in (the controller feeds it every tick),
 * the gait-advisor mailbox out, the operator switch, and one line for the console.
 *
 * <p>A missing, corrupt or mismatched model never throws: the runner starts in {@link
 * GaitSetting.Status#NO_MODEL}, posts an inactive setting, and the controller walks without it (the
 * command's gait, or the terrain selector's); {@link #describe} says which file and what was
 * expected. What the controller lays of a loaded policy's advice is bounded there, not here: never
 * faster than commanded, never over an explicit gait, only inside the terrain selector's safe set
 * ({@code robodog.locomotion.terrain.AdvisorBounds}).
 *
 * <p>The runner samples telemetry at {@value #SAMPLE_HZ} Hz and decides at {@link
 * TerrainActions#DECISION_HZ} Hz as two side jobs of the robot ({@link #addJobs}): on their own
 * thread in real time, in lock step with simulated time headless; the policy never knows which.
 * Threading: {@link #setEnabled}, {@link #reason}, {@link #status} from any thread; {@link #attach}
 * and {@link #addJobs} from the start-up thread; the jobs from the one thread that runs them.
 */
public final class PolicyWiring implements AutoCloseable {
  /** Telemetry samples per second the policy's features are built from. */
  public static final double SAMPLE_HZ = 50;

  /** Inference time allowed per decision, ns (a 32-32 MLP takes microseconds). */
  public static final long BUDGET_NANOS = 50_000_000L;

  /** No advice for this long (controller time, s) and telemetry says the advisor is stale. */
  public static final double STALE_S = 3.0 / TerrainActions.DECISION_HZ;

  private final Path file;
  private final PolicyRunner runner;
  private final Mailbox<GaitSetting> advice;
  private final Mailbox<Telemetry> samples;
  private final int gaits;
  private final int[] perGait;
  private final TerrainFeatures features;

  private PolicyWiring(LocomotionConfig cfg, Path file, double payloadKg) {
    this.file = file;
    gaits = cfg.gaitTable().gaits().size();
    perGait = new int[gaits];
    double neutral = cfg.robot().stance().bodyHeightM();
    advice = new Mailbox<>(GaitSetting::new, (a, b) -> b.copyFrom(a));
    samples = LocomotionConfig.telemetryMailbox();
    features = new TerrainFeatures(gaits, neutral, payloadKg);
    runner =
        PolicyRunner.fromFile(
            file, samples, advice, new TerrainActions(gaits, neutral), features, BUDGET_NANOS);
  }

  /**
   * Loads the policy in {@code file} for a robot carrying {@code payloadKg} (an observation input).
   * Never throws for a bad file; see {@link #describe}.
   */
  public static PolicyWiring load(LocomotionConfig cfg, Path file, double payloadKg) {
    return new PolicyWiring(cfg, file, payloadKg);
  }

  /** True when a policy was loaded (false: the preset gait runs, {@link #reason} says why). */
  public boolean loaded() {
    return runner.status() != GaitSetting.Status.NO_MODEL;
  }

  /** One console line: what was loaded, or which file failed, what was expected, and the effect. */
  public String describe() {
    if (loaded()) {
      return String.format(
          Locale.ROOT,
          "policy: %s loaded; it picks gait settings at %.0f Hz inside the terrain selector's"
              + " safe set, never faster than commanded and never over an explicit gait"
              + " (cmd/policy switches it off)",
          file,
          TerrainActions.DECISION_HZ);
    }
    return "policy: " + runner.message() + "; the robot walks without it";
  }

  /** Connects the policy to {@code c}; before its loop starts. */
  public void attach(HexapodController c) {
    c.setGaitAdvisor(advice, samples, STALE_S);
  }

  /** Adds the sampling and deciding jobs on thread {@code thread} of {@code jobs}. */
  public void addJobs(robodog.core.jobs.PeriodicJobs jobs, String thread) {
    jobs.add(thread, "advisor-sample", SAMPLE_HZ, now -> runner.sample());
    jobs.add(thread, "advisor-decide", TerrainActions.DECISION_HZ, now -> decide());
  }

  private void decide() {
    runner.decide();
    perGait[runner.lastSampleGaitIndex() % gaits]++;
  }

  /** The declared payload changed: its mass, kg, is an observation input from now on. */
  public void setPayloadKg(double kg) {
    features.setPayloadKg(kg);
  }

  /**
   * The operator switch (any thread): false hands the gait back to the preset at the next decision.
   */
  public void setEnabled(boolean on) {
    runner.setEnabled(on);
  }

  /** The runner's latest status (any thread). */
  public GaitSetting.Status status() {
    return runner.status();
  }

  /** The runner's sentence for its latest status (any thread), e.g. for telemetry. */
  public String reason() {
    return runner.message();
  }

  /**
   * After a run: decisions, fallbacks and (headless) per gait row how many decisions found the
   * controller in it.
   */
  public String summary(java.util.List<String> gaitNames) {
    boolean perGaitShown = loaded();
    StringBuilder use = new StringBuilder(perGaitShown ? "; decisions per gait:" : "");
    for (int g = 0; perGaitShown && g < gaits; g++) {
      use.append(String.format(Locale.ROOT, " %s %d", gaitNames.get(g), perGait[g]));
    }
    return String.format(
        Locale.ROOT,
        "policy: %s (%s), %d decisions, %d fallbacks%s",
        runner.status(),
        runner.message(),
        runner.decisions(),
        runner.fallbacks(),
        use);
  }

  @Override
  public void close() throws InterruptedException {
    runner.close();
  }
}
