package robodog.app.robot;

import java.io.PrintWriter;
import robodog.app.perception.RobotPerception;
import robodog.core.Clock;
import robodog.core.HardwarePort;
import robodog.core.config.ConfigFiles;
import robodog.hardware.PiHardware;
import robodog.hardware.pi.Pi4jDevices;
import robodog.hardware.pi.PinMap;
import robodog.hardware.servo.ServoCalibration;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;

/**
 * The robot's own body on the Raspberry Pi: the Pi4J devices (PCA9685 servo boards, MPU-6050,
 * ADS1115 battery monitor, foot switches, E-stop input, servo power relay) opened and checked
 * before anything is powered, and the camera named in {@code camera.yaml}. Start-up thread.
 *
 * <p>The E-stop button is a category 0 stop twice over: its raw input switches the servo boards'
 * outputs off in the same write ({@code PiHardware.write}), and its debounced state latches the
 * controller's E-STOP with a cut, never the settle a tablet's software stop may do.
 */
public final class PiBody implements Body {
  private final Pi4jDevices devices;
  private final PiHardware hw;
  private final ConfigFiles configFiles;

  /**
   * Opens and checks every device; a missing one throws naming it, with the devices released and
   * nothing powered.
   */
  public PiBody(LocomotionConfig cfg, ConfigFiles configFiles, PinMap pins, ServoCalibration cal) {
    this.configFiles = configFiles;
    devices = new Pi4jDevices();
    try {
      double[] sitting = cfg.jointAnglesAtHeight(cfg.robot().stance().sitHeightM());
      hw = devices.build(pins, cal, sitting);
      hw.configure();
    } catch (Exception e) {
      devices.close();
      throw new IllegalStateException("hardware not ready: " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return "pi";
  }

  @Override
  public HardwarePort hardware() {
    return hw;
  }

  @Override
  public BodyPerception perception(
      HexapodController controller, Clock clock, boolean lockStep, PrintWriter out) {
    RobotPerception.Running p = RobotPerception.start(configFiles, controller, out);
    if (p == null) {
      return null;
    }
    return new BodyPerception() {
      @Override
      public robodog.perception.PerceptionOutputs outputs() {
        return p.outputs();
      }

      @Override
      public String summary() {
        return String.format(
            java.util.Locale.ROOT,
            "perception: on, %d frames processed, mean %.1f ms per frame",
            p.pipeline().framesProcessed(),
            p.pipeline().meanFrameMillis());
      }

      @Override
      public void close() {
        p.pipeline().close();
      }
    };
  }

  @Override
  public void close() {
    devices.close();
  }
}
