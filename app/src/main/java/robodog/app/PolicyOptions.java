package robodog.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --policy PATH} / {@code --no-policy}: whether {@code sim} and {@code run} load a learned
 * terrain policy. Off unless {@code --policy} names a file: the shipped policy's evaluation does
 * not beat the rule-based terrain selector with 0 falls (docs/learning.md), so the robot picks its
 * gait from the ground it senses, in {@code run}, {@code sim --realtime} and headless scenarios
 * alike. A missing or bad file is reported in one line and the robot walks without the advisor.
 * Start-up thread only.
 */
public final class PolicyOptions {
  /** The shipped policy, relative to the repository root. */
  public static final String SHIPPED = "models/terrain-policy/policy.txt";

  /** The console line of a robot started without a policy. */
  public static final String OFF =
      "policy: off: the robot picks its gait from the ground it senses; the learned advisor is off"
          + " until its evaluation passes its gate (docs/learning.md; --policy "
          + SHIPPED
          + " loads it)";

  @Option(
      names = "--policy",
      paramLabel = "PATH",
      description =
          "learned terrain policy that picks gait settings inside the terrain selector's safe set"
              + " (default: none; the shipped one is "
              + SHIPPED
              + "; missing or bad: the robot walks without it)")
  Path policy;

  @Option(
      names = "--no-policy",
      description = "no learned policy (the default), and no line saying so")
  boolean noPolicy;

  /** True when {@code --policy} was given. */
  public boolean explicit() {
    return policy != null;
  }

  /**
   * The policy file to load, or null for none (the default).
   *
   * @throws IllegalArgumentException for {@code --policy} together with {@code --no-policy}
   */
  public Path file() {
    if (noPolicy && policy != null) {
      throw new IllegalArgumentException("--policy and --no-policy exclude each other");
    }
    return policy;
  }

  /** Prints {@link #OFF} unless a policy was named or {@code --no-policy} asked for silence. */
  public void printOff(PrintWriter out) {
    if (file() == null && !noPolicy) {
      out.println(OFF);
    }
  }
}
