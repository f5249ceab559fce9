package robodog.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Leg and joint names are what config files, URDF, CSV traces and the wire protocol rely on. */
class LegIdTest {
  @Test
  void shortAndLongNamesParseInAnyCase() {
    String[] shortNames = {"lf", "lm", "lr", "rf", "rm", "rr"};
    for (int i = 0; i < LegId.COUNT; i++) {
      LegId leg = LegId.of(i);
      assertEquals(shortNames[i], leg.shortName());
      assertEquals(leg, LegId.parse(shortNames[i]));
      assertEquals(leg, LegId.parse(shortNames[i].toUpperCase(Locale.ROOT)));
      assertEquals(leg, LegId.parse(leg.name()));
      assertEquals(leg, LegId.parse(leg.name().toLowerCase(Locale.ROOT)));
    }
    assertEquals(LegId.LEFT_FRONT, LegId.parse("Lf"));
    assertEquals(LegId.RIGHT_REAR, LegId.parse(" Right_Rear "), "surrounding blanks are ignored");
  }

  @Test
  void sidesFollowRep103() {
    assertTrue(LegId.LEFT_FRONT.isLeft());
    assertTrue(LegId.LEFT_MIDDLE.isLeft());
    assertTrue(LegId.LEFT_REAR.isLeft());
    assertFalse(LegId.RIGHT_FRONT.isLeft());
    assertFalse(LegId.RIGHT_MIDDLE.isLeft());
    assertFalse(LegId.RIGHT_REAR.isLeft());
  }

  @Test
  void anUnknownNameIsRefusedListingTheAllowedOnes() {
    for (String bad : new String[] {"x", "", "left", "lff", "LEFT-FRONT"}) {
      String m =
          assertThrows(IllegalArgumentException.class, () -> LegId.parse(bad), bad).getMessage();
      assertTrue(m.contains("'" + bad + "'"), m);
      assertTrue(m.contains("lf, lm, lr, rf, rm, rr"), m);
    }
    String m = assertThrows(IllegalArgumentException.class, () -> LegId.parse(null)).getMessage();
    assertTrue(m.contains("lf, lm, lr, rf, rm, rr"), m);
    assertEquals("lf, lm, lr, rf, rm, rr", LegId.allowedNames());
  }

  @Test
  void jointNamesAndIndicesAreUniqueAndInLegThenJointOrder() {
    assertEquals(18, Joints.COUNT);
    assertEquals("lf_coxa_joint", Joints.name(0));
    assertEquals("lf_femur_joint", Joints.name(1));
    assertEquals("lf_tibia_joint", Joints.name(2));
    assertEquals("lm_coxa_joint", Joints.name(3));
    assertEquals("rr_tibia_joint", Joints.name(Joints.COUNT - 1));

    Set<String> names = new HashSet<>();
    Set<Integer> indices = new HashSet<>();
    int expected = 0;
    for (LegId leg : LegId.VALUES) {
      for (JointKind kind : JointKind.VALUES) {
        int i = Joints.index(leg, kind);
        assertEquals(expected++, i, leg + " " + kind);
        assertEquals(i, Joints.index(leg.ordinal(), kind.ordinal()));
        assertEquals(leg.shortName() + "_" + kind.shortName() + "_joint", Joints.name(i));
        assertTrue(indices.add(i), "duplicate index " + i);
        assertTrue(names.add(Joints.name(i)), "duplicate name " + Joints.name(i));
      }
    }
    assertEquals(Joints.COUNT, names.size());
    assertEquals(10, Joints.index(LegId.RIGHT_FRONT, JointKind.FEMUR));
  }
}
