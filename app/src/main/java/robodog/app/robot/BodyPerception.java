package robodog.app.robot;

import robodog.perception.PerceptionOutputs;

/**
 * A body's running camera pipeline: its outputs (markers, people, grid, terrain, snapshots) for the
 * operator link and missions, and a summary at the end. Start-up and shutdown thread.
 */
public interface BodyPerception extends AutoCloseable {
  PerceptionOutputs outputs();

  /** Frames processed, per-stage cost, degraded inputs; after {@link #close}. */
  String summary();

  /**
   * Lock step only: before simulating time {@code simTimeS}, waits for the frame due by then. The
   * robot's own camera keeps its own time and ignores this.
   */
  default void beforeTick(double simTimeS) {}

  @Override
  void close();
}
