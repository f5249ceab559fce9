package robodog.hardware.servo;

import java.util.Arrays;
import robodog.core.JointCommand;
import robodog.core.Joints;
import robodog.hardware.i2c.I2cDevice;
import robodog.hardware.pca9685.Pca9685;

/**
 * The 18 joint targets out to the PCA9685 boards: calibrated angle → pulse for each joint, then one
 * burst per board covering its used channels (channels in between that no joint uses are sent
 * full-off). With servo power disabled in the command, every output on every board goes off in one
 * All-Call transaction.
 *
 * <p>The last line of defence before the servos: a target that is not a finite number is not
 * written (its servo keeps its last pulse) and is counted in {@link #refusedTargets}; a finite one
 * is clamped to the joint's calibrated limits, and its pulse to the joint's calibrated pulse range.
 *
 * <p>Control thread only; {@link #write} allocates nothing.
 */
public final class ServoOutput {
  private ServoCalibration cal;
  private final Pca9685[] boards;
  private final I2cDevice allCall;
  private final int[] firstChannel;
  private final int[] channelCount;
  private final double[][] pulses;
  private final byte[] scratch = new byte[2];
  private long refusedTargets;

  /**
   * @param devices one device per board, in the order of {@link ServoCalibration#boardAddresses}
   * @param allCall the device at the All-Call address 0x70
   */
  public ServoOutput(ServoCalibration cal, I2cDevice[] devices, I2cDevice allCall) {
    this.cal = cal;
    this.allCall = allCall;
    int n = cal.boardAddresses().size();
    if (devices.length != n) {
      throw new IllegalArgumentException("expected " + n + " board devices, got " + devices.length);
    }
    boards = new Pca9685[n];
    firstChannel = new int[n];
    channelCount = new int[n];
    pulses = new double[n][16];
    for (int b = 0; b < n; b++) {
      if (devices[b].address() != cal.boardAddresses().get(b)) {
        throw new IllegalArgumentException(
            "board " + b + " must be at 0x" + Integer.toHexString(cal.boardAddresses().get(b)));
      }
      boards[b] = new Pca9685(devices[b], cal.oscillatorHz().get(b), cal.pwmHz());
      int lo = 16;
      int hi = -1;
      for (int j = 0; j < Joints.COUNT; j++) {
        if (cal.board().get(j) == b) {
          lo = Math.min(lo, cal.channel().get(j));
          hi = Math.max(hi, cal.channel().get(j));
        }
      }
      firstChannel[b] = hi < 0 ? 0 : lo;
      channelCount[b] = hi < 0 ? 0 : hi - lo + 1;
    }
  }

  /** Initialises every board (datasheet sequence), outputs off until the first write. */
  public void initialize(Pca9685.Pause pause) {
    for (Pca9685 b : boards) {
      b.initialize(pause);
    }
  }

  /** Sends one frame: one burst per board, or All-Call off when servo power is disabled. */
  public void write(JointCommand command) {
    if (!command.enabled) {
      allOff();
      return;
    }
    for (int b = 0; b < boards.length; b++) {
      Arrays.fill(pulses[b], 0); // channels no joint uses: no pulse
    }
    for (int j = 0; j < Joints.COUNT; j++) {
      int b = cal.board().get(j);
      double target = command.position[j];
      double pulse;
      if (Double.isFinite(target)) {
        // Never drive a joint past its calibrated limit, nor a servo past its pulse range.
        double q = Math.max(cal.minRad(j), Math.min(cal.maxRad(j), target));
        double lo = cal.jointPulseMinUs().get(j) * 1e-6;
        double hi = cal.jointPulseMaxUs().get(j) * 1e-6;
        pulse = Math.max(lo, Math.min(hi, cal.pulseSeconds(j, q)));
      } else {
        refusedTargets++;
        pulse = Double.NaN; // the board keeps this channel's last pulse
      }
      pulses[b][cal.channel().get(j) - firstChannel[b]] = pulse;
    }
    for (int b = 0; b < boards.length; b++) {
      if (channelCount[b] > 0) {
        boards[b].writePulses(pulses[b], firstChannel[b], channelCount[b]);
      }
    }
  }

  /** Every output of every board off, one transaction. */
  public void allOff() {
    for (Pca9685 b : boards) {
      b.outputsWentOff(); // first: even if the bus fails below, a refused target never re-arms
    }
    Pca9685.allOff(allCall, scratch);
  }

  /** Joint targets refused since start because they were not finite numbers. */
  public long refusedTargets() {
    return refusedTargets;
  }

  /**
   * Swaps in an edited calibration (the calibration tool): directions and neutral angles may
   * change, the board and channel layout may not.
   */
  public void setCalibration(ServoCalibration edited) {
    if (!edited.board().equals(cal.board()) || !edited.channel().equals(cal.channel())) {
      throw new IllegalArgumentException(
          "the board and channel layout cannot change while running");
    }
    this.cal = edited;
  }

  /** The board drivers (for tests and diagnostics). */
  public Pca9685 board(int b) {
    return boards[b];
  }
}
