package robodog.sim.camera;

import java.nio.file.Path;
import java.util.Set;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.camera.CameraMount;
import robodog.core.config.ConfigNode;

/**
 * The simulated head camera: image size, field of view, frame rate, where it is mounted, anti-
 * aliasing, lighting/noise and texture variation. Loaded from {@code config/camera.yaml}; every
 * error names the file, key and expected range. Immutable; any thread.
 *
 * @param width px
 * @param height px
 * @param hfovRad horizontal field of view, rad
 * @param rateHz frames per simulated second
 * @param supersample rays per pixel side (1 = fastest, 2 = anti-aliased, 4× slower)
 * @param mount camera pose on the body
 * @param lighting light and sensor noise
 * @param textureVariation 0..1, how far the seeded texture variants stray from the canonical look
 */
public record SimCameraConfig(
    int width,
    int height,
    double hfovRad,
    double rateHz,
    int supersample,
    CameraMount mount,
    Lighting lighting,
    double textureVariation) {

  /** 640×480, 70° horizontal, 12 Hz, default mount and daylight. */
  public static final SimCameraConfig DEFAULT =
      new SimCameraConfig(
          640, 480, Math.toRadians(70), 12, 1, CameraMount.DEFAULT, Lighting.DEFAULT, 0.5);

  /** Pinhole intrinsics of this camera (principal point at the image centre). */
  public CameraIntrinsics intrinsics() {
    return CameraIntrinsics.fromHorizontalFov(width, height, hfovRad);
  }

  /** Loads a camera YAML file. */
  public static SimCameraConfig load(Path file) {
    return parse(ConfigNode.load(file));
  }

  /** Validates a parsed camera YAML. Absent keys keep {@link #DEFAULT}'s values. */
  public static SimCameraConfig parse(ConfigNode c) {
    c.rejectUnknown(
        Set.of(
            "width_px",
            "height_px",
            "hfov_deg",
            "rate_hz",
            "supersample",
            "mount",
            "lighting",
            "texture_variation",
            "device")); // the real camera's device, read by ./robodog run, not the simulator
    SimCameraConfig d = DEFAULT;
    ConfigNode m = c.optChild("mount");
    CameraMount mount = CameraMount.parse(m, d.mount());
    ConfigNode l = c.optChild("lighting");
    l.rejectUnknown(
        Set.of(
            "sun_azimuth_deg",
            "sun_elevation_deg",
            "sun",
            "ambient",
            "exposure",
            "colour_noise",
            "depth_noise_k"));
    Lighting dl = d.lighting();
    Lighting light =
        new Lighting(
            Math.toRadians(
                l.optDouble(
                    "sun_azimuth_deg", Math.toDegrees(dl.sunAzimuthRad()), -360, 360, "degrees")),
            Math.toRadians(
                l.optDouble(
                    "sun_elevation_deg", Math.toDegrees(dl.sunElevationRad()), 1, 90, "degrees")),
            l.optDouble("sun", dl.sun(), 0, 5, "(1 = bright day)"),
            l.optDouble("ambient", dl.ambient(), 0, 5, "(sky light)"),
            l.optDouble("exposure", dl.exposure(), 0.05, 20, "(gain)"),
            1,
            1,
            l.optDouble("colour_noise", dl.noiseSigma(), 0, 50, "8-bit levels (std dev)"),
            l.optDouble("depth_noise_k", dl.depthNoise(), 0, 0.1, "1/m (sigma = k z^2)"));
    return new SimCameraConfig(
        (int) c.optLong("width_px", d.width(), 16, 4096),
        (int) c.optLong("height_px", d.height(), 16, 4096),
        Math.toRadians(c.optDouble("hfov_deg", Math.toDegrees(d.hfovRad()), 10, 150, "degrees")),
        c.optDouble("rate_hz", d.rateHz(), 0.5, 60, "Hz"),
        (int) c.optLong("supersample", d.supersample(), 1, 4),
        mount,
        light,
        c.optDouble("texture_variation", d.textureVariation(), 0, 1, "(0..1)"));
  }
}
