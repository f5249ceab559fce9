package robodog.locomotion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import robodog.core.ControlTask;
import robodog.core.GaitSetting;
import robodog.core.HardwarePort;
import robodog.core.IdealServoHardware;
import robodog.core.JointCommand;
import robodog.core.Joints;
import robodog.core.LoopRunner;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.Notice;
import robodog.core.RobotState;
import robodog.core.SteppableClock;
import robodog.core.perception.SafetyLimit;

/**
 * Fault injection at every input of the tick, one field at a time, with NaN, +Inf, -Inf and 1e300:
 * every joint target the hardware receives is finite, or the mode is FAULT and the targets are the
 * last good pose. A single bad sensor sample is dropped (the walk continues, with a notice); a
 * sensor that stays bad latches FAULT.
 */
class NonFiniteInputTest {
  static final double[] BAD = {
    Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300
  };

  /** A field of the robot state by name, and how to set it. */
  record StateField(String name, BiConsumer<RobotState, Double> set) {}

  static List<StateField> stateFields() {
    List<StateField> f = new ArrayList<>();
    for (int j : new int[] {0, 7, Joints.COUNT - 1}) {
      f.add(new StateField("jointPosition[" + j + "]", (s, v) -> s.jointPosition[j] = v));
      f.add(new StateField("jointVelocity[" + j + "]", (s, v) -> s.jointVelocity[j] = v));
      f.add(new StateField("jointEffort[" + j + "]", (s, v) -> s.jointEffort[j] = v));
    }
    for (int i = 0; i < 4; i++) {
      int k = i;
      f.add(new StateField("imuOrientation[" + i + "]", (s, v) -> s.imuOrientation[k] = v));
    }
    for (int i = 0; i < 3; i++) {
      int k = i;
      f.add(new StateField("imuAngularVelocity[" + i + "]", (s, v) -> s.imuAngularVelocity[k] = v));
      f.add(
          new StateField(
              "imuLinearAcceleration[" + i + "]", (s, v) -> s.imuLinearAcceleration[k] = v));
    }
    f.add(new StateField("batteryVolts", (s, v) -> s.batteryVolts = v));
    return f;
  }

  static Stream<Arguments> stateCases() {
    List<Arguments> a = new ArrayList<>();
    for (StateField f : stateFields()) {
      for (double v : BAD) {
        a.add(Arguments.of(f.name(), f, v));
      }
    }
    return a.stream();
  }

  /** Perfect servos with a contact-sensing body, and a reading corrupted while {@code bad > 0}. */
  static final class Injecting implements HardwarePort {
    final IdealServoHardware inner;
    StateField field;
    double value;
    int bad;
    // Set: the feet report contact as on flat ground (down unless swinging), so the robot may pick
    // its own gait; null: every foot always reports contact.
    java.util.function.IntPredicate swinging;
    // Boxed once per value: the injection itself must not allocate in RefusalAllocationTest, and
    // once the setter call site has seen many lambdas the JIT no longer removes a fresh box.
    private Double boxed;

    Injecting(double[] joints) {
      inner = new IdealServoHardware(joints);
    }

    @Override
    public void configure() throws Exception {
      inner.configure();
    }

    @Override
    public void activate() throws Exception {
      inner.activate();
    }

    @Override
    public void deactivate() {
      inner.deactivate();
    }

    @Override
    public void read(long now, long period, RobotState s) {
      inner.read(now, period, s);
      // Fields the ideal servos leave alone get a fresh, plausible value every read.
      java.util.Arrays.fill(s.jointEffort, 0.1);
      java.util.Arrays.fill(s.imuAngularVelocity, 0.01);
      s.imuLinearAcceleration[0] = 0;
      s.imuLinearAcceleration[1] = 0;
      s.batteryVolts = 8.0;
      s.contactsValid = true; // the leveler runs: its integral is where a NaN used to stay
      java.util.Arrays.fill(s.footContact, true);
      for (int i = 0; swinging != null && i < s.footContact.length; i++) {
        s.footContact[i] = !swinging.test(i);
      }
      if (bad > 0) {
        bad--;
        if (boxed == null || Double.compare(boxed, value) != 0) {
          boxed = value;
        }
        field.set().accept(s, boxed);
      }
    }

    @Override
    public void write(long now, long period, JointCommand c) {
      inner.write(now, period, c);
    }

    @Override
    public void onError(Throwable cause) {
      inner.onError(cause);
    }
  }

