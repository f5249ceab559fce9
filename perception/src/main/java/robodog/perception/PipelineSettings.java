package robodog.perception;

import java.nio.file.Path;
import java.util.Set;
import robodog.core.config.ConfigNode;

/**
 * The threaded pipeline's optional stages, from the {@code pipeline:} block of {@code
 * config/perception.yaml}: whether HOG runs, the terrain classifier (model folder and rate) and the
 * annotated snapshot for {@code state/camera} (rate, width, JPEG quality). Immutable; any thread.
 *
 * @param hog {@code on}, {@code off} or {@code auto} (HOG only when the camera has no depth: from
 *     the head mount HOG never sees a whole person, see docs/perception.md, and costs ~21 ms)
 * @param terrainModel folder of the terrain classifier model, or {@code null} for no terrain stage
 * @param terrainRateHz terrain classifications per second of frame time
 * @param snapshotRateHz annotated JPEGs per second of frame time (0 = none), at most 2
 * @param snapshotWidthPx JPEG width, px (height keeps the frame's aspect ratio)
 * @param snapshotQuality JPEG quality 10..100
 */
public record PipelineSettings(
    String hog,
    Path terrainModel,
    double terrainRateHz,
    double snapshotRateHz,
    int snapshotWidthPx,
    int snapshotQuality) {

  /** No optional stage: HOG automatic, no terrain, no snapshot. */
  public static final PipelineSettings NONE = new PipelineSettings("auto", null, 2, 0, 320, 70);

  /** True when HOG should run for a camera with ({@code hasDepth}) or without depth. */
  public boolean hogFor(boolean hasDepth) {
    return hog.equals("on") || (hog.equals("auto") && !hasDepth);
  }

  /** Reads the {@code pipeline:} block of {@code file}; an absent block gives {@link #NONE}. */
  public static PipelineSettings load(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return parse(ConfigNode.load(file).optChild("pipeline"), dir);
  }

  /** Validates a {@code pipeline:} block; relative model paths resolve against {@code baseDir}. */
  public static PipelineSettings parse(ConfigNode p, Path baseDir) {
    p.rejectUnknown(
        Set.of(
            "hog",
            "terrain_model",
            "terrain_rate_hz",
            "snapshot_rate_hz",
            "snapshot_width_px",
            "snapshot_quality"));
    PipelineSettings d = NONE;
    String hog = p.optString("hog", d.hog);
    if (!Set.of("on", "off", "auto").contains(hog)) {
      throw p.error("hog", "on, off or auto, got " + hog);
    }
    String model = p.optString("terrain_model", "");
    Path modelDir =
        model.isEmpty() ? null : baseDir == null ? Path.of(model) : baseDir.resolve(model);
    return new PipelineSettings(
        hog,
        modelDir,
        p.optDouble("terrain_rate_hz", d.terrainRateHz, 0.1, 30, "Hz"),
        p.optDouble("snapshot_rate_hz", d.snapshotRateHz, 0, 2, "Hz"),
        (int) p.optLong("snapshot_width_px", d.snapshotWidthPx, 80, 1280),
        (int) p.optLong("snapshot_quality", d.snapshotQuality, 10, 100));
  }
}
