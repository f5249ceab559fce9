package robodog.hardware.imu;

/**
 * A live MPU-6050 never returns bit-identical readings for long: noise moves the low bits every
 * sample. A run of identical samples means a hung chip or bus returning a stale buffer, and an
 * attitude filter fed from it would drift silently. Control thread only; allocation-free.
 */
public final class StuckSensorDetector {
  private final int limit;
  private final double[] last = new double[6];
  private int same;

  /**
   * @param identicalSamples consecutive identical samples that mean "stuck"
   */
  public StuckSensorDetector(int identicalSamples) {
    this.limit = identicalSamples;
  }

  /**
   * Checks one sample; true once the run of identical samples has reached the limit (and for as
   * long as it goes on): the sample is then not a reading.
   */
  public boolean check(double[] accel, double[] gyro) {
    boolean identical = true;
    for (int i = 0; i < 3; i++) {
      identical &= accel[i] == last[i] && gyro[i] == last[3 + i];
      last[i] = accel[i];
      last[3 + i] = gyro[i];
    }
    same = identical ? same + 1 : 0;
    return same >= limit;
  }
}
