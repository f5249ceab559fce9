package robodog.app.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.app.Main;

/**
 * Commands that evaluate or train never write into tracked files by default: each runs against a
 * copy of the repository ({@code robodog.home} pointed at it) whose {@code models/} must come out
 * byte for byte as it went in, with the results under the untracked {@code runs/}. The real
 * repository's {@code models/} is checked too, in case a command ignored {@code robodog.home}.
 */
class UntrackedOutputsTest {
  @TempDir Path tmp;
  private Path home;

  @BeforeEach
  void copyTheRepository() throws IOException {
    home = tmp.resolve("home");
    copyTree(Path.of("../config"), home.resolve("config"));
    copyTree(Path.of("../models"), home.resolve("models"));
  }

  @Test
  void evalWritesUnderRunsAndLeavesTheCommittedEvalFilesAlone() throws Exception {
    Path courses = tmp.resolve("courses");
    Files.createDirectories(courses);
    Files.writeString(
        courses.resolve("short.yaml"),
        "name: short\nterrain: { type: flat, friction: 0.9 }\nduration_s: 3\nseed: 5\n"
            + "gait: tripod\ncommands:\n  - { t_s: 0, vx_mps: 0.1 }\ngoal: { distance_m: 0.1 }\n");
    Ran r =
        runUnchanged(
            "eval",
            "terrain-policy",
            "--courses",
            courses.toString(),
            "--seeds",
            "1",
            "--workers",
            "1");
    assertEquals(0, r.status, r.text);
    Path dir = onlyChild(home.resolve("runs/eval/terrain-policy"));
    assertTrue(Files.size(dir.resolve("eval.csv")) > 0 && Files.exists(dir.resolve("eval.png")));

    Path named = tmp.resolve("named");
    r =
        runUnchanged(
            "eval",
            "terrain-policy",
            "--courses",
            courses.toString(),
            "--seeds",
            "1",
            "--workers",
            "1",
            "--out",
            named.toString());
    assertEquals(0, r.status, r.text);
    assertTrue(Files.exists(named.resolve("eval.csv")), r.text);
  }

  @Test
  void trainWritesUnderRunsByDefaultAndSaysWhenItReplacesAModel() throws Exception {
    String[] tiny = {"--decisions", "8", "--batch", "2", "--workers", "1", "--minutes", "2"};
    Ran r = runUnchanged(concat(new String[] {"train", "terrain-policy"}, tiny));
    assertEquals(0, r.status, r.text);
    Path dir = onlyChild(home.resolve("runs/train/terrain-policy"));
    assertTrue(Files.exists(dir.resolve("policy.txt")), r.text);
    assertFalse(r.text.contains("replacing"), r.text);

    // Naming the shipped model's directory is allowed, and the command says what it replaced.
    Path shipped = home.resolve("models/terrain-policy");
    r = run(concat(new String[] {"train", "terrain-policy", "--out", shipped.toString()}, tiny));
    assertEquals(0, r.status, r.text);
    assertTrue(r.text.contains("replacing " + shipped.resolve("policy.txt")), r.text);
  }

  @Test
  void trainTerrainClassifierWritesUnderRunsByDefault() throws Exception {
    Ran r =
        runUnchanged(
            "train",
            "terrain-classifier",
            "--epochs",
            "1",
            "--per-class",
            "2",
            "--test-per-class",
            "1");
    assertEquals(0, r.status, r.text);
    Path dir = onlyChild(home.resolve("runs/train/terrain-classifier"));
    assertTrue(Files.exists(dir.resolve("confusion-matrix.txt")), r.text);
  }

  /** Runs the command and asserts that neither copy of {@code models/} changed. */
  private Ran runUnchanged(String... args) throws IOException {
    Map<String, String> copy = snapshot(home.resolve("models"));
    Map<String, String> repo = snapshot(Path.of("../models"));
    Ran r = run(args);
    assertEquals(copy, snapshot(home.resolve("models")), "models/ was written to\n" + r.text);
    assertEquals(repo, snapshot(Path.of("../models")), "the repository's models/ was written to");
    return r;
  }

  /** The CLI in process with this test's home; commands print results on System.out. */
  private Ran run(String... args) {
    PrintStream was = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    System.setProperty("robodog.home", home.toString());
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      int status = Main.run(new PrintWriter(bytes, true), new PrintWriter(err, true), args);
      return new Ran(status, bytes.toString(StandardCharsets.UTF_8) + err);
    } finally {
      System.setOut(was);
      System.setProperty("robodog.home", "..");
    }
  }

  private record Ran(int status, String text) {}

  private static Path onlyChild(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      List<Path> l = s.toList();
      assertEquals(1, l.size(), dir + ": " + l);
      return l.get(0);
    }
  }

  /** Each file's relative path → size and modification time. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (var s = Files.walk(root)) {
      for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        m.put(
            root.relativize(f).toString(),
            Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis());
      }
    }
    return m;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path f : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
