package robodog.app.robot;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import robodog.app.learn.PolicyWiring;
import robodog.core.Clock;
import robodog.core.ControlTask;
import robodog.core.LoopRunner;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.core.Payload;
import robodog.core.SteppableClock;
import robodog.core.Telemetry;
import robodog.core.jobs.PeriodicJobs;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.TelemetryJson;

/**
 * The robot, assembled in this one place from a {@link Body}, a clock and the configuration: the
 * controller and its control loop, the operator link (lease, watchdog), the operator's side
 * (broker, tablet page, missions, ROS 2) when asked, the learned gait advisor, the body's
 * perception, telemetry, and the side jobs that keep them going. The Pi, hardware in the loop, the
 * realtime simulator and every headless run build it here, so what the tests drive is what runs on
 * the robot.
 *
 * <p>Side jobs ({@link PeriodicJobs}): thread {@value #LINK_THREAD} runs the link's timers at 500
 * Hz (it also hands telemetry and markers on to missions), telemetry out at 10 Hz and camera
 * snapshots at 20 Hz; thread {@value #MISSIONS_THREAD} steps missions at 20 Hz (its database may
 * block; nothing else waits for it); thread {@value #ADVISOR_THREAD} runs the advisor. On a stepped
 * clock all of them run in lock step after each control tick ({@link #step}).
 *
 * <p>Threading: build, {@link #start}, {@link #step} and {@link #close} from the start-up thread
 * (which is the control thread when it calls {@link #step}); {@link #requestStop} from any thread.
 */
public final class Robot implements AutoCloseable {
  public static final String LINK_THREAD = "operator-link";
  public static final String MISSIONS_THREAD = "missions";
  public static final String ADVISOR_THREAD = "advisor";

  /** The operator link's timers (velocity expiry, watchdog, sit-down), Hz. */
  public static final double LINK_TIMER_HZ = 500;

  /** Telemetry on {@code state/telemetry}, Hz. */
  public static final double TELEMETRY_HZ = 10;

  /** Camera snapshots on {@code state/camera} (the pipeline rate-limits them again), Hz. */
  public static final double CAMERA_HZ = 20;

  private static final System.Logger OPERATOR_LOG =
      System.getLogger("robodog.operatorlink.operator");
  private static final System.Logger ROBOT_LOG = System.getLogger("robodog.robot");
  private static final System.Logger LOG = ROBOT_LOG;

  private final LocomotionConfig cfg;
  private final Body body;
  private final Clock clock;
  private final boolean stepped;
  private final Mailbox<MotionCommand> commands = LocomotionConfig.commandMailbox();
  private final Mailbox<Telemetry> telemetry = LocomotionConfig.telemetryMailbox();
  private final PeriodicJobs jobs;
  private final OperatorLink link;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final java.util.List<java.util.function.Consumer<String>> reportListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile OperatorSide side;
  private volatile Payload payload = Payload.none();
  private PolicyWiring advisor;
  private BodyPerception perception;
  private HexapodController controller;
  private LoopRunner loop;
  private ControlTask task;
  private boolean active;
  private PrintWriter out;
  private robodog.core.rt.RealtimeRequest realtime;
  private boolean closed;

  private Robot(
      LocomotionConfig cfg,
      Body body,
      Clock clock,
      robodog.operatorlink.CommsLossStages commsLoss) {
    this.cfg = cfg;
    this.body = body;
    this.clock = clock;
    this.stepped = clock instanceof SteppableClock;
    this.jobs = new PeriodicJobs(clock, e -> report("robot", e));
    this.link = new OperatorLink(commands, e -> report("operator", e), commsLoss);
    link.gaitNames(cfg.gaitTable().names());
  }

  /**
   * Assembles the robot on {@code body}; nothing is powered until {@link #start} or the first
   * {@link #step}. A failure closes what was opened (the body too) and is rethrown.
   */
  public static Robot assemble(
      LocomotionConfig cfg, Body body, Clock clock, RobotSetup setup, PrintWriter out)
      throws Exception {
    Robot r =
        new Robot(
            cfg,
            body,
            clock,
            setup.link() != null
                ? setup.link().commsLoss()
                : robodog.operatorlink.CommsLossStages.DEFAULT);
    try {
      r.build(setup, out);
      return r;
    } catch (Exception | Error e) {
      r.close();
      throw e;
    }
  }

  private void build(RobotSetup setup, PrintWriter out) throws Exception {
    this.out = out;
    realtime = setup.realtime();
    payload = setup.payload();
    if (setup.policyFile() != null) {
      advisor = PolicyWiring.load(cfg, setup.policyFile(), payload.massKg());
      out.println(advisor.describe());
      link.policySwitch(advisor::setEnabled);
    }
    link.payloadSink(this::declarePayload);
    Mailbox<Telemetry> controllerTelemetry = telemetry;
    if (setup.link() != null) {
      side =
          OperatorSide.open(
              setup.link(), cfg, link, telemetry, clock, e -> report("operator", e), out);
      controllerTelemetry = side.controllerTelemetry();
      side.missions().declaredPayload(this::payload);
    }
    controller = cfg.newController(commands, controllerTelemetry, setup.initialMode());
    if (advisor != null) {
      advisor.attach(controller);
      advisor.addJobs(jobs, ADVISOR_THREAD);
    }
    if (setup.perception()) {
      perception = body.perception(controller, clock, stepped, out);
    }
    out.flush();
    SideJobs.add(jobs, link, telemetry, side, perception, advisor, this::payload);
    task = new ControlTask(body.hardware(), controller);
    loop = new LoopRunner(clock, Math.round(1e9 / setup.rateHz()), task, "control-loop");
  }

