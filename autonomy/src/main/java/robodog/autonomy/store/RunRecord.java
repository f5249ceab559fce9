package robodog.autonomy.store;

/**
 * One row of run history. Immutable.
 *
 * @param state the run's last state (running, paused, interrupted, completed, aborted, ...)
 * @param outcome null while the run is not finished
 * @param distanceM distance walked, m
 * @param durationS time under way, s
 */
public record RunRecord(
    long id,
    String route,
    String dispatchedBy,
    long dispatchedMs,
    String payloadJson,
    String profile,
    String commsLoss,
    String state,
    String outcome,
    double distanceM,
    double durationS,
    Long endedMs,
    int incidents) {}
