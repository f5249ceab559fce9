package robodog.hardware.gpio;

/** One digital output pin (servo power relay, PCA9685 OE). Control thread only. */
@FunctionalInterface
public interface DigitalOut {
  void set(boolean high);
}
