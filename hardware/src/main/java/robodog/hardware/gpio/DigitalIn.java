package robodog.hardware.gpio;

/** One digital input pin (foot switch, E-stop). Control thread only. */
@FunctionalInterface
public interface DigitalIn {
  /** Raw level: true = switch closed / button pressed (after the pin's own polarity). */
  boolean isHigh();
}
