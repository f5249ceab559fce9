package robodog.autonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.Mode;

/**
 * A run paused by hand moves on only at the word of whoever paused it or of the run's supervisor;
 * an automatic hold (E-stop, lease taken, comms loss) resumes under the lease rules as before.
 */
class PausedRunResumeTest {
  @TempDir Path dir;

  private Bench dispatched() {
    Bench b = new Bench(dir.resolve("runs.db"));
    b.db.saveRoute(Routes.ell("ell"), "test", false);
    b.send("{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\"}");
    assertTrue(b.svc.mission() != null, "dispatched: " + b.errors);
    b.run(3);
    return b;
  }

  @Test
  void anotherOperatorCannotResumeTheSupervisorsPause() {
    try (Bench b = dispatched()) {
      b.send("{\"seq\":SEQ,\"op\":\"pause\"}");
      assertEquals(RunState.PAUSED, b.svc.mission().state());
      b.send("grip", "{\"seq\":SEQ,\"op\":\"resume\"}");
      b.send("grip", "{\"seq\":SEQ,\"op\":\"return_home\"}");
      b.run(2);
      assertEquals(RunState.PAUSED, b.svc.mission().state(), "still paused: " + b.errors);
      assertTrue(b.plant.speed() < 0.005, "standing still");
      assertEquals(
          "cmd/mission: resume refused: the run was paused by tablet; only tablet may move it on",
          b.errors.get(b.errors.size() - 2));
      assertTrue(b.errors.get(b.errors.size() - 1).startsWith("cmd/mission: return_home refused"));
      assertTrue(b.states.get(b.states.size() - 1).contains("\"paused_by\":\"tablet\""));
      // Even holding the lease (taken from autonomy) the other operator cannot lift the pause.
      b.lease.holder = "grip";
      b.send("grip", "{\"seq\":SEQ,\"op\":\"resume\"}");
      assertEquals(RunState.PAUSED, b.svc.mission().state());
      b.lease.holder = DrivePort.AUTONOMY;
      b.send("{\"seq\":SEQ,\"op\":\"resume\"}");
      assertEquals(RunState.RUNNING, b.svc.mission().state(), "the pauser resumes: " + b.errors);
      assertNull(b.svc.mission().pausedBy());
    }
  }

  @Test
  void aPauseByAnotherOperatorLiftsAtTheirWordOrTheSupervisors() {
    try (Bench b = dispatched()) {
      b.send("grip", "{\"seq\":SEQ,\"op\":\"pause\"}");
      b.send("focus", "{\"seq\":SEQ,\"op\":\"resume\"}");
      assertEquals(RunState.PAUSED, b.svc.mission().state());
      assertTrue(
          b.errors
              .get(b.errors.size() - 1)
              .endsWith("paused by grip; only grip or the run's supervisor tablet may move it on"),
          b.errors.toString());
      b.send("{\"seq\":SEQ,\"op\":\"resume\"}");
      assertEquals(RunState.RUNNING, b.svc.mission().state(), "supervisor resumes: " + b.errors);
      b.send("grip", "{\"seq\":SEQ,\"op\":\"pause\"}");
      b.send("grip", "{\"seq\":SEQ,\"op\":\"resume\"}");
      assertEquals(RunState.RUNNING, b.svc.mission().state(), "pauser resumes: " + b.errors);
    }
  }

  @Test
  void aHandPauseStaysOneThroughAnEstop() {
    try (Bench b = dispatched()) {
      b.send("{\"seq\":SEQ,\"op\":\"pause\"}");
      b.mode = Mode.ESTOP;
      b.svc.estopRequested(true);
      b.run(0.5);
      b.svc.estopRequested(false);
      b.mode = Mode.STANDING;
      b.run(0.5);
      b.send("grip", "{\"seq\":SEQ,\"op\":\"resume\"}");
      assertEquals(RunState.PAUSED, b.svc.mission().state());
      assertEquals("tablet", b.svc.mission().pausedBy());
    }
  }

  @Test
  void anAutomaticHoldResumesAsBefore() {
    try (Bench b = dispatched()) {
      // The grip takes the lease: the run pauses by itself; the new holder may resume it.
      b.lease.holder = "grip";
      b.run(0.5);
      assertEquals(RunState.PAUSED, b.svc.mission().state());
      assertNull(b.svc.mission().pausedBy());
      b.send("grip", "{\"seq\":SEQ,\"op\":\"resume\"}");
      assertEquals(RunState.RUNNING, b.svc.mission().state(), "resumed: " + b.errors);
      // Comms loss: the run waits; the operator back on the link resumes.
      b.linkUp = false;
      b.supervisor = "nobody";
      b.run(4);
      assertEquals(RunState.WAITING, b.svc.mission().state());
      b.send("focus", "{\"seq\":SEQ,\"op\":\"resume\"}");
      assertEquals(RunState.RUNNING, b.svc.mission().state(), "resumed: " + b.errors);
    }
  }
}
