package robodog.locomotion.terrain;

import robodog.core.GroundCall;
import robodog.core.Mailbox;
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
 * <p>Control thread only (the mailbox's one consumer); allocation-free.
 */
public final class TerrainAhead {
  static final double MIN_PROBABILITY = 0.6;

  private Mailbox<TerrainEstimate> ahead;
  private long staleNanos;
  private long stampNanos;
  private GroundCall floor = GroundCall.SMOOTH;
  private String className;

  /** Connects perception's estimate; call before the loop starts. */
  public void connect(Mailbox<TerrainEstimate> mailbox, double staleS) {
    this.ahead = mailbox;
    this.staleNanos = (long) (staleS * 1e9);
  }

  /** Reads a new estimate if one came; returns the floor in force at {@code nowNanos}. */
  public GroundCall update(long nowNanos) {
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
