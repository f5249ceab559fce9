package robodog.sim;

/**
 * Simulator settings. Defaults are the ones measured in the README: a 5 ms physics step (one per
 * 200 Hz control tick in simulation) with 10 QuickStep iterations. ode4j spends ~250 µs per step on
 * this 19-body robot whatever the step size, so the step sets the real-time factor; 5 ms keeps the
 * servo loop and contacts stable (standing sag 3 mm) and runs above 20x real time.
 *
 * @param stepSeconds physics step, s (the control period must be a whole multiple)
 * @param solverIterations QuickStep iterations
 * @param seed random seed for sensor noise (terrain has its own seed in the scenario)
 * @param payloadKg payload mass, kg
 * @param payloadComX payload centre of mass in base_link, m
 * @param payloadComY same, y
 * @param payloadComZ same, z
 * @param servoStrength multiplier on servo stall torque (1 = datasheet)
 * @param servoGain position-error-to-velocity gain of the servo loop, 1/s
 * @param imuGyroNoise gyro noise standard deviation, rad/s
 * @param imuAccelNoise accelerometer noise standard deviation, m/s²
 * @param imuAttitudeNoise orientation noise standard deviation, rad
 */
public record SimConfig(
    double stepSeconds,
    int solverIterations,
    long seed,
    double payloadKg,
    double payloadComX,
    double payloadComY,
    double payloadComZ,
    double servoStrength,
    double servoGain,
    double imuGyroNoise,
    double imuAccelNoise,
    double imuAttitudeNoise) {

  /** Reflected servo rotor inertia added to every leg link, kg·m² (see RobotModel). */
  public static final double ARMATURE_KG_M2 =
      Double.parseDouble(System.getProperty("robodog.sim.armature", "0.004"));

  /** Defaults with the given seed and no payload. */
  public static SimConfig defaults(long seed) {
    return new SimConfig(0.005, 10, seed, 0, 0, 0, 0.1, 1.0, 40.0, 0.002, 0.05, 0.002);
  }

  /** A copy with a payload (kg, centre of mass in base_link, m). */
  public SimConfig withPayload(double kg, double x, double y, double z) {
    return new SimConfig(
        stepSeconds,
        solverIterations,
        seed,
        kg,
        x,
        y,
        z,
        servoStrength,
        servoGain,
        imuGyroNoise,
        imuAccelNoise,
        imuAttitudeNoise);
  }

  /** A copy with a physics step and solver iteration count. */
  public SimConfig withSolver(double step, int iterations) {
    return new SimConfig(
        step,
        iterations,
        seed,
        payloadKg,
        payloadComX,
        payloadComY,
        payloadComZ,
        servoStrength,
        servoGain,
        imuGyroNoise,
        imuAccelNoise,
        imuAttitudeNoise);
  }
}
