package robodog.hardware.pca9685;

import static robodog.hardware.pca9685.Pca9685Registers.ALL_CALL_ADDRESS;
import static robodog.hardware.pca9685.Pca9685Registers.ALL_LED_OFF_H;
import static robodog.hardware.pca9685.Pca9685Registers.COUNTS;
import static robodog.hardware.pca9685.Pca9685Registers.FULL_OFF;
import static robodog.hardware.pca9685.Pca9685Registers.LED0_ON_L;
import static robodog.hardware.pca9685.Pca9685Registers.MODE1;
import static robodog.hardware.pca9685.Pca9685Registers.MODE1_AI;
import static robodog.hardware.pca9685.Pca9685Registers.MODE1_ALLCALL;
import static robodog.hardware.pca9685.Pca9685Registers.MODE1_RESTART;
import static robodog.hardware.pca9685.Pca9685Registers.MODE1_SLEEP;
import static robodog.hardware.pca9685.Pca9685Registers.MODE2;
import static robodog.hardware.pca9685.Pca9685Registers.MODE2_OUTDRV;
import static robodog.hardware.pca9685.Pca9685Registers.PRE_SCALE;

import robodog.hardware.i2c.I2cDevice;

/**
 * One PCA9685 16-channel PWM board driving hobby servos.
 *
 * <p>{@link #initialize} follows the datasheet: sleep (the only state in which PRE_SCALE may be
 * written), prescale for the PWM frequency from the (configurable, per-board calibrated) oscillator
 * frequency, totem-pole outputs, wake with auto-increment and All-Call kept on, wait 500 µs for the
 * oscillator, then restart. {@link #writePulses} sends a whole frame of channels in one
 * auto-increment burst: register pointer plus 4 bytes per channel, 37 bytes for 9 channels (38 on
 * the wire with the address byte), the physical minimum.
 *
 * <p>Control thread only; {@link #writePulses} and {@link #allOff} allocate nothing.
 */
public final class Pca9685 {
  /** Pauses the calling thread (injectable so tests do not sleep). */
  @FunctionalInterface
  public interface Pause {
    void micros(long us);
  }

  private final I2cDevice device;
  private final double oscillatorHz;
  private final double pwmHz;
  private final int prescale;
  private final byte[] frame = new byte[1 + 16 * 4];
  private final byte[] two = new byte[2];
  // OFF count last sent per channel, -1 = full off (the power-on state).
  private final int[] lastOff = new int[16];
  private long refusedPulses;
  private boolean initialized;

  /**
   * @param oscillatorHz internal oscillator, Hz (nominal 25 MHz; boards measure 24–27 MHz)
   * @param pwmHz servo frame rate, Hz (50 for analogue servos, up to ~330 for digital ones)
   */
  public Pca9685(I2cDevice device, double oscillatorHz, double pwmHz) {
    if (!(oscillatorHz >= 20e6 && oscillatorHz <= 30e6)) {
      throw new IllegalArgumentException(
          "PCA9685 oscillator must be 20–30 MHz (nominal 25 MHz), got " + oscillatorHz + " Hz");
    }
    int pre = (int) Math.round(oscillatorHz / (COUNTS * pwmHz)) - 1;
    if (pre < 3 || pre > 255) {
      throw new IllegalArgumentException(
          "PWM frequency "
              + pwmHz
              + " Hz needs prescale "
              + pre
              + "; the PCA9685 allows 3..255"
              + " (about "
              + Math.round(oscillatorHz / (COUNTS * 256))
              + "–"
              + Math.round(oscillatorHz / (COUNTS * 4))
              + " Hz)");
    }
    this.device = device;
    this.oscillatorHz = oscillatorHz;
    this.pwmHz = pwmHz;
    this.prescale = pre;
    java.util.Arrays.fill(lastOff, -1);
  }

