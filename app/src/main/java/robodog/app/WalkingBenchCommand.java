package robodog.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.app.robot.HarnessRobots;
import robodog.harness.sim.SimRun;
import robodog.harness.sim.WalkingBench;
import robodog.harness.sim.WalkingSummary;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * {@code ./robodog bench walking}: every (scenario, seed) headless as {@code ./robodog sim} runs
 * it, in parallel, then per scenario (and the generated courses as one group) n, falls, completed,
 * mean speed and payload acceleration RMS (mean and worst), and every failed run with its reason.
 */
@Command(
    name = "walking",
    mixinStandardHelpOptions = true,
    description = {
      "Seed sweep of walking scenarios (and generated courses): falls, completed runs, speed and",
      "payload acceleration RMS per scenario, mean and worst, and every failed run with its reason."
    })
public final class WalkingBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--scenarios",
      paramLabel = "LIST",
      description =
          "comma-separated scenario names or .yaml paths, or 'all' (every scenario in scenarios/);"
              + " default equipment-run, or none when --courses is given")
  String scenarios;

  @Option(
      names = "--seeds",
      paramLabel = "SEEDS",
      defaultValue = "1-20",
      description =
          "seeds for --scenarios: ranges and single seeds, comma-separated, e.g. 1-20 or 1,5,9-12"
              + " (default ${DEFAULT-VALUE})")
  String seeds;

  @Option(
      names = "--courses",
      paramLabel = "DIR",
      description =
          "also run every .yaml in DIR (e.g. from ./robodog courses) once, with its own seed, as"
              + " one group")
  Path courses;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "runs at once (default ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--duration",
      description = "simulated seconds per run (default: each scenario's duration_s)")
  Double duration;

  @Option(names = "--out", paramLabel = "FILE.json", description = "write every report here")
  Path out;

  @picocli.CommandLine.Mixin ConfigOption config = new ConfigOption();

  @Override
  public Integer call() throws Exception {
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("--threads must be in [1, 64], got " + threads);
    }
    if (duration != null && !(duration > 0 && duration <= 24 * 3600)) {
      throw new IllegalArgumentException("--duration must be in (0, 86400] s, got " + duration);
    }
    List<Long> seedList = parseSeeds(seeds);
    List<WalkingBench.Job> jobs = new ArrayList<>();
    String names = scenarios != null ? scenarios : courses == null ? "equipment-run" : "";
    for (String name : scenarioNames(names)) {
      Scenario sc = ScenarioLoader.load(name, Paths.scenarios());
      for (long s : seedList) {
        jobs.add(new WalkingBench.Job(sc.name(), sc, s));
      }
    }
    if (courses != null) {
      for (Path f : courseFiles(courses)) {
        Scenario sc = ScenarioLoader.load(f.toString(), Paths.scenarios());
        jobs.add(new WalkingBench.Job(courses.toString(), sc, sc.seed()));
      }
    }
    LocomotionConfig cfg = config.load();
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "walking bench: %d runs on %d threads%n", jobs.size(), threads);
    o.flush();
    List<WalkingBench.Result> results =
        WalkingBench.run(
            HarnessRobots.HEADLESS,
            cfg,
            jobs,
            threads,
            duration != null ? duration : Double.NaN,
            SimRun.terminalProgress());
    o.print(WalkingSummary.format(results));
    if (out != null) {
      write(out, results);
      o.println("reports: " + out);
    }
    o.flush();
    return 0;
  }

  private static List<String> scenarioNames(String list) {
    List<String> names = new ArrayList<>();
    if (list.isBlank()) {
      return names;
    }
    if (list.trim().equals("all")) {
      return ScenarioLoader.available(Paths.scenarios());
    }
    for (String n : list.split(",")) {
      if (n.isBlank()) {
        throw new IllegalArgumentException(
            "--scenarios: an empty name in '" + list + "'; expected names separated by commas");
      }
      names.add(n.trim());
    }
    return names;
  }

  /** Seeds from {@code 1-20}, {@code 3}, {@code 1,5,9-12}; throws naming the bad part. */
  static List<Long> parseSeeds(String spec) {
    List<Long> out = new ArrayList<>();
    for (String part : spec.split(",")) {
      String p = part.trim();
      try {
        int dash = p.indexOf('-', 1);
        long a = Long.parseLong(dash < 0 ? p : p.substring(0, dash).trim());
        long b = dash < 0 ? a : Long.parseLong(p.substring(dash + 1).trim());
        if (b < a || b - a >= 10_000) {
          throw new IllegalArgumentException(
              "--seeds: '" + p + "': a range must run upwards and hold at most 10000 seeds");
        }
        for (long s = a; s <= b; s++) {
          out.add(s);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--seeds: '" + p + "' is not a seed or a range; expected e.g. 1-20 or 1,5,9-12");
      }
    }
    return out;
  }

  private static List<Path> courseFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--courses: " + dir + " is not a directory");
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "--courses: no .yaml files in " + dir + " (make some with ./robodog courses)");
    }
    return files;
  }

  private static void write(Path file, List<WalkingBench.Result> results) throws IOException {
    ObjectMapper json =
        new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("summary", WalkingSummary.rows(results));
    doc.put("runs", results);
    Path abs = file.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), ".walking", ".json");
    Files.writeString(tmp, json.writeValueAsString(doc));
    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
  }
}
