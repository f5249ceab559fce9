package robodog.sim;

/**
 * What a robot collision geom is, stored as the geom's data so the contact code knows what touched
 * the ground without searching. Immutable.
 *
 * @param kind body box, foot sphere or tibia capsule
 * @param leg {@link robodog.core.LegId} ordinal, or -1 for the body
 */
record RobotPart(Kind kind, int leg) {
  enum Kind {
    BODY,
    FOOT,
    TIBIA
  }
}
