package robodog.app.perception;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import robodog.core.camera.CameraException;
import robodog.core.config.ConfigFiles;
import robodog.core.config.ConfigNode;
import robodog.locomotion.HexapodController;
import robodog.perception.PerceptionConfig;
import robodog.perception.PerceptionPipeline;
import robodog.perception.PerceptionWiring;
import robodog.perception.PipelineSettings;
import robodog.perception.calib.CameraCalibration;
import robodog.perception.source.VideoCaptureSource;

/**
 * Perception on the real robot ({@code ./robodog run}): if {@code camera.yaml} (from its
 * configuration layer) names a {@code device:} (e.g. {@code /dev/video0}), opens it through
 * OpenCV's V4L2 backend at the file's {@code width_px × height_px}, with the calibration from
 * {@code perception.yaml} if given, and runs the {@link PerceptionPipeline} with its safety limit
 * connected to the controller. No device, or one that does not open: says so on {@code out} and
 * returns {@code null}; the robot runs without perception (and without a crew-safety limit).
 * Start-up only.
 */
public final class RobotPerception {
  private RobotPerception() {}

  /** A started pipeline and the outputs it publishes into. */
  public record Running(
      PerceptionPipeline pipeline, robodog.perception.PerceptionOutputs outputs) {}

  /** Starts perception or explains why it is off; {@code null} when off. */
  public static Running start(ConfigFiles files, HexapodController controller, PrintWriter out) {
    Path camYaml = files.file("camera.yaml");
    ConfigNode cam = Files.exists(camYaml) ? ConfigNode.load(camYaml) : null;
    String device = cam == null ? "" : cam.optString("device", "");
    if (device.isEmpty()) {
      out.println(
          "perception: off (" + camYaml + " names no camera device; add e.g. device: /dev/video0)");
      return null;
    }
    Path percYaml = files.file("perception.yaml");
    PerceptionConfig cfg = PerceptionConfig.load(percYaml);
    CameraCalibration cal =
        cfg.calibrationFile() == null ? null : CameraCalibration.load(cfg.calibrationFile());
    int w = (int) cam.optLong("width_px", 640, 16, 4096);
    int h = (int) cam.optLong("height_px", 480, 16, 4096);
    VideoCaptureSource src;
    try {
      src = VideoCaptureSource.device(device, w, h, cal);
    } catch (CameraException e) {
      out.println("perception: off (" + e.getMessage() + ")");
      return null;
    }
    robodog.perception.PerceptionOutputs outputs =
        PerceptionWiring.connect(controller::setSafetyLimits, cfg);
    PerceptionWiring.connectTerrain(controller::setTerrainAhead, cfg, outputs);
    PerceptionPipeline p =
        new PerceptionPipeline(
            src,
            cfg,
            cal,
            System::nanoTime, // the control loop's SystemClock
            outputs,
            500,
            PipelineSettings.load(percYaml));
    p.start();
    out.printf(
        Locale.ROOT,
        "perception: on, camera %s %dx%d%s%n",
        device,
        w,
        h,
        cal == null ? " (no calibration file: ideal 60° intrinsics)" : "");
    return new Running(p, outputs);
  }
}
