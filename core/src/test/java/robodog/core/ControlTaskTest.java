package robodog.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tick's read → update → write order and what reaches the servos when something throws. The
 * port and controller here are small hand-written test doubles that log into one shared list.
 */
class ControlTaskTest {
  /** A port that logs calls, records what was written, and fails on demand. */
  static final class FakePort implements HardwarePort {
    final List<String> log;
    final List<JointCommand> written = new ArrayList<>();
    final List<Throwable> errors = new ArrayList<>();
    double reading = 0.25;
    boolean failRead;
    boolean failWrite;

    FakePort(List<String> log) {
      this.log = log;
    }

    @Override
    public void configure() {}

    @Override
    public void activate() {}

    @Override
    public void deactivate() {}

    @Override
    public void read(long now, long period, RobotState s) {
      log.add("read@" + now);
      if (failRead) {
        throw new IllegalStateException("bus error");
      }
      s.stampNanos = now;
      s.jointPosition[0] = reading;
    }

    @Override
    public void write(long now, long period, JointCommand c) {
      log.add("write@" + now);
      if (failWrite) {
        throw new IllegalStateException("servo board gone");
      }
      JointCommand copy = new JointCommand();
      copy.copyFrom(c);
      written.add(copy);
    }

    @Override
    public void onError(Throwable cause) {
      log.add("onError");
      errors.add(cause);
    }
  }

  /**
   * Commands every joint to {@code target + joint 0 reading}; when told to fail it writes 9.0 into
   * part of the command first, then throws (a half-written command).
   */
  static final class FakeController implements Controller {
    final List<String> log;
    final List<Throwable> faults = new ArrayList<>();
    double target = 1.0;
    boolean fail;
    double sawReading = Double.NaN;

    FakeController(List<String> log) {
      this.log = log;
    }

    @Override
    public void update(long now, long period, RobotState s, JointCommand out) {
      log.add("update@" + now);
      sawReading = s.jointPosition[0];
      if (fail) {
        out.position[0] = 9.0;
        out.position[5] = 9.0;
        out.enabled = false;
        throw new ArithmeticException("bug");
      }
      Arrays.fill(out.position, target + s.jointPosition[0]);
      out.enabled = true;
    }

    @Override
    public void enterFault(Throwable cause) {
      log.add("enterFault");
      faults.add(cause);
    }
  }

  private final List<String> log = new ArrayList<>();
  private final FakePort port = new FakePort(log);
  private final FakeController law = new FakeController(log);
  private final ControlTask task = new ControlTask(port, law);

  /** Runs one tick the way LoopRunner does: an exception goes to onTickException. */
  private void tick(long now) {
    try {
      task.tick(now, 10);
    } catch (RuntimeException e) {
      task.onTickException(e);
    }
  }

  private static double[] filled(double v) {
    double[] a = new double[Joints.COUNT];
    Arrays.fill(a, v);
    return a;
  }

  @Test
  void eachTickReadsThenUpdatesThenWrites() {
    tick(100);
    tick(110);
    assertEquals(
        List.of("read@100", "update@100", "write@100", "read@110", "update@110", "write@110"), log);
    assertEquals(0.25, law.sawReading, 0, "the controller sees this tick's reading");
    assertEquals(110, task.state().stampNanos, "state() is the latest reading");
    assertArrayEquals(filled(1.25), port.written.get(1).position, 0);
    assertTrue(port.written.get(1).enabled);
    assertTrue(law.faults.isEmpty());
  }

  @Test
  void aControllerExceptionFaultsAndHoldsTheLastGoodCommandNotTheHalfWrittenOne() {
    tick(0);
    law.target = 2.0;
    tick(10); // last good: 2.25 everywhere, enabled
    law.fail = true;
    log.clear();
    tick(20);

    assertEquals(1, law.faults.size(), "enterFault called once");
    assertTrue(law.faults.get(0) instanceof ArithmeticException);
    assertEquals(List.of("read@20", "update@20", "enterFault", "write@20"), log);
    JointCommand held = port.written.get(port.written.size() - 1);
    assertArrayEquals(filled(2.25), held.position, 0, "the 9.0 half-write must not reach servos");
    assertTrue(held.enabled, "the half-written enabled=false must not reach servos either");
    assertArrayEquals(filled(2.25), task.command().position, 0);
    assertTrue(port.errors.isEmpty(), "the hardware itself did not fail");

    // The loop keeps ticking; once the controller recovers its commands flow again.
    law.fail = false;
    law.target = 3.0;
    tick(30);
    assertArrayEquals(filled(3.25), port.written.get(port.written.size() - 1).position, 0);
  }

  @Test
  void aControllerExceptionOnTheFirstTickSendsTheInitialCommandWithServosOff() {
    law.fail = true;
    tick(0);
    assertEquals(1, law.faults.size());
    assertEquals(1, port.written.size());
    assertFalse(port.written.get(0).enabled, "nothing good was ever computed: servos stay off");
    assertArrayEquals(filled(0), port.written.get(0).position, 0);
  }

  @Test
  void aReadExceptionCallsOnErrorAndWritesNothing() {
    tick(0);
    int writes = port.written.size();
    port.failRead = true;
    log.clear();
    tick(10);
    assertEquals(List.of("read@10", "enterFault", "onError"), log);
    assertEquals(1, law.faults.size());
    assertEquals(1, port.errors.size());
    assertSame(law.faults.get(0), port.errors.get(0), "both are told the same cause");
    assertEquals(writes, port.written.size(), "no command based on a failed read");
  }

  @Test
  void aWriteExceptionCallsOnError() {
    port.failWrite = true;
    tick(0);
    assertEquals(List.of("read@0", "update@0", "write@0", "enterFault", "onError"), log);
    assertEquals(1, port.errors.size());
    assertEquals("servo board gone", port.errors.get(0).getMessage());

    // A hardware failure during a later tick does not leave the task believing it is mid-write.
    port.failWrite = false;
    law.fail = true;
    log.clear();
    tick(10);
    assertEquals(List.of("read@10", "update@10", "enterFault", "write@10"), log);
  }

  @Test
  void aFailingHoldWriteIsReportedToTheHardwareNotThrown() {
    tick(0);
    law.fail = true;
    port.failWrite = true;
    task.onTickException(assertThrows(ArithmeticException.class, () -> task.tick(10, 10)));
    assertEquals(1, port.errors.size(), "the failed hold write goes to onError");
    assertEquals(1, law.faults.size());
  }
}
