package robodog.app.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.app.Main;

/**
 * {@code sim --policy} with a missing or corrupt model walks on the operator's settings and says
 * why.
 */
class PolicyCliTest {
  @TempDir Path dir;

  private static String[] run(String... args) {
    System.setProperty("robodog.home", "..");
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int status =
        Main.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args);
    return new String[] {Integer.toString(status), out.toString(), err.toString()};
  }

  @Test
  void missingModelFallsBackToTheOperatorsSettingsWithAClearMessage() {
    String[] r =
        run(
            "sim",
            "--scenario",
            "flat-walk",
            "--duration",
            "3",
            "--policy",
            dir.resolve("none.txt").toString());
    assertEquals("0", r[0], r[1] + r[2]);
    assertTrue(r[1].contains("NO_MODEL") && r[1].contains("none.txt"), r[1]);
    assertTrue(r[1].contains("falls 0"), r[1]);
    assertTrue(r[1].contains("the robot walks without it"), r[1]);
  }

  @Test
  void corruptModelIsRefusedNamingTheLine() throws Exception {
    Path f = dir.resolve("bad.txt");
    Files.writeString(f, "robodog-terrain-policy 1\nalgorithm ppo\nsizes 18 x\n");
    String[] r = run("sim", "--scenario", "flat-walk", "--duration", "2", "--policy", f.toString());
    assertTrue(r[1].contains("NO_MODEL") && r[1].contains("bad.txt"), r[1]);
  }
}
