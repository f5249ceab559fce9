package robodog.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.core.config.RobotDescription;
import robodog.locomotion.urdf.UrdfWriter;

/** {@code ./robodog urdf}: prints the robot as URDF. */
@Command(
    name = "urdf",
    mixinStandardHelpOptions = true,
    description = "Prints the robot description as URDF (or writes it to --out).")
public final class UrdfCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin ConfigOption config = new ConfigOption();

  @Option(
      names = {"-o", "--out"},
      description = "write to this file instead of standard output")
  Path out;

  @Override
  public Integer call() throws Exception {
    String urdf = UrdfWriter.write(RobotDescription.load(config.file("robot.yaml")));
    if (out == null) {
      spec.commandLine().getOut().print(urdf);
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(out, urdf);
    }
    return 0;
  }
}
