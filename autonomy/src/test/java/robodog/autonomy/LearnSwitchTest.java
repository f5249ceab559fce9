package robodog.autonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dispatch with {@code "learn": false} walks the ride profile's own setting and stores nothing
 * for later runs; without the field a run learns; a learn that is not a boolean is refused whole.
 */
class LearnSwitchTest {
  @TempDir Path dir;

  private static void runToEnd(Bench b) {
    for (int k = 0; k < 240 && b.svc.mission() != null; k++) {
      b.run(1);
    }
    assertNull(b.svc.mission(), "the run ended: " + b.errors);
  }

  @Test
  void aRunDispatchedWithoutLearningStoresNothingAndADefaultRunDoes() {
    try (Bench b = new Bench(dir.resolve("runs.db"))) {
      b.db.saveRoute(Routes.ell("ell"), "test", false);
      b.send("{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\",\"learn\":false}");
      assertTrue(b.svc.mission() != null, "dispatched: " + b.errors);
      runToEnd(b);
      assertEquals(0, b.db.segments().results("ell").size(), "nothing learned");
      b.send("{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\"}");
      assertTrue(b.svc.mission() != null, "dispatched again: " + b.errors);
      runToEnd(b);
      assertFalse(b.db.segments().results("ell").isEmpty(), "a default run learns");
    }
  }

  @Test
  void aLearnThatIsNotABooleanIsRefusedNamingTheField() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                MissionCommand.parse(
                    "{\"seq\":1,\"op\":\"dispatch\",\"route\":\"ell\",\"learn\":\"no\"}"
                        .getBytes(StandardCharsets.UTF_8)));
    assertEquals("cmd/mission: learn: expected true or false, got \"no\"", e.getMessage());
  }
}
