package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./robodog bench link} end to end, small: the real loop, the embedded broker and a
 * Mosquitto started by the bench. Checks what the figures mean, not how fast this machine is: every
 * command reaches a tick, every cut stops the robot, and no fuzz message is acted on.
 */
class LinkBenchCliTest {
  @Test
  void measuresToTheJointTargetsStopsOnEveryCutAndActsOnNoFuzz() {
    Cli r =
        Cli.run(
            "bench",
            "link",
            "--samples",
            "20",
            "--cuts",
            "2",
            "--fuzz",
            "300",
            "--fuzz-rate",
            "500",
            "--quiet-s",
            "1");
    assertEquals(0, r.status, r.err + r.out);
    assertTrue(r.out.contains("embedded Moquette, QoS 1 → joints"), r.out);
    assertTrue(r.out.contains("Mosquitto (external), QoS 0 → joints"), r.out);
    assertTrue(!r.out.contains("never reached a tick"), r.out);
    assertTrue(r.out.contains("never stopped 0"), r.out);
    Matcher fuzz =
        Pattern.compile(
                "refused (\\d+) \\(role\\) and delivered (\\d+) to the link, which"
                    + " refused (\\d+): acted on (\\d+), lost (\\d+)")
            .matcher(r.out);
    assertTrue(fuzz.find(), r.out);
    assertEquals("0", fuzz.group(4), "acted on: " + fuzz.group());
    assertEquals(fuzz.group(2), fuzz.group(3), "every delivered message refused by the link");
    // A cut's stop begins within the bound plus what a loaded host adds; a stop never seen would
    // print the 3 s give-up time.
    Matcher cut =
        Pattern.compile("all cuts\\s+2\\s+[\\d.]+\\s+[\\d.]+\\s+([\\d.]+)").matcher(r.out);
    assertTrue(cut.find(), r.out);
    assertTrue(Double.parseDouble(cut.group(1)) < 2_000_000, "worst stop " + cut.group(1) + " µs");
  }

  @Test
  void anEstopReachesTheLinkUnderAConnectFlood() {
    // The bench fails (exit 1) when an E-stop or a refusal takes over 10 s: figures are not judged.
    Cli r = Cli.run("bench", "link", "--connect-flood", "4", "--flood-samples", "10");
    assertEquals(0, r.status, r.err + r.out);
    assertTrue(r.out.contains("E-stop → mailbox, flood"), r.out);
    assertTrue(r.out.contains("refused → state/error, flood"), r.out);
  }
}
