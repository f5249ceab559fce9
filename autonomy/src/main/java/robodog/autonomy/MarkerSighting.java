package robodog.autonomy;

/**
 * One ArUco marker seen by perception: its id and its centre's position in base_link (m, x forward,
 * y left). This is what autonomy needs from perception's Landmarks message; app adapts one to the
 * other. Immutable.
 */
public record MarkerSighting(int id, double x, double y) {}
