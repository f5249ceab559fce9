package robodog.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where commands that evaluate, benchmark or train write when the user names no directory: a fresh
 * {@code runs/<kind>/<timestamp>/} under the repository root. {@code runs/} is in .gitignore, so
 * such a command never rewrites a committed file (the shipped models and their figures stay the
 * documented result of the run that made them). Called from the command's thread at start.
 */
public final class OutputDirs {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private OutputDirs() {}

  /**
   * A directory that does not exist yet: {@code <home>/runs/<kind>/<local time>}, with {@code -2},
   * {@code -3}, ... appended when two runs start in the same second. Not created here.
   *
   * @param kind a relative path such as {@code eval/terrain-policy}
   */
  public static Path fresh(String kind) {
    Path base = Paths.home().resolve("runs").resolve(kind);
    String stamp = LocalDateTime.now().format(STAMP);
    Path dir = base.resolve(stamp);
    for (int i = 2; Files.exists(dir); i++) {
      dir = base.resolve(stamp + "-" + i);
    }
    return dir;
  }

  /**
   * Prints one line naming {@code file} when it exists and is about to be replaced: a user who
   * names {@code --out models/...} replaces a committed model on purpose, but is told so.
   */
  public static void sayIfReplacing(Path file, PrintStream out) {
    if (Files.exists(file)) {
      out.println("replacing " + file + " (git checkout restores a committed file)");
    }
  }
}
