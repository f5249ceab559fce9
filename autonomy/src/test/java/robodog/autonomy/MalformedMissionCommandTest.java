package robodog.autonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.Mode;

/** Bad mission commands are refused with a reason, and nothing starts. */
class MalformedMissionCommandTest {
  @TempDir Path dir;

  private void refused(Bench b, String json, String reason) {
    int before = b.errors.size();
    b.send(json);
    assertEquals(before + 1, b.errors.size(), "refused: " + json);
    String e = b.errors.get(before);
    assertTrue(e.contains(reason), e + " should mention " + reason);
    assertNull(b.svc.mission(), "no run started by " + json);
  }

  @Test
  void everyBadDispatchIsRefusedWithItsReason() {
    try (Bench b = new Bench(dir.resolve("m.db"))) {
      b.db.saveRoute(Routes.ell("ell"), "test", false);
      refused(b, "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"nope\"}", "unknown route 'nope'");
      refused(
          b,
          "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\",\"payload\":{\"mass_kg\":-1}}",
          "payload.mass_kg");
      refused(
          b,
          "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\",\"payload\":{\"mass_kg\":\"3\"}}",
          "payload.mass_kg: expected a number");
      refused(
          b,
          "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\",\"payload\":{\"fragility\":7}}",
          "payload.fragility");
      refused(
          b,
          "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\",\"payload\":{\"mass\":1}}",
          "unknown field 'mass'");
      refused(
          b,
          "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\",\"comms_loss\":{\"policy\":\"pray\"}}",
          "unknown policy 'pray'");
      refused(
          b,
          "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\",\"comms_loss\":{\"timeout_s\":0}}",
          "comms_loss.timeout_s");
      refused(b, "{\"seq\":SEQ,\"op\":\"dispatch\"}", "needs a route name");
      refused(b, "{\"seq\":SEQ,\"op\":\"fly\"}", "op: expected one of");
      refused(b, "not json", "not JSON");
      refused(b, "{\"op\":\"pause\"}", "seq");
      refused(b, "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"../etc\"}", "route: expected");
      // Without the lease.
      int before = b.errors.size();
      b.send("intruder", "{\"seq\":1,\"op\":\"dispatch\",\"route\":\"ell\"}");
      assertTrue(
          b.errors
              .get(before)
              .contains("intruder does not hold the control lease (held by tablet)"),
          b.errors.get(before));
      assertNull(b.svc.mission());
      // While E-stopped.
      b.mode = Mode.ESTOP;
      b.step();
      refused(b, "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\"}", "E-stopped");
      assertEquals("tablet", b.lease.holder, "the lease stays where it was");
      // Replay of an old seq.
      b.mode = Mode.STANDING;
      b.step();
      b.svc.onMessage("tablet", "{\"seq\":1,\"op\":\"pause\"}".getBytes(), b.nowNanos);
      assertTrue(b.errors.get(b.errors.size() - 1).contains("not newer"));
      // And a good one goes.
      b.send(
          "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\",\"payload\":{\"mass_kg\":1.5,"
              + "\"com_height_m\":0.1,\"fragility\":0.5}}");
      assertEquals(RunState.RUNNING, b.svc.mission().state());
      assertEquals("smooth", b.svc.mission().profile().name());
      assertEquals(DrivePort.AUTONOMY, b.lease.holder);
      refused2(b);
    }
  }

  private void refused2(Bench b) {
    int before = b.errors.size();
    b.send("{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\"}");
    assertTrue(b.errors.get(before).contains("is in progress"), b.errors.get(before));
  }

  @Test
  void eStopAndATakenLeasePauseTheRun() {
    try (Bench b = new Bench(dir.resolve("e.db"))) {
      b.db.saveRoute(Routes.ell("ell"), "test", false);
      b.send("{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\"}");
      b.run(5);
      b.mode = Mode.ESTOP;
      b.run(1);
      assertEquals(RunState.PAUSED, b.svc.mission().state());
      b.send("{\"seq\":SEQ,\"op\":\"resume\"}");
      assertTrue(b.errors.get(b.errors.size() - 1).contains("E-stopped"));
      b.mode = Mode.STANDING; // released; autonomy sees it in the next telemetry
      b.step();
      b.send("{\"seq\":SEQ,\"op\":\"resume\"}");
      b.run(2);
      assertEquals(RunState.RUNNING, b.svc.mission().state());
      b.lease.holder = "director"; // someone took control
      b.run(1);
      assertEquals(RunState.PAUSED, b.svc.mission().state());
      b.send("director", "{\"seq\":SEQ,\"op\":\"resume\"}");
      b.supervisor = "director";
      assertEquals(DrivePort.AUTONOMY, b.lease.holder);
      assertTrue(b.runUntilDone(120));
      assertEquals("director", b.lease.holder, "returned to whoever supervised last");
    }
  }
}
