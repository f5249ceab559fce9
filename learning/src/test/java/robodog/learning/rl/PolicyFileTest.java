package robodog.learning.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
  @TempDir Path dir;

  static Mlp random(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] sizes = {5, 4, 3};
    double[][] w = {new double[20], new double[12]};
    double[][] b = {new double[4], new double[3]};
    for (double[] a : w) {
      for (int i = 0; i < a.length; i++) {
        a[i] = r.nextDouble() - 0.5;
      }
    }
    double[] mean = {0.1, 0.2, 0.3, 0.4, 0.5};
    double[] std = {1, 2, 3, 4, 5};
    return new Mlp(sizes, w, b, mean, std);
  }

  @Test
  void savedPolicyGivesTheSameOutputs() throws IOException {
    Mlp p = random(1);
    Path f = dir.resolve("policy.txt");
    PolicyFile.save(f, p, "ppo");
    PolicyFile.Loaded l = PolicyFile.load(f);
    assertEquals("ppo", l.algorithm());
    double[] x = {0.3, -1, 2, 0.5, 7};
    double[] a = new double[3];
    double[] b = new double[3];
    p.forward(x, a);
    l.policy().forward(x, b);
    assertArrayEquals(a, b, 1e-5);
  }

  @Test
  void missingAndCorruptFilesAreNamedWithWhatWasExpected() throws IOException {
    IOException missing =
        assertThrows(IOException.class, () -> PolicyFile.load(dir.resolve("nope.txt")));
    assertTrue(
        missing.getMessage().contains("nope.txt") && missing.getMessage().contains("not found"));
    Path f = dir.resolve("policy.txt");
    PolicyFile.save(f, random(2), "ppo");
    String text = Files.readString(f);
    Files.writeString(f, text.substring(0, text.length() / 2));
    IOException truncated = assertThrows(IOException.class, () -> PolicyFile.load(f));
    assertTrue(
        truncated.getMessage().contains("not a valid terrain policy"), truncated.getMessage());
    Files.writeString(f, text.replaceFirst("w0 [^ ]+", "w0 NaN"));
    IOException nan = assertThrows(IOException.class, () -> PolicyFile.load(f));
    assertTrue(nan.getMessage().contains("w0"), nan.getMessage());
    Files.writeString(f, "hello\n");
    IOException garbage = assertThrows(IOException.class, () -> PolicyFile.load(f));
    assertTrue(garbage.getMessage().contains("robodog-terrain-policy 1"), garbage.getMessage());
  }
}
