package robodog.learning.rl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The saved policy: a small text file (layer sizes, input whitening, weights) so that it can be
 * committed, diffed and loaded without a native engine. Format, one item per line:
 *
 * <pre>
 * robodog-terrain-policy 1
 * algorithm ppo
 * sizes 20 32 32 7
 * mean ...            (input means)
 * std ...             (input standard deviations, &gt; 0)
 * w0 ... / b0 ...     (per layer: out×in row-major weights, then biases)
 * </pre>
 */
public final class PolicyFile {
  private static final String MAGIC = "robodog-terrain-policy 1";

  private PolicyFile() {}

  /** A loaded policy and the algorithm that trained it. */
  public record Loaded(Mlp policy, String algorithm) {}

  /** Writes through a temporary file, so a reader never sees half a policy. */
  public static void save(Path file, Mlp p, String algorithm) throws IOException {
    StringBuilder sb = new StringBuilder(MAGIC).append('\n');
    sb.append("algorithm ").append(algorithm).append('\n');
    sb.append("sizes");
    for (int s : p.sizes()) {
      sb.append(' ').append(s);
    }
    sb.append('\n');
    line(sb, "mean", p.inMean());
    line(sb, "std", p.inStd());
    for (int l = 0; l < p.weights().length; l++) {
      line(sb, "w" + l, p.weights()[l]);
      line(sb, "b" + l, p.biases()[l]);
    }
    Path abs = file.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), ".policy", ".txt");
    Files.writeString(tmp, sb.toString());
    try {
      // createTempFile makes it owner-only; a policy is meant to be shared and committed.
      Files.setPosixFilePermissions(
          tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the default
    }
    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void line(StringBuilder sb, String key, double[] v) {
    sb.append(key);
    for (double d : v) {
      sb.append(' ').append(String.format(Locale.ROOT, "%.7g", d));
    }
    sb.append('\n');
  }

  /**
   * Loads and checks a policy; throws {@link IOException} whose message names the file, what was
   * wrong and what was expected.
   */
  public static Loaded load(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      throw new IOException(file + ": policy file not found (train one with ./robodog train)", e);
    }
    try {
      if (lines.isEmpty() || !lines.get(0).trim().equals(MAGIC)) {
        throw new IllegalArgumentException("first line must be '" + MAGIC + "'");
      }
      String algorithm = value(lines, 1, "algorithm")[0];
      String[] sz = value(lines, 2, "sizes");
      int[] sizes = new int[sz.length];
      for (int i = 0; i < sz.length; i++) {
        sizes[i] = Integer.parseInt(sz[i]);
        if (sizes[i] < 1 || sizes[i] > 1024) {
          throw new IllegalArgumentException("layer size " + sizes[i] + " not in 1..1024");
        }
      }
      double[] mean = numbers(lines, 3, "mean", sizes[0]);
      double[] std = numbers(lines, 4, "std", sizes[0]);
      for (double s : std) {
        if (!(s > 0)) {
          throw new IllegalArgumentException("std values must be > 0");
        }
      }
      List<double[]> ws = new ArrayList<>();
      List<double[]> bs = new ArrayList<>();
      for (int l = 0; l < sizes.length - 1; l++) {
        ws.add(numbers(lines, 5 + 2 * l, "w" + l, sizes[l] * sizes[l + 1]));
        bs.add(numbers(lines, 6 + 2 * l, "b" + l, sizes[l + 1]));
      }
      Mlp p = new Mlp(sizes, ws.toArray(new double[0][]), bs.toArray(new double[0][]), mean, std);
      return new Loaded(p, algorithm);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IOException(file + ": not a valid terrain policy: " + e.getMessage(), e);
    }
  }

  private static String[] value(List<String> lines, int i, String key) {
    if (i >= lines.size()) {
      throw new IllegalArgumentException("missing line '" + key + " ...' (file truncated?)");
    }
    String[] parts = lines.get(i).trim().split("\\s+");
    if (!parts[0].equals(key) || parts.length < 2) {
      throw new IllegalArgumentException("line " + (i + 1) + ": expected '" + key + " ...'");
    }
    String[] out = new String[parts.length - 1];
    System.arraycopy(parts, 1, out, 0, out.length);
    return out;
  }

  private static double[] numbers(List<String> lines, int i, String key, int n) {
    String[] v = value(lines, i, key);
    if (v.length != n) {
      throw new IllegalArgumentException(
          "line " + (i + 1) + ": " + key + " has " + v.length + " numbers, expected " + n);
    }
    double[] d = new double[n];
    for (int k = 0; k < n; k++) {
      d[k] = Double.parseDouble(v[k]);
      if (!Double.isFinite(d[k])) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + key + " is not finite");
      }
    }
    return d;
  }
}
