package robodog.autonomy.store;

/** A point of a run's path for the report: seconds since dispatch, route frame m, m/s. */
public record Sample(double tS, double x, double y, double speedMps) {}
