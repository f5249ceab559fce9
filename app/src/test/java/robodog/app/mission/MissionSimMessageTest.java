package robodog.app.mission;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.app.robot.HarnessRobots;
import robodog.autonomy.store.RunDatabase;
import robodog.harness.mission.MarkerField;
import robodog.harness.mission.MissionSim;

/** A route name reaches the mission service exactly as written, whatever characters it holds. */
class MissionSimMessageTest {
  @TempDir Path dir;

  @Test
  void aRouteNameArrivesIntactWhateverItHolds() throws Exception {
    try (RunDatabase db = RunDatabase.open(dir.resolve("runs.db"));
        MissionSim s =
            new MissionSim(
                HarnessRobots.HEADLESS,
                TeachAndRepeatTest.CFG,
                TeachAndRepeatTest.SC,
                1,
                200,
                db,
                MarkerField.none(),
                0,
                id -> {})) {
      s.operator("tablet", "cmd/lease", MissionSim.message().put("action", "acquire"));
      // The text the fixed-text form replaces with the sequence number, inside a valid name.
      dispatch(s, "yard-SEQ.b");
      assertTrue(last(s).contains("unknown route 'yard-SEQ.b':"), last(s));
      // Quotes, a backslash, a newline and non-ASCII: one JSON string, refused by the name rule
      // (not by the parser as broken JSON).
      dispatch(s, "yard \"B\"\\north\ngr\u00fcn \u8349");
      assertTrue(last(s).startsWith("cmd/mission: route: expected 1-64 letters"), last(s));
      assertNull(s.service().mission(), "nothing dispatched");
    }
  }

  private static void dispatch(MissionSim s, String route) {
    ObjectNode d = MissionSim.message().put("op", "dispatch").put("route", route);
    d.putObject("payload").put("mass_kg", 2).put("com_height_m", 0.2).put("fragility", 0.5);
    s.mission("tablet", d);
  }

  private static String last(MissionSim s) {
    return s.errors().isEmpty() ? "(no error)" : s.errors().get(s.errors().size() - 1);
  }
}
