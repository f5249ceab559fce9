package robodog.perception.terrain;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Counts of (true class, predicted class) over a labelled test set, with accuracy, per-class
 * recall, a text table and a PNG heat map. Not thread-safe.
 */
public final class ConfusionMatrix {
  private final List<String> classes;
  private final int[][] counts;
  private int total;

  public ConfusionMatrix(List<String> classes) {
    this.classes = List.copyOf(classes);
    this.counts = new int[classes.size()][classes.size()];
  }

  /** Adds one sample. */
  public void add(int truth, int predicted) {
    counts[truth][predicted]++;
    total++;
  }

  /** Samples counted. */
  public int total() {
    return total;
  }

  /** Count of class {@code truth} predicted as {@code predicted}. */
  public int count(int truth, int predicted) {
    return counts[truth][predicted];
  }

  /** Fraction correct, 0..1 (NaN when empty). */
  public double accuracy() {
    int ok = 0;
    for (int i = 0; i < counts.length; i++) {
      ok += counts[i][i];
    }
    return total == 0 ? Double.NaN : ok / (double) total;
  }

  /** Recall of class i: correct / samples of that class. */
  public double recall(int i) {
    int n = 0;
    for (int j = 0; j < counts.length; j++) {
      n += counts[i][j];
    }
    return n == 0 ? Double.NaN : counts[i][i] / (double) n;
  }

  /** A fixed-width table: rows = true class, columns = predicted, then recall. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-10s", "true\\pred"));
    for (String c : classes) {
      sb.append(String.format(Locale.ROOT, " %8s", abbreviate(c)));
    }
    sb.append("   recall\n");
    for (int i = 0; i < counts.length; i++) {
      sb.append(String.format(Locale.ROOT, "%-10s", classes.get(i)));
      for (int j = 0; j < counts.length; j++) {
        sb.append(String.format(Locale.ROOT, " %8d", counts[i][j]));
      }
      sb.append(String.format(Locale.ROOT, "   %5.1f%%%n", 100 * recall(i)));
    }
    sb.append(String.format(Locale.ROOT, "accuracy %.2f%% of %d%n", 100 * accuracy(), total));
    return sb.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 8 ? s : s.substring(0, 8);
  }

  /** Writes the matrix as a heat map (row-normalised), with counts in the cells. */
  public void writePng(Path file, String title) throws IOException {
    int n = classes.size();
    int cell = 64;
    int left = 110;
    int top = 70;
    int w = left + n * cell + 20;
    int h = top + n * cell + 30;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, 10, 20);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.drawString("rows: true class, columns: predicted", 10, 38);
    for (int j = 0; j < n; j++) {
      g.drawString(abbreviate(classes.get(j)), left + j * cell + 6, top - 8);
    }
    for (int i = 0; i < n; i++) {
      int rowTotal = 0;
      for (int j = 0; j < n; j++) {
        rowTotal += counts[i][j];
      }
      g.setColor(Color.BLACK);
      g.drawString(classes.get(i), 10, top + i * cell + cell / 2 + 4);
      for (int j = 0; j < n; j++) {
        double f = rowTotal == 0 ? 0 : counts[i][j] / (double) rowTotal;
        int shade = (int) Math.round(255 * (1 - f));
        g.setColor(
            i == j
                ? new Color(shade, 255 - (255 - shade) / 3, shade)
                : new Color(255, shade, shade));
        g.fillRect(left + j * cell, top + i * cell, cell - 1, cell - 1);
        g.setColor(f > 0.6 ? Color.WHITE : Color.BLACK);
        g.drawString(
            Integer.toString(counts[i][j]),
            left + j * cell + cell / 2 - 10,
            top + i * cell + cell / 2 + 4);
      }
    }
    g.dispose();
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    ImageIO.write(img, "png", file.toFile());
  }
}
