package robodog.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures what it printed. */
final class Cli {
  final int status;
  final String out;
  final String err;

  private Cli(int status, String out, String err) {
    this.status = status;
    this.out = out;
    this.err = err;
  }

  /**
   * A copy of the shipped config directory under {@code dir}, with {@code from} replaced by {@code
   * to} in {@code file}: the way tests feed a command one bad field.
   */
  static java.nio.file.Path configWith(java.nio.file.Path dir, String file, String from, String to)
      throws java.io.IOException {
    java.nio.file.Path cfg = dir.resolve("cfg");
    java.nio.file.Files.createDirectories(cfg);
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("../config"))) {
      for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
        java.nio.file.Files.copy(
            f, cfg.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String text = java.nio.file.Files.readString(cfg.resolve(file));
    if (!text.contains(from)) {
      throw new AssertionError(file + " does not contain " + from);
    }
    java.nio.file.Files.writeString(cfg.resolve(file), text.replace(from, to));
    return cfg;
  }

  static Cli run(String... args) {
    System.setProperty("robodog.home", "..");
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
    return new Cli(status, o.toString(), e.toString());
  }
}
