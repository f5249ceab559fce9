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

  static Cli run(String... args) {
    System.setProperty("robodog.home", "..");
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
    return new Cli(status, o.toString(), e.toString());
  }
}
