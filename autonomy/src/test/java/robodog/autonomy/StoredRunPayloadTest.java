package robodog.autonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import robodog.core.Payload;

/** {@code runs.payload_json}: the text earlier versions stored, and read back exactly. */
class StoredRunPayloadTest {
  @Test
  void theStoredTextIsUnchangedAndEveryDigitReadsBack() throws Exception {
    assertEquals(
        "{\"mass_kg\":2.5,\"com_height_m\":0.3,\"fragility\":0.5}",
        StoredRun.payloadJson(new Payload(2.5, 0.3, 0.5)));
    Payload third = new Payload(1.0 / 3, 0.25, 0.7);
    // What the String.format("%s") writer stored: Double.toString of each number.
    String old =
        "{\"mass_kg\":"
            + Double.toString(1.0 / 3)
            + ",\"com_height_m\":0.25,\"fragility\":"
            + Double.toString(0.7)
            + "}";
    assertEquals(old, StoredRun.payloadJson(third));
    JsonNode n = new ObjectMapper().readTree(StoredRun.payloadJson(third));
    assertEquals(1.0 / 3, n.get("mass_kg").asDouble());
    assertEquals(RideProfile.forPayload(third), StoredRun.profile(StoredRun.payloadJson(third)));
  }
}
