package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.operatorlink.testing.Tablet;

/**
 * {@code sim --realtime --mqtt-bind 0.0.0.0}: secure by default. The first run creates the users
 * file and prints the operator's password once; with it a tablet drives, without it nobody gets in.
 */
class TeleopCredentialsTest {
  @TempDir Path dir;

  @Test
  void beyondLoopbackTheFirstRunPrintsAPasswordOnceAndOnlyItOpensTheDoor() throws Exception {
    Path creds = dir.resolve("state").resolve("credentials.yaml");
    Cli first =
        Cli.run(
            "sim",
            "--realtime",
            "--ws-port",
            "0",
            "--http-port",
            "0",
            "--duration",
            "0.3",
            "--mqtt-port",
            "0",
            "--mqtt-bind",
            "0.0.0.0",
            "--credentials",
            creds.toString(),
            "--robot-id",
            "dog1");
    assertEquals(0, first.status, first.err);
    Matcher m =
        Pattern.compile("user 'operator' \\(role operator\\), password (\\S+)").matcher(first.out);
    assertTrue(m.find(), first.out);
    String password = m.group(1);
    assertFalse(Files.readString(creds).contains(password), "stored hashed");

    int port = SimMqtt.freePort();
    Cli[] second = new Cli[1];
    Thread sim =
        new Thread(
            () ->
                second[0] =
                    Cli.run(
                        "sim",
                        "--realtime",
                        "--ws-port",
                        "0",
                        "--http-port",
                        "0",
                        "--duration",
                        "4",
                        "--mqtt-port",
                        Integer.toString(port),
                        "--mqtt-bind",
                        "0.0.0.0",
                        "--credentials",
                        creds.toString(),
                        "--robot-id",
                        "dog1"));
    sim.start();
    String uri = "tcp://127.0.0.1:" + port;
    Tablet tablet = null;
    for (int i = 0; tablet == null; i++) {
      try {
        tablet = new Tablet(uri, "dog1", "tablet", "operator", password);
      } catch (MqttException notUpYet) {
        assertTrue(i < 200, "could not connect: " + notUpYet);
        Thread.sleep(50);
      }
    }
    try (Tablet t = tablet.listen()) {
      int code = -1;
      try (Tablet anon = new Tablet(uri, "dog1", "anon", null, null)) {
        code = 0;
      } catch (MqttException refused) {
        code = refused.getReasonCode();
      }
      assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, code, "anonymous refused");
      t.send("cmd/lease", "{%s,\"action\":\"acquire\"}");
      assertTrue(
          Tablet.within(3000, () -> t.got("\"lease_holder\":\"tablet\"")), t.received.toString());
      sim.join(15_000);
    }
    assertEquals(0, second[0].status, second[0].err);
    assertFalse(second[0].out.contains(password), "the password is printed once only");
  }
}
