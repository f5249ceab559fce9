package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench walking} and {@code courses} from the command line: the table, JSON, bad input. */
class WalkingBenchCommandTest {
  /** Steps and a slope, short enough for a test: the robot walks it on two seeds and is timed. */
  private static final String COURSE =
      "name: short-course\n"
          + "terrain:\n"
          + "  segments:\n"
          + "    - { kind: pavement, length_m: 0.6 }\n"
          + "    - { kind: steps_up, count: 2, rise_m: 0.02, run_m: 0.35 }\n"
          + "    - { kind: slope, length_m: 1.0, angle_deg: 5 }\n"
          + "    - { kind: pavement, length_m: 1.0 }\n"
          + "payload: { mass_kg: 1.0, com_m: [0, 0, 0.1] }\n"
          + "duration_s: 32\n"
          + "commands:\n"
          + "  - { t_s: 0, vx_mps: 0.1 }\n"
          + "goal: { distance_m: 2.4 }\n";

  @Test
  void twoRunsOverStepsAndASlopeCompleteAndAreReported(@TempDir Path dir) throws Exception {
    Path course = dir.resolve("short-course.yaml");
    Files.writeString(course, COURSE);
    Path json = dir.resolve("walking.json");
    Cli r =
        Cli.run(
            "bench",
            "walking",
            "--scenarios",
            course.toString(),
            "--seeds",
            "1-2",
            "--threads",
            "2",
            "--out",
            json.toString());
    assertEquals(0, r.status, r.err + r.out);
    assertTrue(r.out.contains("walking bench: 2 runs on 2 threads"), r.out);
    assertTrue(r.out.matches("(?s).*short-course\\s+2\\s+0\\s+2\\s.*"), r.out);
    assertTrue(r.out.contains("no failed runs"), r.out);
    JsonNode doc = new ObjectMapper().readTree(json.toFile());
    assertEquals(2, doc.get("runs").size());
    assertEquals(2, doc.get("summary").get(0).get("completed").asInt());
    for (JsonNode run : doc.get("runs")) {
      double accel = run.get("report").get("payload_accel_rms_mps2").asDouble();
      // Walking shakes the case, but nowhere near a fall's jolts.
      assertTrue(accel > 0.05 && accel < 5, "payload accel rms " + accel);
      assertTrue(run.get("end_x_m").asDouble() > 2.4, run.toString());
      // Headless runs go on for the whole duration: past the goal, onto the last pavement.
      assertEquals("pavement", run.get("end_kind").asText(), run.toString());
    }
  }

  @Test
  void generatedCoursesAreWrittenAndBadArgumentsSayWhatIsExpected(@TempDir Path dir) {
    Cli ok = Cli.run("courses", "--seed", "7", "--count", "2", "--out", dir.toString());
    assertEquals(0, ok.status, ok.err);
    assertTrue(Files.isRegularFile(dir.resolve("course-7-001.yaml")), ok.out);
    assertTrue(ok.out.contains("wrote 2 courses to"), ok.out);

    Cli r = Cli.run("courses", "--seed", "7", "--count", "0", "--out", dir.toString());
    assertEquals(2, r.status);
    assertTrue(r.err.contains("--count must be in [1, 1000], got 0"), r.err);
    r = Cli.run("bench", "walking", "--seeds", "5-1");
    assertEquals(2, r.status);
    assertTrue(r.err.contains("--seeds: '5-1': a range must run upwards"), r.err);
    r = Cli.run("bench", "walking", "--seeds", "x");
    assertTrue(r.err.contains("--seeds: 'x' is not a seed or a range"), r.err);
    r = Cli.run("bench", "walking", "--courses", dir.resolve("none").toString());
    assertTrue(r.err.contains("is not a directory"), r.err);
    r = Cli.run("bench", "walking", "--scenarios", "moon");
    assertEquals(1, r.status);
    assertTrue(r.err.contains("unknown scenario 'moon'"), r.err);
  }
}
