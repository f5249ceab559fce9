package robodog.locomotion.gait;

import java.util.ArrayList;
import java.util.List;
import robodog.core.LegId;
import robodog.core.config.ConfigException;
import robodog.core.config.RobotDescription;
import robodog.locomotion.ControllerSettings;
import robodog.locomotion.stability.CycleMargin;

/**
 * Every gait the controller may run, checked once at start-up: the table rows followed by one
 * derived five-leg gait per possible failed leg, with the worst cycle margin of each row for each
 * failure case. Immutable after construction; any thread may read it.
 *
 * <p>Row indices are the gait ids on the wire: table rows keep their file order; the five-leg row
 * for leg L is at {@code tableSize + L.ordinal()}.
 */
public final class GaitLibrary {
  private final GaitTable table;
  private final List<Gait> rows = new ArrayList<>();
  private final FaultGaitPlanner.Plan[] plans = new FaultGaitPlanner.Plan[LegId.COUNT];
  // worst[row][failed + 1]: failed = -1 means no leg failed.
  private final double[][] worst;
  private final double minMargin;

  /**
   * @param neutralX default footholds, m, by leg ordinal
   * @param neutralY default footholds, m
   * @throws ConfigException if a table gait is not statically stable with all six legs
   */
  public GaitLibrary(
      RobotDescription robot,
      GaitTable table,
      ControllerSettings settings,
      double[] neutralX,
      double[] neutralY,
      double comX,
      double comY) {
    this.table = table;
    this.minMargin = settings.minMargin();
    rows.addAll(table.gaits());
    for (LegId leg : LegId.VALUES) {
      plans[leg.ordinal()] =
          FaultGaitPlanner.plan(robot, settings, table.maxStrideMeters(), neutralX, neutralY, leg);
      rows.add(plans[leg.ordinal()].gait());
    }
    CycleMargin cycle = new CycleMargin();
    worst = new double[rows.size()][LegId.COUNT + 1];
    for (int r = 0; r < rows.size(); r++) {
      Gait g = rows.get(r);
      worst[r][0] = cycle.worst(g, neutralX, neutralY, 0, comX, comY, table.maxStrideMeters());
      for (LegId leg : LegId.VALUES) {
        FaultGaitPlanner.Plan p = plans[leg.ordinal()];
        worst[r][leg.ordinal() + 1] =
            cycle.worst(
                g,
                p.neutralX(),
                p.neutralY(),
                1 << leg.ordinal(),
                comX + p.shiftX(),
                comY + p.shiftY(),
                table.maxStrideMeters());
      }
      if (r < table.gaits().size() && worst[r][0] < minMargin) {
        throw new ConfigException(
            "gait '"
                + g.name()
                + "' is not statically stable on this robot: worst margin over its cycle is "
                + String.format("%.3f m", worst[r][0])
                + ", below stability.min_margin_m = "
                + minMargin
                + " m; change its offsets or duty_factor");
      }
    }
  }

  /** All rows: table gaits, then the six derived five-leg gaits. */
  public List<Gait> rows() {
    return rows;
  }

  /** Number of rows. */
  public int size() {
    return rows.size();
  }

  /** Row {@code i}. */
  public Gait get(int i) {
    return rows.get(i);
  }

  /** The gait table this library was built from. */
  public GaitTable table() {
    return table;
  }

  /** Row index of the five-leg gait for a failed leg. */
  public int fiveLegIndex(int failedLeg) {
    return table.gaits().size() + failedLeg;
  }

  /** Five-leg plan for a failed leg. */
  public FaultGaitPlanner.Plan plan(int failedLeg) {
    return plans[failedLeg];
  }

  /** Worst cycle margin (m) of row {@code i} with {@code failedLeg} failed (-1 = none). */
  public double worstMargin(int i, int failedLeg) {
    return worst[i][failedLeg + 1];
  }

  /** Whether row {@code i} keeps the margin above the minimum with {@code failedLeg} (-1 none). */
  public boolean allowed(int i, int failedLeg) {
    return i >= 0 && i < rows.size() && worst[i][failedLeg + 1] >= minMargin;
  }

  /** Row index by name, or -1. Table names and derived names ({@code wave5-lm}) both work. */
  public int indexOf(String name) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
