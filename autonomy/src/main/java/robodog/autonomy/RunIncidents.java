package robodog.autonomy;

import java.util.function.Consumer;
import robodog.autonomy.store.Incident;

/**
 * Where a run's incidents go, each stamped with the run's time under way (s, from {@link
 * RunOdometer}). The receiver may act on the run at once (the service pauses a run whose database
 * write failed), so callers record an incident after the state it reports has been set. Autonomy
 * thread only.
 */
final class RunIncidents {
  private final Consumer<Incident> sink;
  private final RunOdometer odometer;

  RunIncidents(Consumer<Incident> sink, RunOdometer odometer) {
    this.sink = sink;
    this.odometer = odometer;
  }

  /** Records {@code kind} (a wire word such as {@code paused}) with the operator's sentence. */
  void add(String kind, String detail) {
    sink.accept(new Incident(odometer.underWayS(), kind, detail));
  }
}
