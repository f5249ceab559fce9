package robodog.operatorlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;

class OperatorLinkTest {
  private static final long MS = 1_000_000L;

  private final Mailbox<MotionCommand> box =
      new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
  private final List<String> errors = new ArrayList<>();
  private final OperatorLink link = new OperatorLink(box, errors::add, 5_000 * MS);

  private void send(String client, String topic, String json, long t) {
    link.onMessage(client, topic, json.getBytes(StandardCharsets.UTF_8), t);
  }

  private MotionCommand latest() {
    return box.latest();
  }

  @Test
  void everyCommandPostedGetsANewNumberAndRefusalsNone() {
    send("tablet", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    long first = latest().seq;
    send("tablet", "cmd/velocity", "{\"seq\":2,\"vx\":0.1}", MS);
    assertEquals(first + 1, latest().seq);
    send("tablet", "cmd/velocity", "{\"seq\":2,\"vx\":0.3}", 2 * MS); // replayed: refused
    send("other", "cmd/velocity", "{\"seq\":9,\"vx\":0.3}", 2 * MS); // not the holder
    assertNull(box.poll(), "nothing new posted");
    link.tick(2_000 * MS); // the watchdog's stop is a new command
    assertEquals(first + 2, latest().seq);
    assertEquals(0.0, latest().vx, 0.0);
  }

  @Test
  void onlyTheLeaseHolderDrivesAndAVelocityExpiresAfterItsTtl() {
    send("tablet", "cmd/velocity", "{\"seq\":1,\"vx\":0.1}", 0);
    assertTrue(errors.get(0).contains("lease is held by nobody"), errors.toString());
    assertNull(latest(), "a refused message publishes nothing");
    send("tablet", "cmd/lease", "{\"seq\":2,\"action\":\"acquire\"}", 0);
    send(
        "tablet",
        "cmd/velocity",
        "{\"seq\":3,\"vx\":0.1,\"yaw_rate\":0.2,\"ttl_ms\":200}",
        10 * MS);
    assertEquals(0.1, latest().vx, 0.0);
    assertEquals(
        210 * MS,
        latest().velocityDeadlineNanos,
        "the controller gets the ttl as a deadline it enforces itself");
    send("tablet", "cmd/velocity", "{\"seq\":4,\"vx\":0.1,\"ttl_ms\":1000}", 20 * MS);
    assertEquals(
        520 * MS, latest().velocityDeadlineNanos, "a long ttl is capped by the 500 ms watchdog");
    send(
        "tablet",
        "cmd/velocity",
        "{\"seq\":5,\"vx\":0.1,\"yaw_rate\":0.2,\"ttl_ms\":190}",
        20 * MS);
    link.tick(150 * MS);
    assertEquals(0.1, latest().vx, 0.0);
    link.tick(211 * MS);
    assertEquals(0.0, latest().vx, 0.0, "an unrefreshed velocity must lapse");
    assertEquals(0.0, latest().yawRate, 0.0);
  }

  @Test
  void silenceFromTheHolderStopsTheRobotWithin500msThenSitsItDown() {
    send("tablet", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    send("tablet", "cmd/mode", "{\"seq\":2,\"mode\":\"walk\"}", 0);
    for (int k = 1; k <= 20; k++) { // keep walking with 100 ms refreshes
      send(
          "tablet",
          "cmd/velocity",
          "{\"seq\":" + (2 + k) + ",\"vx\":0.1,\"ttl_ms\":1000}",
          k * 100 * MS);
      link.tick(k * 100 * MS + MS);
    }
    assertEquals(0.1, latest().vx, 0.0);
    long last = 2000 * MS;
    link.tick(last + 499 * MS);
    assertEquals(0.1, latest().vx, 0.0, "still within the watchdog");
    link.tick(last + 501 * MS);
    assertEquals(0.0, latest().vx, 0.0, "silence > 500 ms must stop the robot");
    assertEquals(Mode.STANDING, latest().requestedMode);
    link.tick(last + 5_600 * MS);
    assertEquals(Mode.SITTING, latest().requestedMode, "a long silence sits the robot down");
  }

  @Test
  void losingTheTransportStopsAtOnceAndSitsAfterTheUsualSilence() {
    send("tablet", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    send("tablet", "cmd/mode", "{\"seq\":2,\"mode\":\"walk\"}", 0);
    send("tablet", "cmd/velocity", "{\"seq\":3,\"vx\":0.2,\"ttl_ms\":1000}", 100 * MS);
    link.transportLost(150 * MS); // 50 ms after the last command: no waiting for the watchdog
    assertEquals(0.0, latest().vx, 0.0);
    assertEquals(Mode.STANDING, latest().requestedMode);
    link.tick(150 * MS + 4_999 * MS);
    assertEquals(Mode.STANDING, latest().requestedMode);
    link.tick(150 * MS + 5_001 * MS);
    assertEquals(Mode.SITTING, latest().requestedMode, "sits after sitAfter more seconds");
    send("tablet", "cmd/velocity", "{\"seq\":3,\"vx\":0.2}", 6_000 * MS);
    assertEquals(0.0, latest().vx, 0.0, "a replay after reconnection is still stale");
  }

  @Test
  void anyoneMayEngageTheEstopOnlyTheHolderMayReleaseIt() {
    send("tablet", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    send("grip", "cmd/estop", "{\"engage\":true}", 0);
    assertTrue(latest().estop);
    send("grip", "cmd/estop", "{\"engage\":false}", 0);
    assertTrue(latest().estop, "a non-holder cannot release");
    assertTrue(errors.get(errors.size() - 1).contains("held by tablet"));
    send("tablet", "cmd/estop", "{\"engage\":false}", 0);
    assertFalse(latest().estop);
    assertEquals(1, latest().estopReleaseCount, "one release request, counted");
  }

  @Test
  void aCutEstopStaysACutUntilTheRelease() {
    send("tablet", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    send("grip", "cmd/estop", "{\"engage\":true}", 0);
    assertTrue(latest().estop);
    assertFalse(latest().estopCut, "a plain engage leaves the deployment's stop");
    send("grip", "cmd/estop", "{\"engage\":true,\"cut\":true}", 0);
    assertTrue(latest().estopCut, "cut: servo power off at once");
    send("director", "cmd/estop", "{\"engage\":true}", 0);
    assertTrue(latest().estopCut, "a later plain engage does not soften the cut");
    int before = errors.size();
    send("grip", "cmd/estop", "{\"engage\":true,\"cut\":\"now\"}", 0);
    assertTrue(latest().estop, "a malformed cut still engages");
    assertTrue(
        errors.get(before).contains("cmd/estop: cut: expected true or false"), errors.get(before));
    send("tablet", "cmd/estop", "{\"engage\":false}", 0);
    assertFalse(latest().estop);
    assertFalse(latest().estopCut, "the release clears it");
  }

  @Test
  void anEstopVoidsThePendingModeSoAReleaseNeverStandsTheRobotUp() {
    send("tablet", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    send("tablet", "cmd/mode", "{\"seq\":2,\"mode\":\"walk\"}", 0);
    assertEquals(Mode.WALKING, latest().requestedMode);
    long requests = latest().modeRequestCount;
    send("grip", "cmd/estop", "{\"engage\":true}", 0);
    assertEquals(Mode.PASSIVE, latest().requestedMode, "engage voids the pending walk");
    send("tablet", "cmd/estop", "{\"engage\":false}", 0);
    assertEquals(Mode.PASSIVE, latest().requestedMode, "a release asks for nothing");
    assertEquals(requests, latest().modeRequestCount, "and is not a mode request");
    send("tablet", "cmd/mode", "{\"seq\":3,\"mode\":\"stand\"}", 0);
    assertEquals(Mode.STANDING, latest().requestedMode);
    assertEquals(requests + 1, latest().modeRequestCount, "an explicit request is counted");
  }

  @Test
  void takeOverridesAndTheFormerHoldersCommandsAreIgnored() {
    send("a", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    send("b", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    assertEquals("a", link.leaseHolder());
    send("b", "cmd/lease", "{\"seq\":2,\"action\":\"take\"}", 0);
    assertEquals("b", link.leaseHolder());
    assertTrue(errors.stream().anyMatch(e -> e.contains("b took control from a")));
    send("a", "cmd/velocity", "{\"seq\":5,\"vx\":0.2}", 0);
    assertEquals(0.0, latest().vx, 0.0);
  }

  @Test
  void staleOrReplayedSequenceNumbersAreIgnored() {
    send("t", "cmd/lease", "{\"seq\":10,\"action\":\"acquire\"}", 0);
    send("t", "cmd/velocity", "{\"seq\":12,\"vx\":0.2}", 0);
    send("t", "cmd/velocity", "{\"seq\":11,\"vx\":-0.5}", 0);
    send("t", "cmd/velocity", "{\"seq\":12,\"vx\":-0.5}", 0);
    assertEquals(0.2, latest().vx, 0.0);
    assertEquals(2, link.refused());
  }

  @Test
  void badPayloadsAreRefusedNamingTheFieldAndNothingIsApplied() {
    send("t", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    String[][] cases = {
      {"{\"seq\":2,\"vx\":5}", "vx: expected a number from -1.0 to 1.0 m/s"},
      {"{\"seq\":3,\"vx\":\"fast\"}", "vx: expected a number"},
      {"{\"seq\":4,\"vx\":0.1,\"speed\":2}", "unknown field 'speed'"},
      {"{\"seq\":-1,\"vx\":0.1}", "seq: expected an integer"},
      {"{\"seq\":5,\"vx\":0.1,\"ttl_ms\":5000}", "ttl_ms: expected an integer from 1 to 1000"},
      {"[1,2]", "expected a JSON object"},
      {"{\"seq\":6,\"vx\":NaN}", "not valid JSON"},
      {"{\"seq\":7,\"vx\":1e999}", "vx: expected a number"},
      {"", "empty payload"},
    };
    for (String[] c : cases) {
      int before = errors.size();
      send("t", "cmd/velocity", c[0], 0);
      assertEquals(before + 1, errors.size(), c[0]);
      assertTrue(errors.get(before).contains(c[1]), errors.get(before) + " should say " + c[1]);
    }
    assertEquals(0.0, latest().vx, 0.0);
  }

  /** Hostile input: no exception escapes, nothing moves, and every message gets an error. */
  @Test
  void tenThousandHostilePayloadsActuateNothing() {
    send("t", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    MotionCommand before = new MotionCommand();
    before.copyFrom(latest());
    SplittableRandom r = new SplittableRandom(99);
    String[] topics = {
      "cmd/velocity", "cmd/mode", "cmd/estop", "cmd/heartbeat", "cmd/nope", "state/x"
    };
    String[] fragments = {
      "{",
      "}",
      "[",
      "]",
      "\"seq\"",
      ":",
      ",",
      "\"vx\"",
      "1e308",
      "-1e308",
      "NaN",
      "Infinity",
      "null",
      "true",
      "\"walk\"",
      "\"mode\"",
      "\"engage\"",
      "\"x\"",
      "0.5",
      "99999999999999999999999",
      "{\"a\":",
      "\u0000",
      "\"\\u0000\"",
      "-0",
      "1.5",
      "\"seq\":1"
    };
    int before0 = errors.size();
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder();
      int parts = r.nextInt(12);
      for (int k = 0; k < parts; k++) {
        sb.append(fragments[r.nextInt(fragments.length)]);
      }
      if (i % 1000 == 0) {
        sb.append("x".repeat(1 << 20)); // a 1 MB payload now and then
      }
      if (i % 777 == 0) {
        sb.setLength(0);
        sb.append("[".repeat(5000)).append("]".repeat(5000)); // deep nesting
      }
      link.onMessage(
          "t", topics[r.nextInt(topics.length)], sb.toString().getBytes(StandardCharsets.UTF_8), i);
    }
    MotionCommand after = latest();
    assertEquals(before.vx, after.vx, 0.0);
    assertEquals(before.vy, after.vy, 0.0);
    assertEquals(before.yawRate, after.yawRate, 0.0);
    assertEquals(before.requestedMode, after.requestedMode);
    assertEquals(before.estop, after.estop);
    assertEquals(n, errors.size() - before0, "every hostile message must get an error entry");
  }

  @Test
  void theHolderChoosesAGaitByNameAndSetsBodyHeightAndAttitude() {
    link.gaitNames(List.of("tripod", "tetrapod", "ripple", "wave"));
    send("tablet", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    send("tablet", "cmd/gait", "{\"seq\":2,\"gait\":\"ripple\"}", 0);
    assertEquals(2, latest().gaitIndex);
    send("tablet", "cmd/body", "{\"seq\":3,\"height\":0.15}", 0);
    assertEquals(0.15, latest().bodyHeight, 0.0);
    send("tablet", "cmd/body", "{\"seq\":4,\"pitch\":-0.1}", 0);
    assertEquals(0.15, latest().bodyHeight, 0.0, "an absent field keeps its value");
    assertEquals(-0.1, latest().bodyPitch, 0.0);
    assertEquals(2, latest().gaitIndex, "the gait stays chosen");
    assertTrue(errors.isEmpty(), errors.toString());

    send("tablet", "cmd/gait", "{\"seq\":5,\"gait\":\"gallop\"}", 0);
    assertTrue(errors.get(0).contains("unknown gait 'gallop'"), errors.toString());
    assertTrue(errors.get(0).contains("[tripod, tetrapod, ripple, wave]"), errors.get(0));
    send("tablet", "cmd/body", "{\"seq\":6,\"height\":-0.1}", 0);
    assertTrue(errors.get(1).contains("cmd/body: height"), errors.toString());
    send("tablet", "cmd/body", "{\"seq\":7,\"roll\":2.0}", 0);
    assertTrue(errors.get(2).contains("cmd/body: roll"), errors.toString());
    send("observer", "cmd/gait", "{\"seq\":8,\"gait\":\"wave\"}", 0);
    assertTrue(errors.get(3).contains("refused from observer"), errors.toString());
    assertEquals(2, latest().gaitIndex, "refused messages change nothing");
    assertEquals(0.15, latest().bodyHeight, 0.0);
    assertEquals(0.0, latest().bodyRoll, 0.0);
  }

  @Test
  void theHolderSwitchesThePolicyOnlyWhenTheRobotRunsOneAndOnlyWithAFreshSeq() {
    send("tablet", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    send("tablet", "cmd/policy", "{\"seq\":2,\"enabled\":false}", 0);
    assertTrue(
        errors.get(0).contains("cmd/policy: this robot runs no learned policy"), errors.get(0));

    List<Boolean> switched = new ArrayList<>();
    link.policySwitch(switched::add);
    send("tablet", "cmd/policy", "{\"seq\":3,\"enabled\":false}", 0);
    send("tablet", "cmd/policy", "{\"seq\":3,\"enabled\":true}", 0); // replayed seq
    send("observer", "cmd/policy", "{\"seq\":9,\"enabled\":true}", 0);
    send("tablet", "cmd/policy", "{\"seq\":4,\"enabled\":1}", 0);
    send("tablet", "cmd/policy", "{\"seq\":5,\"enabled\":true}", 0);
    assertEquals(List.of(false, true), switched);
    assertTrue(errors.get(1).contains("seq 3 is not newer"), errors.toString());
    assertTrue(errors.get(2).contains("cmd/policy: refused from observer"), errors.toString());
    assertTrue(
        errors.get(3).contains("cmd/policy: enabled: expected true or false"), errors.get(3));
    assertEquals(4, link.refused());
  }

  @Test
  void anEngageIsObeyedWithAnyExtrasButAReleaseOnlyFromTheHolder() {
    send("tablet", "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", 0);
    for (String engage :
        new String[] {
          "{\"engage\":true}",
          "{\"engage\":true,\"client\":\"tablet\",\"why\":\"cable\"}",
          "{\"engage\":true,\"seq\":-5}",
          "{\"engage\":true,\"seq\":\"x\",\"nested\":{\"a\":[1,2]}}"
        }) {
      send("tablet", "cmd/estop", "{\"seq\":2,\"engage\":false}", MS);
      assertFalse(latest().estop, "released by the holder");
      send("", "cmd/estop", engage, 2 * MS);
      assertTrue(latest().estop, engage);
      send("director", "cmd/estop", "{\"seq\":3,\"engage\":false,\"client\":\"tablet\"}", MS);
      assertTrue(latest().estop, "a payload name releases nothing");
    }
    send("tablet", "cmd/estop", "{\"engage\":false,\"extra\":1}", 3 * MS);
    assertTrue(latest().estop, "a release is parsed exactly: unknown fields refuse it");
  }

  @Test
  void theSeqRecordIsBoundedAndKeepsTheClientsStillTalking() {
    send("tablet", "cmd/lease", "{\"seq\":100,\"action\":\"acquire\"}", 0);
    for (int i = 0; i < OperatorLink.MAX_CLIENTS * 3; i++) {
      send("c" + i, "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}", MS); // refused: held
      if (i % 100 == 0) {
        send("tablet", "cmd/heartbeat", "{\"seq\":" + (101 + i) + "}", MS);
      }
    }
    errors.clear();
    send("tablet", "cmd/heartbeat", "{\"seq\":5}", 2 * MS);
    assertTrue(
        errors.stream().anyMatch(e -> e.contains("is not newer")),
        "the holder's seq is still remembered: " + errors);
  }
}
