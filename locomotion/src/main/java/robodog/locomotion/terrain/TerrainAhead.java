package robodog.locomotion.terrain;

import robodog.core.GroundCall;
import robodog.core.Mailbox;
import robodog.core.perception.GroundAhead;
import robodog.core.perception.TerrainEstimate;

/**
 * The camera's word on the ground just ahead: perception's terrain class turned into the easiest
 * {@link GroundCall} the gait choice may make while it lasts, so the robot slows before its feet
 * reach ice or mud and raises its step before gravel, instead of learning it from the first slide.
 * Ice and mud give {@link GroundCall#SLIPPERY}; gravel, dirt, grass and sand {@link
 * GroundCall#UNEVEN}; anything else (pavement, concrete, an unknown class) nothing. A class counts
 * only when the classifier gives it at least {@value #MIN_PROBABILITY} and while the estimate is
 * younger than the staleness bound; without a camera this says nothing and the legs decide alone.
 *
 * <p>With a depth camera the height grid's corridor ahead speaks too ({@link GroundAhead}): a step
 * of at least {@value #STEP_AHEAD_M} m between neighbouring cells (the touch-down rise at which the
 * legs call {@link GroundCall#STEPS}) across {@value #MIN_STEP_CELLS} cells or more gives {@link
 * GroundCall#STEPS}, a mean step of {@value #UNEVEN_AHEAD_M} m or more (gravel, bumps, a slope of
 * 11° or steeper) {@link GroundCall#UNEVEN}; only when at least half the corridor was seen. The
 * harder of the class and the grid counts.
 *
 * <p>Control thread only (the mailbox's one consumer); allocation-free.
 */
public final class TerrainAhead {
  static final double MIN_PROBABILITY = 0.6;

  /** Step between neighbouring grid cells ahead that calls for the wave gait, m. */
  static final double STEP_AHEAD_M = 0.028;

  /**
   * Cells of the corridor with such a step before it counts: an edge across at least 20 cm of the
   * corridor, not one cell seen at a grazing angle.
   */
  static final int MIN_STEP_CELLS = 4;

  /** Seen ground cells of the corridor before the mean step counts. */
  static final int MIN_GROUND_CELLS = 20;

  /** Mean step between grid cells ahead that calls the ground uneven, m. */
  static final double UNEVEN_AHEAD_M = 0.01;

  private static final double MIN_COVERAGE = 0.5;

  private Mailbox<TerrainEstimate> ahead;
  private long staleNanos;
  private long stampNanos;
  private GroundCall floor = GroundCall.SMOOTH;
  private String className;
  private Mailbox<GroundAhead> grid;
  private long gridStampNanos;
  private GroundCall gridFloor = GroundCall.SMOOTH;

  /** Connects perception's estimate; call before the loop starts. */
  public void connect(Mailbox<TerrainEstimate> mailbox, double staleS) {
    this.ahead = mailbox;
    this.staleNanos = (long) (staleS * 1e9);
  }

  /** Connects the height grid's corridor summary (same staleness bound); before the loop. */
  public void connectGrid(Mailbox<GroundAhead> mailbox) {
    this.grid = mailbox;
  }

  /** Reads new estimates if any came; returns the floor in force at {@code nowNanos}. */
  public GroundCall update(long nowNanos) {
    GroundCall fromGrid = gridFloor(nowNanos);
    GroundCall fromClass = classFloor(nowNanos);
    return fromGrid.ordinal() > fromClass.ordinal() ? fromGrid : fromClass;
  }

  private GroundCall gridFloor(long nowNanos) {
    if (grid == null) {
      return GroundCall.SMOOTH;
    }
    GroundAhead g = grid.poll();
    if (g != null) {
      gridStampNanos = nowNanos;
      gridFloor =
          !(g.coverage >= MIN_COVERAGE) || g.groundCells < MIN_GROUND_CELLS
              ? GroundCall.SMOOTH
              : g.stepCells >= MIN_STEP_CELLS
                  ? GroundCall.STEPS
                  : g.meanStepM >= UNEVEN_AHEAD_M ? GroundCall.UNEVEN : GroundCall.SMOOTH;
    }
    return nowNanos - gridStampNanos <= staleNanos ? gridFloor : GroundCall.SMOOTH;
  }

  private GroundCall classFloor(long nowNanos) {
    if (ahead == null) {
      return GroundCall.SMOOTH;
    }
    TerrainEstimate e = ahead.poll();
    if (e != null) {
      stampNanos = nowNanos;
      String name = e.bestName();
      className = name;
      floor =
          name == null || !(e.bestProbability() >= MIN_PROBABILITY) ? GroundCall.SMOOTH : of(name);
    }
    return nowNanos - stampNanos <= staleNanos ? floor : GroundCall.SMOOTH;
  }

  static GroundCall of(String terrainClass) {
    switch (terrainClass) {
      case "ice":
      case "mud":
        return GroundCall.SLIPPERY;
      case "gravel":
      case "dirt":
      case "grass":
      case "sand":
        return GroundCall.UNEVEN;
      default:
        return GroundCall.SMOOTH;
    }
  }

  /** The latest class seen (null before the first), for telemetry. */
  public String className() {
    return className;
  }
}
