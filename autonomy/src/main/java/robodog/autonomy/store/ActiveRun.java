package robodog.autonomy.store;

/**
 * The run in progress as last saved: enough to show it after a crash and to resume it. The pose is
 * the robot's last known pose in the route frame (m, rad). Immutable.
 */
public record ActiveRun(
    RunRecord run,
    int nextWaypoint,
    String state,
    double x,
    double y,
    double yaw,
    long updatedMs) {}
