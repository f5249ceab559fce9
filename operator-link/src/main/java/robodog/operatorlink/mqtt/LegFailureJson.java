package robodog.operatorlink.mqtt;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import robodog.core.JointKind;
import robodog.core.LegFailureEvidence;
import robodog.core.LegId;
import robodog.core.Telemetry;

/**
 * The {@code leg_failure} object of {@code state/telemetry}: the leg the controller itself declared
 * failed, its evidence and when; {@code leg} null when none; {@code confirmed} false while the
 * folded leg is still tested in the air; {@code obstructions}, legs that proved sound that way (see
 * docs/operator-protocol.md). Any thread that owns the generator.
 */
final class LegFailureJson {
  private LegFailureJson() {}

  static void write(JsonGenerator g, Telemetry t) throws IOException {
    g.writeObjectFieldStart("leg_failure");
    boolean found = t.detectedFailedLegMask != 0;
    if (found) {
      g.writeStringField(
          "leg", LegId.of(Integer.numberOfTrailingZeros(t.detectedFailedLegMask)).shortName());
    } else {
      g.writeNullField("leg");
    }
    LegFailureEvidence e = found ? t.legFailureEvidence : LegFailureEvidence.NONE;
    g.writeStringField("evidence", e.wireName());
    g.writeStringField("reason", e.text());
    if (found && t.legFailureJoint >= 0) {
      g.writeStringField(
          "joint", JointKind.VALUES[t.legFailureJoint % JointKind.COUNT].shortName());
    } else {
      g.writeNullField("joint");
    }
    if (found) {
      g.writeNumberField("detected_s", Math.round(t.legFailureDetectedNanos / 1e6) / 1e3);
    } else {
      g.writeNullField("detected_s");
    }
    g.writeBooleanField("confirmed", found && t.legFailureConfirmed);
    g.writeNumberField("obstructions", t.legObstructions);
    g.writeEndObject();
  }
}
