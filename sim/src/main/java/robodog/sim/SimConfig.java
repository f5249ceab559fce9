package robodog.sim;

/**
 * Simulator settings; immutable, any thread. {@link #defaults} are the values measured in {@code
 * sim/README.md}. Copies with one group changed come from the {@code with...} methods.
 *
 * @param stepSeconds longest physics step, s. Each control period is split into the fewest equal
 *     sub-steps no longer than this, so a period is always simulated exactly.
 * @param solverIterations QuickStep (projected Gauss-Seidel) iterations per step; 0 selects ODE's
 *     exact but slow Dantzig LCP solver
 * @param contactsPerPair most contact points generated per robot-geom/terrain-geom pair
 * @param seed seed of the sensor noise (terrains take their own seed from the scenario)
 * @param payloadKg payload mass, kg (0 = none)
 * @param payloadComX payload centre of mass in base_link, m
 * @param payloadComY same, y
 * @param payloadComZ same, z
 * @param servoStrength multiplier on the servos' stall torque (1 = datasheet; for randomisation)
 * @param servoGain position-error-to-velocity gain of the servo loop, 1/s
 * @param armatureKgM2 reflected rotor inertia added to each leg link about each axis, kg·m²
 * @param imuGyroNoise gyro noise standard deviation, rad/s
 * @param imuAccelNoise accelerometer noise standard deviation, m/s²
 * @param imuAttitudeNoise orientation noise standard deviation, rad
 * @param jointNoise joint position read-back noise standard deviation, rad
 * @param batteryWh energy of the full simulated pack, Wh (37 Wh: a 5 Ah 2S LiPo at 7.4 V nominal)
 * @param batteryInitialSoc state of charge of the simulated pack at start, 0..1 (1: full)
 */
public record SimConfig(
    double stepSeconds,
    int solverIterations,
    int contactsPerPair,
    long seed,
    double payloadKg,
    double payloadComX,
    double payloadComY,
    double payloadComZ,
    double servoStrength,
    double servoGain,
    double armatureKgM2,
    double imuGyroNoise,
    double imuAccelNoise,
    double imuAttitudeNoise,
    double jointNoise,
    double batteryWh,
    double batteryInitialSoc) {

  public SimConfig {
    if (!(stepSeconds > 0 && stepSeconds <= 0.02)) {
      throw new IllegalArgumentException("stepSeconds must be in (0, 0.02]: " + stepSeconds);
    }
    if (solverIterations < 0 || contactsPerPair < 1) {
      throw new IllegalArgumentException("solverIterations >= 0 and contactsPerPair >= 1");
    }
    if (!(payloadKg >= 0 && servoStrength >= 0 && servoGain > 0 && armatureKgM2 >= 0)) {
      throw new IllegalArgumentException("payload, servo strength, gain, armature must be >= 0");
    }
    if (!(imuGyroNoise >= 0 && imuAccelNoise >= 0 && imuAttitudeNoise >= 0 && jointNoise >= 0)) {
      throw new IllegalArgumentException("noise levels must be >= 0");
    }
    if (!(batteryWh > 0 && batteryInitialSoc >= 0 && batteryInitialSoc <= 1)) {
      throw new IllegalArgumentException("battery: capacity > 0 Wh, initial charge in [0, 1]");
    }
  }

  /** Defaults (see sim/README.md for the measurements behind them) with the given seed. */
  public static SimConfig defaults(long seed) {
    return new SimConfig(
        0.002, 10, 3, seed, 0, 0, 0, 0.1, 1.0, 40.0, 0.004, 0.002, 0.05, 0.002, 0.0005, 37.0, 1.0);
  }

  /** A copy with a payload (kg, centre of mass in base_link, m). */
  public SimConfig withPayload(double kg, double x, double y, double z) {
    return new SimConfig(
        stepSeconds,
        solverIterations,
        contactsPerPair,
        seed,
        kg,
        x,
        y,
        z,
        servoStrength,
        servoGain,
        armatureKgM2,
        imuGyroNoise,
        imuAccelNoise,
        imuAttitudeNoise,
        jointNoise,
        batteryWh,
        batteryInitialSoc);
  }

  /** A copy with a longest physics step (s) and QuickStep iteration count. */
  public SimConfig withSolver(double step, int iterations) {
    return new SimConfig(
        step,
        iterations,
        contactsPerPair,
        seed,
        payloadKg,
        payloadComX,
        payloadComY,
        payloadComZ,
        servoStrength,
        servoGain,
        armatureKgM2,
        imuGyroNoise,
        imuAccelNoise,
        imuAttitudeNoise,
        jointNoise,
        batteryWh,
        batteryInitialSoc);
  }

  /** A copy with at most {@code n} contact points per geom pair. */
  public SimConfig withContactsPerPair(int n) {
    return new SimConfig(
        stepSeconds,
        solverIterations,
        n,
        seed,
        payloadKg,
        payloadComX,
        payloadComY,
        payloadComZ,
        servoStrength,
        servoGain,
        armatureKgM2,
        imuGyroNoise,
        imuAccelNoise,
        imuAttitudeNoise,
        jointNoise,
        batteryWh,
        batteryInitialSoc);
  }

  /** A copy with the servo torque scaled by {@code strength} and the loop gain (1/s). */
  public SimConfig withServo(double strength, double gain) {
    return new SimConfig(
        stepSeconds,
        solverIterations,
        contactsPerPair,
        seed,
        payloadKg,
        payloadComX,
        payloadComY,
        payloadComZ,
        strength,
        gain,
        armatureKgM2,
        imuGyroNoise,
        imuAccelNoise,
        imuAttitudeNoise,
        jointNoise,
        batteryWh,
        batteryInitialSoc);
  }

  /** A copy with the sensor noise standard deviations (rad/s, m/s², rad, rad). */
  public SimConfig withNoise(double gyro, double accel, double attitude, double joint) {
    return new SimConfig(
        stepSeconds,
        solverIterations,
        contactsPerPair,
        seed,
        payloadKg,
        payloadComX,
        payloadComY,
        payloadComZ,
        servoStrength,
        servoGain,
        armatureKgM2,
        gyro,
        accel,
        attitude,
        joint,
        batteryWh,
        batteryInitialSoc);
  }

  /** A copy without any sensor noise. */
  public SimConfig noiseless() {
    return withNoise(0, 0, 0, 0);
  }

  /**
   * A copy with a simulated pack of {@code wh} Wh starting at state of charge {@code soc} (0..1).
   */
  public SimConfig withBattery(double wh, double soc) {
    return new SimConfig(
        stepSeconds,
        solverIterations,
        contactsPerPair,
        seed,
        payloadKg,
        payloadComX,
        payloadComY,
        payloadComZ,
        servoStrength,
        servoGain,
        armatureKgM2,
        imuGyroNoise,
        imuAccelNoise,
        imuAttitudeNoise,
        jointNoise,
        wh,
        soc);
  }
}
