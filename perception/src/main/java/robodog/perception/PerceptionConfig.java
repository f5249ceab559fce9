package robodog.perception;

import java.nio.file.Path;
import java.util.Set;
import robodog.core.camera.CameraMount;
import robodog.core.config.ConfigNode;
import robodog.core.perception.SafetyLimit;

/**
 * Perception settings from {@code config/perception.yaml}: camera mount, marker dictionary and
 * size, crew-safety zones, height-grid thresholds. Degrees and names at the edge, SI inside. Every
 * error names the file, key and the expected range. Immutable; any thread.
 *
 * @param mount camera pose on base_link
 * @param calibrationFile OpenCV YAML calibration ({@code null}: use the source's ideal intrinsics)
 * @param markerDictionary OpenCV predefined dictionary name, e.g. {@code DICT_4X4_50}
 * @param markerSizeM black square edge, m
 * @param slowM people closer than this slow the robot, m
 * @param stopM people closer than this stop it, m
 * @param slowMinScale speed scale at the stop-zone edge (the slow zone ramps from 1 down to it)
 * @param personHeightM assumed height for distance from box height (no depth), m
 * @param hogWidthPx HOG runs on the image scaled to this width, px
 * @param hogThreshold SVM hit threshold (higher: fewer, surer detections)
 * @param depthPeople also detect people as upright blobs in depth
 * @param staleS a safety limit older than this is stale for the controller, s
 * @param staleScale speed scale the controller applies while the limit is stale (0..1)
 * @param gridCells height grid cells per side
 * @param gridResolutionM height grid cell edge, m
 * @param obstacleHeightM cells higher than this above the local ground are obstacles, m
 * @param corridorWidthM width of the path-ahead corridor, m
 * @param lookAheadM length of the path-ahead corridor, m
 */
public record PerceptionConfig(
    CameraMount mount,
    Path calibrationFile,
    String markerDictionary,
    double markerSizeM,
    double slowM,
    double stopM,
    double slowMinScale,
    double personHeightM,
    int hogWidthPx,
    double hogThreshold,
    boolean depthPeople,
    double staleS,
    double staleScale,
    int gridCells,
    double gridResolutionM,
    double obstacleHeightM,
    double corridorWidthM,
    double lookAheadM) {

  public static final PerceptionConfig DEFAULT =
      new PerceptionConfig(
          CameraMount.DEFAULT,
          null,
          "DICT_4X4_50",
          0.15,
          SafetyLimit.DEFAULT_SLOW_M,
          SafetyLimit.DEFAULT_STOP_M,
          SafetyLimit.DEFAULT_MIN_SLOW_SCALE,
          1.7,
          320,
          0.0,
          true,
          0.5,
          0.3,
          80,
          0.05,
          0.08,
          0.45,
          1.5);

  /**
   * Loads {@code file}. The camera mount is the robot's, declared once in {@code camera.yaml}
   * beside it (the simulated camera reads the same block); a {@code camera.mount} here overrides
   * it.
   */
  public static PerceptionConfig load(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    CameraMount mount = DEFAULT.mount;
    Path camera = dir.resolve("camera.yaml");
    if (java.nio.file.Files.exists(camera)) {
      mount = CameraMount.parse(ConfigNode.load(camera).optChild("mount"), mount);
    }
    return parse(ConfigNode.load(file), dir, mount);
  }

  /** Validates a parsed file; absent keys keep {@link #DEFAULT}'s values. */
  public static PerceptionConfig parse(ConfigNode c, Path baseDir) {
    return parse(c, baseDir, DEFAULT.mount);
  }

  /** As {@link #parse(ConfigNode, Path)}, with {@code defaultMount} where no mount is given. */
  public static PerceptionConfig parse(ConfigNode c, Path baseDir, CameraMount defaultMount) {
    c.rejectUnknown(Set.of("camera", "markers", "people", "grid", "pipeline"));
    PerceptionConfig d = DEFAULT;
    ConfigNode cam = c.optChild("camera");
    cam.rejectUnknown(Set.of("mount", "calibration_file"));
    ConfigNode m = cam.optChild("mount");
    CameraMount mount = CameraMount.parse(m, defaultMount);
    String calib = cam.optString("calibration_file", "");
    Path calibFile =
        calib.isEmpty() ? null : baseDir == null ? Path.of(calib) : baseDir.resolve(calib);
    ConfigNode mk = c.optChild("markers");
    mk.rejectUnknown(Set.of("dictionary", "size_m"));
    String dict = mk.optString("dictionary", d.markerDictionary);
    if (MarkerDictionaries.id(dict) < 0) {
      throw mk.error("dictionary", "one of " + MarkerDictionaries.names() + ", got " + dict);
    }
    ConfigNode p = c.optChild("people");
    p.rejectUnknown(
        Set.of(
            "slow_m",
            "stop_m",
            "slow_min_scale",
            "person_height_m",
            "hog_width_px",
            "hog_threshold",
            "depth_detector",
            "stale_s",
            "stale_speed_scale"));
    double slow = p.optDouble("slow_m", d.slowM, 0.2, 20, "m");
    double stop = p.optDouble("stop_m", d.stopM, 0.1, 20, "m");
    if (stop >= slow) {
      throw p.error("stop_m", "less than slow_m (" + slow + "), got " + stop);
    }
    ConfigNode g = c.optChild("grid");
    g.rejectUnknown(
        Set.of("cells", "resolution_m", "obstacle_height_m", "corridor_width_m", "look_ahead_m"));
    long cells = g.optLong("cells", d.gridCells, 10, 400);
    if (cells % 2 != 0) {
      throw g.error("cells", "an even number, got " + cells);
    }
    return new PerceptionConfig(
        mount,
        calibFile,
        dict,
        mk.optDouble("size_m", d.markerSizeM, 0.01, 2, "m"),
        slow,
        stop,
        p.optDouble("slow_min_scale", d.slowMinScale, 0.05, 1, "(0..1)"),
        p.optDouble("person_height_m", d.personHeightM, 1.0, 2.5, "m"),
        (int) p.optLong("hog_width_px", d.hogWidthPx, 64, 1920),
        p.optDouble("hog_threshold", d.hogThreshold, -5, 5, "(SVM margin)"),
        p.optBoolean("depth_detector", d.depthPeople),
        p.optDouble("stale_s", d.staleS, 0.05, 10, "s"),
        p.optDouble("stale_speed_scale", d.staleScale, 0, 1, "(0..1)"),
        (int) cells,
        g.optDouble("resolution_m", d.gridResolutionM, 0.01, 0.5, "m"),
        g.optDouble("obstacle_height_m", d.obstacleHeightM, 0.01, 1, "m"),
        g.optDouble("corridor_width_m", d.corridorWidthM, 0.1, 3, "m"),
        g.optDouble("look_ahead_m", d.lookAheadM, 0.2, 2, "m"));
  }
}
