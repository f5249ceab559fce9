package robodog.harness.sim;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The result of one simulation run, written as JSON with snake_case keys. A fall is the body box
 * touching the ground or the body tilting beyond 45 degrees in roll or pitch (see
 * docs/simulator.md); once fallen a headless run stops and counts one fall, while a realtime run
 * (the robot on the wall clock, with its broker and tablet) goes on and counts every fall.
 *
 * @param scenario scenario name
 * @param seed random seed of terrain, noise and randomisation
 * @param gait gait the run ended with
 * @param simTimeS simulated time, s
 * @param wallTimeS wall-clock time, s
 * @param realTimeFactor simTime / wallTime
 * @param distanceM straight-line distance from start to end on the ground plane, m
 * @param meanSpeedMps distance / simTime, m/s
 * @param commandedSpeedMps mean commanded forward speed, m/s
 * @param falls headless: 0 or 1; realtime: falls counted while the run went on
 * @param minStabilityMarginM smallest static margin the controller computed, m
 * @param bodyRollRmsRad RMS body roll, rad
 * @param bodyPitchRmsRad RMS body pitch, rad
 * @param energyJ mechanical energy the servos spent, J
 * @param costOfTransport energy / (mass · g · distance), dimensionless; null when it did not move
 * @param payloadKg payload carried, kg
 * @param completed goal reached (or, without a goal, the whole duration run without a fall)
 * @param jointTrackingRmsRad RMS of (commanded − actual) joint angle, rad
 * @param slipRatio 1 − distance / commanded distance (negative: went further)
 * @param stops every E-stop of the run, watched until the body rested
 * @param finalBodyHeightM base_link height above the world origin at the end, m (about 0.12 when
 *     standing on flat ground, 0.04 lying on it)
 * @param payloadAccelRmsMps2 RMS of |linear acceleration| of the payload's centre of mass (gravity
 *     not included: 0 at rest), from ground truth at 50 Hz over 20 ms windows after the first 0.5
 *     s, m/s²; what the camera case feels (see PayloadAccel)
 * @param recoveries balance recoveries (stop, step the feet back under the body, go on) the
 *     controller made while choosing its own gait
 * @param gaitSeconds simulated seconds walked in each gait, by gait name, in the order first used
 * @param legFailure the leg that broke in the world (if any) and what the controller noticed
 */
@JsonPropertyOrder(alphabetic = false)
public record SimReport(
    String scenario,
    long seed,
    String gait,
    double simTimeS,
    double wallTimeS,
    double realTimeFactor,
    double distanceM,
    double meanSpeedMps,
    double commandedSpeedMps,
    int falls,
    double minStabilityMarginM,
    double bodyRollRmsRad,
    double bodyPitchRmsRad,
    double energyJ,
    Double costOfTransport,
    double payloadKg,
    boolean completed,
    double jointTrackingRmsRad,
    double slipRatio,
    java.util.List<Stop> stops,
    double finalBodyHeightM,
    double payloadAccelRmsMps2,
    long recoveries,
    java.util.Map<String, Double> gaitSeconds,
    LegFailureReport legFailure) {

  /**
   * Leg failures: what the world broke ({@code injected}, null when nothing broke: then any
   * detection is a false one), what the controller declared, and how near its detector came.
   *
   * @param injected e.g. {@code lm femur stuck at 8.00 s}, or null
   * @param injectedAtS simulated time of the break, s, or null
   * @param detectedLeg short name of the leg the controller declared failed, or null
   * @param evidence why ({@code LegFailureEvidence} wire name), or null
   * @param detectedAtS simulated time of the detection, s, or null
   * @param detectionDelayS detection time after the break, s, or null
   * @param peakTrackScoreRadS the largest joint-tracking score of a watched leg (the detector fails
   *     a leg at 0.05 rad·s): how close a healthy run came to a false detection
   * @param peakContactGapS the longest contact gap of a watched foot that counted (the body on two
   *     other feet, a touch-down without contact inside it), s (the detector fails a leg at 1.2 s)
   * @param obstructions legs the controller suspected, folded and found sound in the air (they were
   *     obstructed, not broken, and walked again); not detections
   */
  @JsonPropertyOrder(alphabetic = false)
  public record LegFailureReport(
      String injected,
      Double injectedAtS,
      String detectedLeg,
      String evidence,
      Double detectedAtS,
      Double detectionDelayS,
      double peakTrackingFraction,
      double peakContactGapS,
      int obstructions) {}

  /**
   * One E-stop as the body lived it.
   *
   * @param category {@code settle} (category 1), {@code cut} (category 0) or {@code fall}
   * @param atS simulated time of the stop, s
   * @param powerOffAfterS from the stop until servo power went off, s (0 for a cut)
   * @param peakVerticalAccelMps2 largest |vertical body acceleration| from the stop until the body
   *     rested, over 10 ms windows, m/s² (0 at rest; gravity not included)
   * @param peakDropSpeedMps largest downward body speed in that time, m/s
   * @param restHeightM base_link height at rest, m
   */
  @JsonPropertyOrder(alphabetic = false)
  public record Stop(
      String category,
      double atS,
      double powerOffAfterS,
      double peakVerticalAccelMps2,
      double peakDropSpeedMps,
      double restHeightM) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /** The report as JSON text. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the JSON through a temporary file, so a reader never sees half a report. */
  public void write(Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), ".report", ".json");
    Files.writeString(tmp, toJson());
    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Reads a report back (tests, comparison). */
  public static SimReport read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), SimReport.class);
  }
}
