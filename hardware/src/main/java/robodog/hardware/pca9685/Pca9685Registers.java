package robodog.hardware.pca9685;

/** PCA9685 register map and bits (NXP datasheet rev. 4, section 7.3). */
public final class Pca9685Registers {
  public static final int MODE1 = 0x00;
  public static final int MODE2 = 0x01;
  public static final int LED0_ON_L = 0x06;
  public static final int ALL_LED_ON_L = 0xFA;
  public static final int ALL_LED_OFF_H = 0xFD;
  public static final int PRE_SCALE = 0xFE;

  /** MODE1: restart enabled. */
  public static final int MODE1_RESTART = 0x80;

  /** MODE1: register auto-increment. */
  public static final int MODE1_AI = 0x20;

  /** MODE1: low-power mode, oscillator off (PRE_SCALE writable only now). */
  public static final int MODE1_SLEEP = 0x10;

  /** MODE1: responds to the LED All-Call address. */
  public static final int MODE1_ALLCALL = 0x01;

  /** MODE2: totem-pole outputs (servo signal lines want them). */
  public static final int MODE2_OUTDRV = 0x04;

  /** LEDn_OFF_H / ALL_LED_OFF_H: full off. */
  public static final int FULL_OFF = 0x10;

  /** Default LED All-Call I2C address. */
  public static final int ALL_CALL_ADDRESS = 0x70;

  /** Counts per PWM period. */
  public static final int COUNTS = 4096;

  private Pca9685Registers() {}
}
