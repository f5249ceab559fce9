package robodog.autonomy;

/**
 * Where a marker was while a route was taught, in the route frame (metres). Replay maps the live
 * odom frame onto the route frame by matching these. Immutable; any thread.
 */
public record Landmark(int markerId, double x, double y) {}
