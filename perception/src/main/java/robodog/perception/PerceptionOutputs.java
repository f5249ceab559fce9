package robodog.perception;

import robodog.core.Mailbox;
import robodog.core.perception.CameraSnapshot;
import robodog.core.perception.GroundAhead;
import robodog.core.perception.HeightGrid;
import robodog.core.perception.Landmarks;
import robodog.core.perception.PeopleZones;
import robodog.core.perception.PerceptionHealth;
import robodog.core.perception.SafetyLimit;
import robodog.core.perception.TerrainEstimate;

/**
 * The mailboxes perception publishes into; the only way its results leave the perception threads.
 * Each has one consumer (the controller takes {@link #safety}, {@link #terrainAhead} and {@link
 * #groundAhead}; autonomy and telemetry the others; {@link #terrain} and {@link #terrainAhead}
 * carry the same estimate). {@link #terrain} and {@link #snapshot} are filled only when those
 * stages run ({@link PipelineSettings}).
 */
public record PerceptionOutputs(
    Mailbox<Landmarks> landmarks,
    Mailbox<PeopleZones> people,
    Mailbox<SafetyLimit> safety,
    Mailbox<HeightGrid> grid,
    Mailbox<PerceptionHealth> health,
    Mailbox<TerrainEstimate> terrain,
    Mailbox<CameraSnapshot> snapshot,
    Mailbox<TerrainEstimate> terrainAhead,
    Mailbox<GroundAhead> groundAhead) {

  /** Fresh mailboxes; the grid mailbox holds grids of {@code cells} × {@code cells}. */
  public static PerceptionOutputs create(int cells, double resolutionM) {
    return new PerceptionOutputs(
        new Mailbox<>(Landmarks::new, (a, b) -> b.copyFrom(a)),
        new Mailbox<>(PeopleZones::new, (a, b) -> b.copyFrom(a)),
        new Mailbox<>(SafetyLimit::new, (a, b) -> b.copyFrom(a)),
        new Mailbox<>(() -> new HeightGrid(cells, resolutionM), (a, b) -> b.copyFrom(a)),
        new Mailbox<>(PerceptionHealth::new, (a, b) -> b.copyFrom(a)),
        new Mailbox<>(TerrainEstimate::new, (a, b) -> b.copyFrom(a)),
        new Mailbox<>(CameraSnapshot::new, (a, b) -> b.copyFrom(a)),
        new Mailbox<>(TerrainEstimate::new, (a, b) -> b.copyFrom(a)),
        new Mailbox<>(GroundAhead::new, (a, b) -> b.copyFrom(a)));
  }
}
