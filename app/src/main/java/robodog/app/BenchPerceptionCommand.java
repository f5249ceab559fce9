package robodog.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import robodog.core.camera.CameraMount;
import robodog.harness.perception.ArucoSimEval;
import robodog.harness.perception.PeopleSimEval;
import robodog.harness.perception.PerceptionBenchmark;

/**
 * {@code ./robodog bench perception}: per-stage cost at 640×480, ArUco range accuracy and people
 * detection rate on simulated frames.
 */
@Command(
    name = "perception",
    mixinStandardHelpOptions = true,
    description = {
      "Perception on simulated frames: per-stage time (ArUco, HOG, depth people, height grid,",
      "terrain classifier on the patch ahead),",
      "ArUco detection rate and range error at 0.5-4 m, people detection rate vs range."
    })
public final class BenchPerceptionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--frames",
      defaultValue = "200",
      description = "timed frames (default ${DEFAULT-VALUE})")
  int frames;

  @Option(
      names = "--aruco",
      defaultValue = "400",
      description = "ArUco evaluation frames, 0 skips (default ${DEFAULT-VALUE})")
  int aruco;

  @Option(
      names = "--people",
      defaultValue = "20",
      description = "people frames per range, 0 skips (default ${DEFAULT-VALUE})")
  int people;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "scene seed (default ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() {
    if (frames < 10 || aruco < 0 || people < 0) {
      throw new ParameterException(
          spec.commandLine(), "--frames must be >= 10, --aruco and --people >= 0");
    }
    PrintWriter o = spec.commandLine().getOut();
    o.print(PerceptionBenchmark.run(frames));
    o.print(PerceptionBenchmark.terrain(frames, Paths.home().resolve("models/terrain-classifier")));
    o.flush();
    if (aruco > 0) {
      o.printf(
          "%nArUco, 15 cm DICT_4X4_50 marker, %d frames (range = camera to marker centre)%n",
          aruco);
      o.println("range from depth + solvePnP orientation (default):");
      o.print(ArucoSimEval.report(ArucoSimEval.run(aruco, seed, true)));
      o.println("range from solvePnP alone (a camera without depth):");
      o.print(ArucoSimEval.report(ArucoSimEval.run(aruco, seed, false)));
      o.flush();
    }
    if (people > 0) {
      double[] ranges = {1, 1.5, 2, 2.5, 3, 4, 5, 6};
      o.printf(
          "%nPeople (one standing figure per frame), %d frames per range, default mount (20 cm up,"
              + " 15° down)%n",
          people);
      o.print(
          PeopleSimEval.report(
              PeopleSimEval.run(ranges, people, seed, CameraMount.DEFAULT), ranges, people));
      o.printf("%nPeople, same figures, a level camera 20 cm up (whole figures in view)%n");
      o.print(
          PeopleSimEval.report(
              PeopleSimEval.run(ranges, people, seed, new CameraMount(0.12, 0, 0.08, 0, 0, 0)),
              ranges,
              people));
      o.flush();
    }
    return 0;
  }
}
