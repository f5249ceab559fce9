package robodog.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import robodog.core.JointKind;
import robodog.core.LegId;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigNode;
import robodog.sim.failure.LegFailure;

/** The scenario's {@code leg_failure}: defaults, and errors that name the field. */
class LegFailureSpecTest {
  private static final String OK =
      "name: t\nterrain: {type: flat}\nduration_s: 10\ncommands:\n  - {t_s: 0, vx_mps: 0.1}\n";

  private static Scenario parse(String yaml) {
    return ScenarioLoader.parse(ConfigNode.parseString("s.yaml", yaml));
  }

  private static String error(String extra) {
    return assertThrows(ConfigException.class, () -> parse(OK + extra)).getMessage();
  }

  @Test
  void aFailureParsesWithFemurByDefault() {
    assertNull(parse(OK).legFailure());
    LegFailure f = parse(OK + "leg_failure: {leg: lm, kind: stuck, at_s: 8}\n").legFailure();
    assertEquals(new LegFailure(LegId.LEFT_MIDDLE, LegFailure.Kind.STUCK, JointKind.FEMUR, 8), f);
    f = parse(OK + "leg_failure: {leg: RR, kind: limp, joint: tibia, at_s: 2.5}\n").legFailure();
    assertEquals(JointKind.TIBIA, f.joint());
    assertEquals("rr tibia limp at 2.50 s", f.label());
    f = parse(OK + "leg_failure: {leg: rf, kind: tibia_short, at_s: 0}\n").legFailure();
    assertEquals(LegFailure.Kind.TIBIA_SHORT, f.kind());
  }

  @Test
  void badFailuresNameTheFieldAndWhatWasExpected() {
    String m = error("leg_failure: {leg: middle, kind: stuck, at_s: 1}\n");
    assertTrue(m.contains("s.yaml: leg_failure.leg") && m.contains("lf, lm, lr, rf, rm, rr"), m);
    m = error("leg_failure: {leg: lm, kind: broken, at_s: 1}\n");
    assertTrue(
        m.contains("leg_failure.kind") && m.contains("stuck, limp, tibia_short, switch_dead"), m);
    m = error("leg_failure: {leg: lm, kind: stuck, joint: knee, at_s: 1}\n");
    assertTrue(m.contains("leg_failure.joint") && m.contains("coxa, femur, tibia"), m);
    m = error("leg_failure: {leg: lm, kind: switch_dead, joint: femur, at_s: 1}\n");
    assertTrue(m.contains("leg_failure.joint") && m.contains("only stuck and limp"), m);
    m = error("leg_failure: {leg: lm, kind: stuck, at_s: 11}\n");
    assertTrue(m.contains("leg_failure.at_s") && m.contains("within duration_s"), m);
    m = error("leg_failure: {leg: lm, kind: stuck}\n");
    assertTrue(m.contains("leg_failure.at_s") && m.contains("missing"), m);
    m = error("leg_failure: {leg: lm, kind: stuck, at_s: 1, when: now}\n");
    assertTrue(m.contains("leg_failure.when: unknown field"), m);
    m = error("leg_failure: lm\n");
    assertTrue(m.contains("leg_failure") && m.contains("a mapping"), m);
  }
}
