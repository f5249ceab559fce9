package robodog.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.autonomy.adapt.LearningCurve;
import robodog.autonomy.store.RunDatabase;

/** {@code ./robodog runs learning --route NAME}: the route learner's run-over-run curve. */
@Command(
    name = "learning",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a route's run-over-run learning curve from the run database (IMU acceleration RMS",
      "and time over the segments each run stored, falls, recoveries, mean cost, segments on a",
      "learned setting) and writes it as a PNG."
    })
public final class RunsLearningCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--route", required = true, description = "route name")
  String route;

  @Option(names = "--db", description = "run database (default: runs/robodog.db)")
  Path db;

  @Option(
      names = "--png",
      description = "where the curve goes (default: runs/learning/<route>.png)")
  Path png;

  @Override
  public Integer call() throws Exception {
    Path file = db != null ? db : RunsCommand.defaultDb();
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(file)) {
      out.println("no run database at " + file + " (no runs yet)");
      return 0;
    }
    List<LearningCurve.Point> pts;
    try (RunDatabase d = RunDatabase.open(file)) {
      pts = LearningCurve.of(d.segments().results(route));
    }
    if (pts.isEmpty()) {
      out.println("route " + route + ": no segment results in " + file + " yet");
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "%6s  %-12s  %4s  %4s  %4s  %10s  %7s  %5s  %4s  %6s  %7s%n",
        "run",
        "route hash",
        "mass",
        "legs",
        "segs",
        "IMU m/s²",
        "time s",
        "falls",
        "rec",
        "cost",
        "learned");
    for (LearningCurve.Point p : pts) {
      out.printf(
          Locale.ROOT,
          "%6d  %-12s  %4d  %4d  %4d  %10.3f  %7.1f  %5d  %4d  %6.3f  %7d%n",
          p.runId(),
          p.routeHash(),
          p.massClass(),
          p.failedMask(),
          p.segments(),
          p.imuRmsMps2(),
          p.timeS(),
          p.falls(),
          p.recoveries(),
          p.meanCost(),
          p.learned());
    }
    Path target =
        png != null
            ? png
            : Paths.home().resolve("runs").resolve("learning").resolve(route + ".png");
    if (target.toAbsolutePath().getParent() != null) {
      Files.createDirectories(target.toAbsolutePath().getParent());
    }
    XYChart c =
        new XYChartBuilder()
            .width(900)
            .height(500)
            .title("route " + route + ": run over run")
            .xAxisTitle("run (in order)")
            .yAxisTitle("IMU accel RMS [m/s²], mean cost")
            .build();
    double[] x = new double[pts.size()];
    double[] rms = new double[pts.size()];
    double[] cost = new double[pts.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = i + 1;
      rms[i] = pts.get(i).imuRmsMps2();
      cost[i] = pts.get(i).meanCost();
    }
    c.addSeries("IMU accel RMS", x, rms);
    c.addSeries("mean segment cost", x, cost);
    BitmapEncoder.saveBitmap(c, target.toString(), BitmapEncoder.BitmapFormat.PNG);
    out.println("curve: " + target);
    return 0;
  }
}