  /** The lease holder declared what is on board (the thread that delivered cmd/payload). */
  private void declarePayload(Payload p) {
    payload = p;
    if (advisor != null) {
      advisor.setPayloadKg(p.massKg());
    }
    LOG.log(
        System.Logger.Level.INFO,
        String.format(
            java.util.Locale.ROOT,
            "payload declared: %.2f kg, centre of mass %.2f m above the deck, fragility %.2f",
            p.massKg(),
            p.comHeightM(),
            p.fragility()));
  }

  /** The payload declared now: at start from the configuration, then by cmd/payload. Any thread. */
  public Payload payload() {
    return payload;
  }

  /**
   * A refusal or failure: one line to the log (component {@code operator} for the link's refusals,
   * so {@code --log-level operator=error} silences them; {@code robot} for side jobs), to {@code
   * state/error} when a broker is open, and to every report listener. Any thread.
   */
  private void report(String source, String line) {
    (source.equals("operator") ? OPERATOR_LOG : ROBOT_LOG).log(System.Logger.Level.WARNING, line);
    OperatorSide s = side;
    if (s != null) {
      s.publish("state/error", TelemetryJson.error(line), false);
    }
    for (java.util.function.Consumer<String> l : reportListeners) {
      l.accept(line);
    }
  }

  /**
   * Also tells {@code listener} every refusal and failure the robot reports (what {@code
   * state/error} carries); e.g. a simulated world that checks them. Any thread.
   */
  public void addReportListener(java.util.function.Consumer<String> listener) {
    reportListeners.add(listener);
  }

  /** Powers the hardware (servo relay on; the controller still decides what the legs do). */
  private void activate() {
    if (!active) {
      try {
        body.hardware().activate();
      } catch (Exception e) {
        throw new IllegalStateException(body.name() + " hardware: power-up failed: " + e, e);
      }
      active = true;
    }
  }

  /**
   * Real time: powers the hardware and starts the side jobs' threads; with {@code ownLoopThread}
   * also the control loop's own thread, else the caller is the control thread and ticks it with
   * {@link #step}. Either way the control thread, and only it, gets the real-time set-up (FIFO
   * scheduling, timer slack, affinity; memory locked), each refused step said in one line.
   */
  public void start(boolean ownLoopThread) {
    if (stepped) {
      throw new IllegalStateException("a stepped clock is driven by step(), not started");
    }
    activate();
    jobs.start();
    robodog.core.rt.RealtimeReport report;
    if (ownLoopThread) {
      robodog.core.rt.RealtimeSetup setup = new robodog.core.rt.RealtimeSetup(realtime);
      loop.start(Thread.MAX_PRIORITY, realtime.isEmpty() ? null : setup);
      report = realtime.isEmpty() ? null : setup.report();
    } else {
      report =
          realtime.isEmpty() ? null : robodog.core.rt.RealtimeSetup.applyToCallingThread(realtime);
    }
    if (report != null) {
      out.println(report.summary());
      report.problems().forEach(out::println);
      out.flush();
    }
  }

  /**
   * One control tick on the calling thread; on a stepped clock then every side job that is due, in
   * lock step. The first call powers the hardware of a stepped robot.
   */
  public void step() throws InterruptedException {
    if (stepped) {
      activate();
    }
    loop.runTicks(1);
    if (stepped) {
      jobs.runDue(clock.nanoTime());
    }
  }

  /** Asks whoever drives the robot to stop (SIGTERM, an operator's shutdown); any thread. */
  public void requestStop() {
    stop.set(true);
  }

  /** True once {@link #requestStop} was called; any thread. */
  public boolean stopRequested() {
    return stop.get();
  }

  public HexapodController controller() {
    return controller;
  }

  /** The controller's command mailbox: scripted commands of a simulated world post here. */
  public Mailbox<MotionCommand> commands() {
    return commands;
  }

  /** The joint targets the last tick wrote (control thread only). */
  public robodog.core.JointCommand lastJointTargets() {
    return task.command();
  }

  public OperatorLink link() {
    return link;
  }

  public PeriodicJobs jobs() {
    return jobs;
  }

  public LoopRunner loop() {
    return loop;
  }

  /** The learned advisor, or null. */
  public PolicyWiring advisor() {
    return advisor;
  }

  /** The body's perception, or null when off. */
  public BodyPerception perception() {
    return perception;
  }

  public Body body() {
    return body;
  }

  /**
   * Stops the loop and the jobs, turns every servo output off, then closes perception, the
   * operator's side (state/status offline, retained), the advisor and the body. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    jobs.close();
    try {
      if (loop != null) {
        loop.stop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (active) {
        body.hardware().deactivate();
      }
    }
    if (perception != null) {
      perception.close();
    }
    if (side != null) {
      side.close();
    }
    if (advisor != null) {
      try {
        advisor.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    body.close();
  }
}