  /** The datasheet start-up sequence (see class comment). */
  public void initialize(Pause pause) {
    writeRegister(MODE1, MODE1_SLEEP | MODE1_ALLCALL);
    writeRegister(PRE_SCALE, prescale);
    writeRegister(MODE2, MODE2_OUTDRV);
    writeRegister(MODE1, MODE1_AI | MODE1_ALLCALL);
    pause.micros(500);
    writeRegister(MODE1, MODE1_RESTART | MODE1_AI | MODE1_ALLCALL);
    initialized = true;
  }

  private void writeRegister(int register, int value) {
    two[0] = (byte) register;
    two[1] = (byte) value;
    device.write(two, 0, 2);
  }

  /** PWM period actually produced, s (the prescale rounds the requested frequency). */
  public double periodSeconds() {
    return (prescale + 1) * (double) COUNTS / oscillatorHz;
  }

  /** Counts (0..4095) of a pulse width, rounded to the nearest count. */
  public int counts(double pulseSeconds) {
    long c = Math.round(pulseSeconds / periodSeconds() * COUNTS);
    return (int) Math.max(0, Math.min(COUNTS - 1, c));
  }

  /**
   * Sets {@code count} consecutive channels from {@code firstChannel} to the given pulse widths (s)
   * in one bus transaction. A pulse of 0 s (or less) turns that channel fully off: no pulse at all.
   * A pulse that is not a finite number is never written: the channel keeps the pulse it was last
   * sent (a servo that goes limp drops the leg; one that holds keeps the robot up), and {@link
   * #refusedPulses} counts it. Pulses longer than the PWM period are clamped to it.
   */
  public void writePulses(double[] pulseSeconds, int firstChannel, int count) {
    if (!initialized) {
      throw new IllegalStateException(
          "PCA9685 0x" + Integer.toHexString(device.address()) + " used before initialize()");
    }
    if (firstChannel < 0 || count < 1 || firstChannel + count > 16) {
      throw new IllegalArgumentException(
          "channels " + firstChannel + ".." + (firstChannel + count - 1) + " outside 0..15");
    }
    frame[0] = (byte) (LED0_ON_L + 4 * firstChannel);
    for (int i = 0; i < count; i++) {
      int o = 1 + 4 * i;
      frame[o] = 0; // ON at count 0: every pulse starts with the frame
      frame[o + 1] = 0;
      double p = pulseSeconds[i];
      int ch = firstChannel + i;
      int off;
      if (!Double.isFinite(p)) {
        refusedPulses++;
        off = lastOff[ch];
      } else {
        off = p > 0 ? counts(p) : -1;
      }
      lastOff[ch] = off;
      if (off < 0) {
        frame[o + 2] = 0;
        frame[o + 3] = (byte) FULL_OFF;
      } else {
        frame[o + 2] = (byte) (off & 0xFF);
        frame[o + 3] = (byte) ((off >> 8) & 0x0F);
      }
    }
    device.write(frame, 0, 1 + 4 * count);
  }

  /**
   * Emergency stop for every board on the bus at once: one transaction to the All-Call address
   * setting ALL_LED_OFF_H full-off. {@code allCall} is the device at {@link
   * Pca9685Registers#ALL_CALL_ADDRESS}.
   */
  public static void allOff(I2cDevice allCall, byte[] scratch2) {
    if (allCall.address() != ALL_CALL_ADDRESS) {
      throw new IllegalArgumentException("All-Call device must be at 0x70");
    }
    scratch2[0] = (byte) ALL_LED_OFF_H;
    scratch2[1] = (byte) FULL_OFF;
    allCall.write(scratch2, 0, 2);
  }

  /** Pulses refused since start because they were not finite numbers. */
  public long refusedPulses() {
    return refusedPulses;
  }

  /**
   * Records that every output of this board was switched off outside {@link #writePulses} (the
   * All-Call stop): a refused pulse after it keeps the channel off, not its pulse from before.
   */
  public void outputsWentOff() {
    java.util.Arrays.fill(lastOff, -1);
  }

  /** The requested frame rate, Hz. */
  public double pwmHz() {
    return pwmHz;
  }

  /** The PRE_SCALE value written. */
  public int prescale() {
    return prescale;
  }
}
