package robodog.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.harness.course.CourseGenerator;

/**
 * {@code ./robodog courses}: writes random mixed-course scenario files drawn inside the generator's
 * envelope; the same seed writes the same files.
 */
@Command(
    name = "courses",
    mixinStandardHelpOptions = true,
    description = {
      "Writes random mixed-course scenarios (segments, payload, speed, goal) into a directory,",
      "course-<seed>-<i>.yaml, drawn inside a stated envelope (see docs/walking.md)."
    })
public final class CoursesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seed", required = true, description = "generator seed")
  long seed;

  @Option(
      names = "--count",
      defaultValue = "20",
      description = "number of courses, 1-1000 (default ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (count < 1 || count > 1000) {
      throw new IllegalArgumentException("--count must be in [1, 1000], got " + count);
    }
    if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out: " + out + " exists and is not a directory");
    }
    List<Path> files = CourseGenerator.write(seed, count, out);
    PrintWriter o = spec.commandLine().getOut();
    o.println(
        "wrote "
            + files.size()
            + " courses to "
            + out
            + " (seed "
            + seed
            + "; "
            + CourseGenerator.ENVELOPE.describe()
            + ")");
    o.flush();
    return 0;
  }
}