  /** The controller walking on {@link Injecting}, recording what it sends every tick. */
  static final class Rig {
    final LocomotionConfig config = LocomotionConfig.load(java.nio.file.Path.of("../config"));
    final Mailbox<MotionCommand> commands = LocomotionConfig.commandMailbox();
    final HexapodController controller =
        config.newController(commands, LocomotionConfig.telemetryMailbox(), Mode.STANDING);
    final Injecting hw = new Injecting(config.standingJointAngles());
    final ControlTask task = new ControlTask(hw, controller);
    final LoopRunner loop = new LoopRunner(new SteppableClock(), 2_000_000L, task, "test");
    final MotionCommand cmd = new MotionCommand();
    final List<Notice> notices = new ArrayList<>();

    Rig() {
      cmd.requestedMode = Mode.WALKING;
      // An explicit gait: these feet report contact even in swing, which the robot's own gait
      // choice would rightly read as rough ground.
      cmd.gaitIndex = 0;
      cmd.vx = 0.1;
      cmd.yawRate = 0.1;
      commands.offer(cmd);
      ticks(1000); // walking, leveler integrating
      assertEquals(Mode.WALKING, controller.telemetry().mode);
    }

    /** Runs n ticks; every target sent must be finite or the mode FAULT holding one pose. */
    void ticks(int n) {
      double[] held = null;
      for (int i = 0; i < n; i++) {
        try {
          loop.runTicks(1);
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
        double[] sent = task.command().position;
        for (int j = 0; j < Joints.COUNT; j++) {
          assertTrue(Double.isFinite(sent[j]), "joint " + j + " target " + sent[j]);
        }
        if (controller.telemetry().mode == Mode.FAULT) {
          if (held == null) {
            held = sent.clone();
          }
          assertArrayEquals(held, sent, "FAULT holds one pose");
        }
        notices.add(controller.telemetry().notice);
      }
    }

    Mode mode() {
      return controller.telemetry().mode;
    }
  }

  @ParameterizedTest(name = "{0} = {2}")
  @MethodSource("stateCases")
  void oneBadSensorSampleIsDroppedAndAStuckOneFaults(String name, StateField f, double v) {
    Rig r = new Rig();
    r.hw.field = f;
    r.hw.value = v;
    r.hw.bad = 1;
    r.ticks(500);
    assertEquals(Mode.WALKING, r.mode(), name + ": one dropped sample must not stop the walk");
    // NaN is the documented "not measured" of effort and battery: taken as it is.
    boolean unmeasured =
        Double.isNaN(v) && (name.equals("batteryVolts") || name.startsWith("jointEffort"));
    assertEquals(!unmeasured, r.notices.contains(Notice.SENSOR_SAMPLE_DROPPED), name + ": notice");
    r.hw.bad = Integer.MAX_VALUE;
    r.ticks(StateGuard.FAULT_TICKS + 1);
    if (unmeasured) {
      assertEquals(Mode.WALKING, r.mode(), name + ": not measured is not a fault");
      return;
    }
    assertEquals(Mode.FAULT, r.mode(), name + ": a sensor bad for long must latch FAULT");
    assertEquals(Notice.SENSOR_FAULT, r.controller.telemetry().notice);
    double[] held = r.task.command().position.clone();
    r.ticks(200);
    assertArrayEquals(held, r.task.command().position, "FAULT holds the last good pose");
  }

  /** A command field by name, and how to set it. */
  record CommandField(String name, BiConsumer<MotionCommand, Double> set) {}

  static Stream<Arguments> commandCases() {
    List<CommandField> f =
        List.of(
            new CommandField("vx", (c, v) -> c.vx = v),
            new CommandField("vy", (c, v) -> c.vy = v),
            new CommandField("yawRate", (c, v) -> c.yawRate = v),
            new CommandField("bodyHeight", (c, v) -> c.bodyHeight = v),
            new CommandField("bodyRoll", (c, v) -> c.bodyRoll = v),
            new CommandField("bodyPitch", (c, v) -> c.bodyPitch = v),
            new CommandField("bodyYaw", (c, v) -> c.bodyYaw = v),
            new CommandField("bodyX", (c, v) -> c.bodyX = v),
            new CommandField("bodyY", (c, v) -> c.bodyY = v),
            new CommandField("stepHeight", (c, v) -> c.stepHeight = v));
    List<Arguments> a = new ArrayList<>();
    for (CommandField c : f) {
      for (double v : BAD) {
        a.add(Arguments.of(c.name(), c, v));
      }
    }
    return a.stream();
  }

