package robodog.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --policy PATH} / {@code --no-policy}: which learned terrain policy {@code sim} and {@code
 * run} load at start. By default the shipped {@code models/terrain-policy/policy.txt}; a missing or
 * bad file is reported in one line and the robot walks on the preset gait. Start-up thread only.
 */
public final class PolicyOptions {
  /** The shipped policy, relative to the repository root. */
  public static final String DEFAULT = "models/terrain-policy/policy.txt";

  @Option(
      names = "--policy",
      paramLabel = "PATH",
      description =
          "learned terrain policy that picks gait settings (default: "
              + DEFAULT
              + "; missing or bad: the preset gait runs)")
  Path policy;

  @Option(
      names = "--no-policy",
      description = "no learned policy: the preset gait and the operator's settings only")
  boolean noPolicy;

  /** True when {@code --policy} was given. */
  public boolean explicit() {
    return policy != null;
  }

  /**
   * The policy file to load, or null for none ({@code --no-policy}).
   *
   * @throws IllegalArgumentException for {@code --policy} together with {@code --no-policy}
   */
  public Path file() {
    if (noPolicy && policy != null) {
      throw new IllegalArgumentException("--policy and --no-policy exclude each other");
    }
    if (noPolicy) {
      return null;
    }
    return policy != null ? policy : Paths.home().resolve(DEFAULT);
  }
}
