package robodog.app;

import java.nio.file.Path;

/**
 * Where {@code ./robodog calibrate servos} starts from and where it saves. By default it starts
 * from the {@code servos.yaml} the robot runs on now (the highest layer that has one) and saves
 * into the user's layer, never into the shipped {@code config/} (which on the robot is part of a
 * read-only installation, and in a checkout is a tracked file). {@code --file F} reads and saves F.
 *
 * <p>Start-up thread (it looks at the file system).
 *
 * @param from the calibration loaded as the starting point
 * @param to where {@code s} saves (its directory is created at save time)
 * @param shadowedBy a layer above the user's that holds {@code servos.yaml}, so runs with the same
 *     {@code --config} keep reading that one instead of the saved file; null when none
 */
record CalibrationFiles(Path from, Path to, Path shadowedBy) {
  static final String NAME = "servos.yaml";

  /** The files for {@code --file} ({@code null} when not given) and the checked layers. */
  static CalibrationFiles of(Path file, ConfigLayers layers) {
    if (file != null) {
      return new CalibrationFiles(file, file, null);
    }
    ConfigLayers.Layer src = layers.source(NAME);
    int user = layers.lowToHigh().indexOf(layers.layer(ConfigLayers.Role.USER));
    Path shadow =
        src != null && layers.lowToHigh().indexOf(src) > user ? src.dir().resolve(NAME) : null;
    return new CalibrationFiles(layers.file(NAME), layers.userDir().resolve(NAME), shadow);
  }

  /** One line for the operator before the session starts. */
  String describe() {
    String line =
        from.equals(to)
            ? "calibration: editing " + to
            : "calibration: starting from " + from + ", saving to " + to;
    if (shadowedBy != null) {
      line +=
          " (note: "
              + shadowedBy
              + " is in a higher layer, so runs with this --config keep using it)";
    }
    return line;
  }
}
