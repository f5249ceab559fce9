package robodog.app.link;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.app.ConfigOption;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.EmbeddedBroker;
import robodog.operatorlink.mqtt.ExternalBrokerLink;
import robodog.operatorlink.mqtt.TelemetryJson;

/**
 * {@code ./robodog bench link}: the operator link's latency, link-cut and flood figures on
 * loopback, through the embedded Moquette and through a Mosquitto started here. (1) Command latency
 * at QoS 0 and 1: publish → the controller's mailbox, beside the raw broker round trip ({@link
 * CommandLatency#toMailbox}), and publish → the joint targets of the real control loop ({@link
 * CommandLatency#toJointTargets}). (2) With {@code --fuzz N}: control-loop timing with and without
 * N hostile messages pushed through the embedded broker ({@link FuzzLoadBench}). (3) Link cuts
 * ({@link LinkCutBench}).
 */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    description =
        "Operator link: command latency to the mailbox and to the joint targets (embedded Moquette"
            + " vs Mosquitto, QoS 0/1), control-loop timing under fuzz, stop latency over link"
            + " cuts.")
public final class LinkBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config = new ConfigOption();

  @Option(names = "--samples", defaultValue = "2000", description = "commands per case")
  int samples;

  @Option(names = "--cuts", defaultValue = "100", description = "link cuts (0 to skip)")
  int cuts;

  @Option(
      names = "--fuzz",
      defaultValue = "0",
      description = "fuzz messages through the embedded broker while timing the loop (0 to skip)")
  int fuzz;

  @Option(
      names = "--fuzz-rate",
      defaultValue = "5000",
      description = "fuzz messages per second (default ${DEFAULT-VALUE})")
  double fuzzRate;

  @Option(
      names = "--quiet-s",
      defaultValue = "10",
      description =
          "seconds of loop timing without fuzz, for comparison (default ${DEFAULT-VALUE})")
  double quietSeconds;

  @Option(
      names = "--connect-flood",
      defaultValue = "0",
      description =
          "attacker threads sending CONNECTs with wrong passwords: E-stop and refused-command"
              + " round trips quiet vs under that flood (0 to skip)")
  int connectFlood;

  @Option(
      names = "--flood-samples",
      defaultValue = "200",
      description = "round trips per case with --connect-flood (default ${DEFAULT-VALUE})")
  int floodSamples;

  @Override
  public Integer call() throws Exception {
    if (connectFlood < 0 || connectFlood > 1000 || floodSamples < 10) {
      throw new IllegalArgumentException(
          "--connect-flood must be 0..1000 threads, --flood-samples >= 10");
    }
    if (connectFlood > 0) {
      ConnectFloodBench.run(connectFlood, floodSamples, spec.commandLine().getOut());
      return 0;
    }
    if (samples < 10 || cuts < 0 || fuzz < 0) {
      throw new IllegalArgumentException("--samples must be >= 10, --cuts and --fuzz >= 0");
    }
    if (!(fuzzRate >= 1 && fuzzRate <= 1e6) || !(quietSeconds >= 1 && quietSeconds <= 3600)) {
      throw new IllegalArgumentException("--fuzz-rate must be 1..1e6, --quiet-s 1..3600");
    }
    PrintWriter out = spec.commandLine().getOut();
    LocomotionConfig cfg = config.load();
    Path tmp = Files.createTempDirectory("robodog-bench");
    out.println("command latency, loopback (publish → mailbox: nothing consumes it;");
    out.println("publish → joints: end of the first control tick that used it, robot walking):");
    Percentiles.header(out, "");
    Mailbox<MotionCommand> box = LocomotionConfig.commandMailbox();
    OperatorLink bare = new OperatorLink(box, e -> {}, 2_000_000_000L);
    EmbeddedBroker[] ref = new EmbeddedBroker[1];
    try (BenchRobot robot = new BenchRobot(cfg, e -> publishError(ref[0], e))) {
      ReceiptGapMeter route = new ReceiptGapMeter(bare::onMessage);
      try (EmbeddedBroker embedded = new EmbeddedBroker("bench", route, 0)) {
        ref[0] = embedded;
        String uri = "tcp://127.0.0.1:" + embedded.port();
        CommandLatency.toMailbox("embedded Moquette", uri, box, samples, out);
        route.route(robot.link::onMessage);
        CommandLatency.toJointTargets("embedded Moquette", uri, robot, samples, out);
        if (fuzz > 0) {
          FuzzLoadBench.run(fuzz, fuzzRate, quietSeconds, embedded, robot, route, out);
        }
        ref[0] = null;
      }
      BenchMosquitto m = new BenchMosquitto(tmp);
      BenchOperator.PER_USER_PATH.add(m.uri());
      try {
        try (ExternalBrokerLink ext = external(m, bare)) {
          CommandLatency.toMailbox("Mosquitto (external)", m.uri(), box, samples, out);
        }
        try (ExternalBrokerLink ext = external(m, robot.link)) {
          CommandLatency.toJointTargets("Mosquitto (external)", m.uri(), robot, samples, out);
          if (cuts > 0) {
            LinkCutBench.run(cuts, m, ext, robot, out);
          }
        }
      } finally {
        m.kill();
      }
    }
    out.flush();
    return 0;
  }

  private static ExternalBrokerLink external(BenchMosquitto m, OperatorLink link) throws Exception {
    ExternalBrokerLink ext =
        new ExternalBrokerLink(
            "bench", link, e -> {}, new ExternalBrokerLink.Options(m.uri(), null, null, 1, null));
    LinkCutBench.waitFor(ext::isConnected);
    return ext;
  }

  /** As {@code sim --realtime}: every refusal goes out on {@code state/error}. */
  private static void publishError(EmbeddedBroker broker, String error) {
    if (broker != null) {
      broker.publish("state/error", TelemetryJson.error(error), false);
    }
  }
}