  @ParameterizedTest(name = "{0} = {2}")
  @MethodSource("commandCases")
  void aBadCommandFieldKeepsItsPreviousValueAndTheWalkGoesOn(
      String name, CommandField f, double v) {
    Rig r = new Rig();
    double vx = r.controller.telemetry().vx;
    f.set().accept(r.cmd, v);
    r.commands.offer(r.cmd);
    r.ticks(1000);
    assertEquals(Mode.WALKING, r.mode(), name);
    // NaN is the documented "default" of the two height fields; everything else is refused.
    boolean refused = !(Double.isNaN(v) && name.endsWith("Height"));
    assertEquals(
        refused, r.notices.contains(Notice.COMMAND_FIELD_REFUSED), name + ": refusal notice");
    assertEquals(vx, r.controller.telemetry().vx, 1e-9, name + ": the walk speed is unchanged");
  }

  static Stream<Arguments> adviceCases() {
    List<Arguments> a = new ArrayList<>();
    for (String field : List.of("speedScale", "stepHeight", "bodyHeight")) {
      for (double v : BAD) {
        a.add(Arguments.of(field, v));
      }
    }
    return a.stream();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("adviceCases")
  void badGaitAdviceIsRefusedAndThePreviousAdviceHolds(String field, double v) {
    Rig r = new Rig();
    // Advice applies only while the robot picks its own gait: let it feel flat ground.
    r.hw.swinging = i -> r.controller.planner().isSwinging(i);
    r.cmd.gaitIndex = -1;
    r.commands.offer(r.cmd);
    // The always-down feet of the start read as steps; easing off to smooth takes 3 s per level.
    r.ticks(4000);
    Mailbox<GaitSetting> advice = new Mailbox<>(GaitSetting::new, (a, b) -> b.copyFrom(a));
    r.controller.setGaitAdvisor(advice);
    GaitSetting g = new GaitSetting();
    g.active = true;
    g.speedScale = 0.5;
    g.status = GaitSetting.Status.OK;
    advice.offer(g);
    r.ticks(1000);
    double scaled = r.controller.telemetry().vx;
    assertEquals(0.05, scaled, 1e-6, "the advice's own scale applies");
    switch (field) {
      case "speedScale" -> g.speedScale = v;
      case "stepHeight" -> g.stepHeight = v;
      default -> g.bodyHeight = v;
    }
    advice.offer(g);
    r.ticks(1000);
    assertEquals(Mode.WALKING, r.mode());
    boolean refused = !(Double.isNaN(v) && !field.equals("speedScale"));
    assertEquals(refused, r.notices.contains(Notice.GAIT_ADVICE_REFUSED), field + " refusal");
    assertEquals(0.05, r.controller.telemetry().vx, 1e-6, "the previous advice holds");
  }

  static Stream<Arguments> limitCases() {
    List<Arguments> a = new ArrayList<>();
    for (String field : List.of("speedScale", "nearestPersonM")) {
      for (double v : BAD) {
        a.add(Arguments.of(field, v));
      }
    }
    return a.stream();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("limitCases")
  void aBadSafetyLimitSlowsTheRobotLikeADegradedOne(String field, double v) {
    Rig r = new Rig();
    Mailbox<SafetyLimit> limits = new Mailbox<>(SafetyLimit::new, (a, b) -> b.copyFrom(a));
    r.controller.setSafetyLimits(limits, 1e9, 0.3);
    SafetyLimit l = new SafetyLimit();
    l.speedScale = 1.0;
    limits.offer(l);
    r.ticks(100);
    assertEquals(1.0, r.controller.safetyScale());
    if (field.equals("speedScale")) {
      l.speedScale = v;
    } else {
      l.nearestPersonM = v;
    }
    limits.offer(l);
    r.ticks(1000);
    // +Inf is "nobody seen", a valid distance; every other value is refused.
    boolean refused = !(field.equals("nearestPersonM") && v > 0); // +Inf: nobody seen
    assertEquals(refused, r.notices.contains(Notice.SAFETY_LIMIT_REFUSED), field + " refusal");
    assertEquals(refused ? 0.3 : 1.0, r.controller.safetyScale(), field + ": applied scale");
    assertEquals(Mode.WALKING, r.mode());
  }
}
