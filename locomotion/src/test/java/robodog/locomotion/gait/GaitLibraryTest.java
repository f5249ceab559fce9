package robodog.locomotion.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import robodog.core.LegId;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigNode;
import robodog.locomotion.Fixtures;
import robodog.locomotion.LocomotionConfig;

class GaitLibraryTest {
  private final LocomotionConfig cfg = Fixtures.config();

  @Test
  void theFourTableGaitsHaveTheirConfiguredDutyFactors() {
    GaitTable t = cfg.gaitTable();
    assertEquals(List.of("tripod", "tetrapod", "ripple", "wave"), t.names());
    assertEquals(1.0 / 2, t.byName("tripod").dutyFactor(), 1e-12);
    assertEquals(2.0 / 3, t.byName("tetrapod").dutyFactor(), 1e-12);
    assertEquals(2.0 / 3, t.byName("ripple").dutyFactor(), 1e-12);
    assertEquals(5.0 / 6, t.byName("wave").dutyFactor(), 1e-12);
  }

  @Test
  void everyTableGaitIsStaticallyStableOverItsWholeCycle() {
    for (int i = 0; i < cfg.gaitTable().gaits().size(); i++) {
      assertTrue(
          cfg.gaits().worstMargin(i, -1) > cfg.settings().minMargin(), cfg.gaits().get(i).name());
    }
  }

  @Test
  void everyFailedLegHasAFiveLegGaitWithPositiveMarginThroughTheCycle() {
    for (LegId leg : LegId.VALUES) {
      int five = cfg.gaits().fiveLegIndex(leg.ordinal());
      Gait g = cfg.gaits().get(five);
      assertTrue(Double.isNaN(g.offset(leg)), "failed leg must never lift");
      double m = cfg.gaits().worstMargin(five, leg.ordinal());
      assertTrue(m > cfg.settings().minMargin(), "five-leg gait for " + leg + ": margin " + m);
    }
  }

  @Test
  void tripodIsRefusedWithAFailedLeg() {
    int tripod = cfg.gaits().indexOf("tripod");
    for (LegId leg : LegId.VALUES) {
      assertFalse(cfg.gaits().allowed(tripod, leg.ordinal()), leg.toString());
    }
  }

  @Test
  void unknownGaitNameListsTheAllowedOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> cfg.gaitTable().byName("gallop"));
    assertTrue(e.getMessage().contains("tripod, tetrapod, ripple, wave"), e.getMessage());
  }

  @Test
  void anUnstableGaitRowIsRefusedAtStartUpNamingIt() {
    String yaml =
        "max_stride_m: 0.1\n"
            + "gaits:\n"
            + "  - {name: jump, duty_factor: 0.5, cycle_s: 1, step_height_m: 0.04,\n"
            + "     offsets: {lf: 0, lm: 0, lr: 0, rf: 0, rm: 0, rr: 0.5}}\n";
    GaitTable t = GaitTable.from(ConfigNode.parseString("bad-gaits.yaml", yaml));
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> LocomotionConfig.of(cfg.robot(), t, cfg.settings()));
    assertTrue(e.getMessage().contains("'jump'"), e.getMessage());
  }

  @Test
  void malformedGaitRowsNameTheField() {
    String yaml =
        "max_stride_m: 0.1\n"
            + "gaits:\n"
            + "  - {name: tripod, duty_factor: 1.5, cycle_s: 1, step_height_m: 0.04,\n"
            + "     offsets: {lf: 0, lm: 0.5, lr: 0, rf: 0.5, rm: 0, rr: 0.5}}\n";
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> GaitTable.from(ConfigNode.parseString("g.yaml", yaml)));
    assertTrue(e.getMessage().contains("g.yaml: gaits[0].duty_factor"), e.getMessage());
    String missingLeg =
        yaml.replace("duty_factor: 1.5", "duty_factor: 0.5").replace(", rr: 0.5", "");
    e =
        assertThrows(
            ConfigException.class,
            () -> GaitTable.from(ConfigNode.parseString("g.yaml", missingLeg)));
    assertTrue(e.getMessage().contains("gaits[0].offsets.rr"), e.getMessage());
  }
}
