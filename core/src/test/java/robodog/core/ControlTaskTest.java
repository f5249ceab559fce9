package robodog.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlTaskTest {
  /** A port that logs calls and can fail on read. */
  static final class LoggingPort implements HardwarePort {
    final List<String> log = new ArrayList<>();
    final List<double[]> written = new ArrayList<>();
    boolean failRead;

    @Override
    public void configure() {}

    @Override
    public void activate() {}

    @Override
    public void deactivate() {}

    @Override
    public void read(long now, long period, RobotState s) {
      log.add("read");
      if (failRead) {
        throw new IllegalStateException("bus error");
      }
    }

    @Override
    public void write(long now, long period, JointCommand c) {
      log.add("write");
      written.add(c.position.clone());
    }

    @Override
    public void onError(Throwable cause) {
      log.add("onError");
    }
  }

  /** Writes 1.0 into every joint, or half-writes 9.0 and throws. */
  static final class Law implements Controller {
    boolean fail;
    boolean faulted;

    @Override
    public void update(long now, long period, RobotState s, JointCommand out) {
      if (fail) {
        out.position[0] = 9.0;
        throw new ArithmeticException("bug");
      }
      java.util.Arrays.fill(out.position, 1.0);
      out.enabled = true;
    }

    @Override
    public void enterFault(Throwable cause) {
      faulted = true;
    }
  }

  @Test
  void readThenUpdateThenWrite() {
    LoggingPort port = new LoggingPort();
    ControlTask t = new ControlTask(port, new Law());
    t.tick(0, 1);
    assertEquals(List.of("read", "write"), port.log);
  }

  @Test
  void aControllerExceptionHoldsTheLastGoodCommandNotTheHalfWrittenOne() {
    LoggingPort port = new LoggingPort();
    Law law = new Law();
    ControlTask t = new ControlTask(port, law);
    t.tick(0, 1);
    law.fail = true;
    try {
      t.tick(1, 1);
    } catch (ArithmeticException expected) {
      t.onTickException(expected);
    }
    assertTrue(law.faulted);
    double[] ones = new double[Joints.COUNT];
    java.util.Arrays.fill(ones, 1.0);
    assertArrayEquals(ones, port.written.get(port.written.size() - 1), 0.0);
  }

  @Test
  void aHardwareExceptionCallsOnError() {
    LoggingPort port = new LoggingPort();
    Law law = new Law();
    ControlTask t = new ControlTask(port, law);
    port.failRead = true;
    try {
      t.tick(0, 1);
    } catch (IllegalStateException expected) {
      t.onTickException(expected);
    }
    assertTrue(law.faulted);
    assertEquals("onError", port.log.get(port.log.size() - 1));
  }
}
