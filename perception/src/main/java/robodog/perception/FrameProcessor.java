package robodog.perception;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.perception.HeightGrid;
import robodog.core.perception.Landmarks;
import robodog.core.perception.PeopleZones;
import robodog.core.perception.SafetyLimit;
import robodog.perception.aruco.MarkerDetector;
import robodog.perception.calib.CameraCalibration;
import robodog.perception.grid.HeightGridBuilder;
import robodog.perception.people.DepthPeopleDetector;
import robodog.perception.people.HogPeopleDetector;

/**
 * All per-frame work on one camera frame: grey conversion, ArUco markers, HOG people, depth people,
 * height grid, and the crew-safety limit from the nearest person. Results land in the public
 * message fields; {@link PerceptionPipeline} publishes them. Stage times of the last frame are kept
 * for the benchmark. One thread; keeps its Mats and message objects between frames.
 */
public final class FrameProcessor implements AutoCloseable {
  static {
    OpenCvNatives.load(); // before any Mat field is built
  }

  public final Landmarks landmarks = new Landmarks();
  public final PeopleZones people = new PeopleZones();
  public final SafetyLimit safety = new SafetyLimit();
  public final HeightGrid grid;

  /** Last frame's stage times, ns. */
  public long arucoNanos;

  public long hogNanos;
  public long depthNanos;

  /** Depth back-projection plus height grid, ns. */
  public long gridNanos;

  private final PerceptionConfig cfg;
  private final MarkerDetector markers;
  private final HogPeopleDetector hog;
  private final DepthPeopleDetector depthPeople = new DepthPeopleDetector();
  private final HeightGridBuilder gridBuilder;
  private final DepthCloud cloud;
  private final Mat bgr;
  private final Mat gray = new Mat();
  private final double pointsPerM2At1m;
  private boolean runHog = true;
  private java.util.function.LongSupplier stageClock = System::nanoTime;
  private boolean markerRangeFromDepth = true;

  /**
   * @param calibration the camera's calibration; {@code null} uses the frames' ideal intrinsics
   */
  public FrameProcessor(CameraIntrinsics k, CameraCalibration calibration, PerceptionConfig cfg) {
    OpenCvNatives.load();
    this.cfg = cfg;
    CameraCalibration cal = calibration != null ? calibration : CameraCalibration.ideal(k);
    markers = new MarkerDetector(cfg.markerDictionary(), cfg.markerSizeM(), cal, cfg.mount());
    hog =
        new HogPeopleDetector(
            cfg.mount(), cfg.hogWidthPx(), cfg.hogThreshold(), cfg.personHeightM());
    gridBuilder =
        new HeightGridBuilder(cfg.obstacleHeightM(), cfg.corridorWidthM(), cfg.lookAheadM());
    grid = new HeightGrid(cfg.gridCells(), cfg.gridResolutionM());
    int stride = 2;
    cloud = new DepthCloud(k, cfg.mount(), stride);
    pointsPerM2At1m = k.fx() * k.fy() / (stride * stride);
    bgr = new Mat(k.height(), k.width(), CvType.CV_8UC3);
  }

  /** Marker range from depth when the frame has it (default), or from solvePnP alone. */
  public void setMarkerRangeFromDepth(boolean on) {
    markerRangeFromDepth = on;
  }

  /**
   * The clock the stage times are read from (default {@link System#nanoTime}; the benchmark passes
   * the thread's CPU time so a busy machine does not inflate the figures).
   */
  public void setStageClock(java.util.function.LongSupplier clock) {
    stageClock = clock;
  }

  /** Turns the HOG detector off (e.g. when depth people suffice and CPU is short). */
  public void setHogEnabled(boolean on) {
    runHog = on;
  }

  /** Processes one frame; {@code nowNanos} (the controller's clock) stamps the safety limit. */
  public void process(CameraFrame f, long nowNanos) {
    bgr.put(0, 0, f.bgr);
    Imgproc.cvtColor(bgr, gray, Imgproc.COLOR_BGR2GRAY);
    long t0 = stageClock.getAsLong();
    if (f.depth != null && markerRangeFromDepth) {
      markers.detect(gray, f.depth, f.width(), landmarks);
    } else {
      markers.detect(gray, landmarks);
    }
    landmarks.stampNanos = f.stampNanos;
    landmarks.frameSequence = f.sequence;
    long t1 = stageClock.getAsLong();
    people.count = 0;
    people.stampNanos = f.stampNanos;
    if (runHog) {
      hog.detect(gray, f, people);
    }
    long t2 = stageClock.getAsLong();
    if (f.depth != null) {
      cloud.fill(f);
      long t3 = stageClock.getAsLong();
      gridBuilder.build(cloud, grid, f.stampNanos);
      long t4 = stageClock.getAsLong();
      if (cfg.depthPeople()) {
        depthPeople.detect(cloud, grid.groundZ, pointsPerM2At1m, people);
      }
      long t5 = stageClock.getAsLong();
      gridNanos = t4 - t2;
      depthNanos = t5 - t4;
    } else {
      grid.clear();
      grid.stampNanos = f.stampNanos;
      gridNanos = 0;
      depthNanos = 0;
    }
    arucoNanos = t1 - t0;
    hogNanos = t2 - t1;
    double nearest = people.nearest();
    safety.nearestPersonM = nearest;
    safety.peopleCount = people.count;
    safety.speedScale = SafetyLimit.scaleFor(nearest, cfg.slowM(), cfg.stopM(), cfg.slowMinScale());
    safety.stampNanos = nowNanos;
    safety.degraded = false;
  }

  /** The colour (BGR) image of the last frame (valid until the next {@link #process}). */
  public Mat bgr() {
    return bgr;
  }

  /** The grey image of the last frame (valid until the next {@link #process}). */
  public Mat gray() {
    return gray;
  }

  @Override
  public void close() {
    markers.close();
    hog.close();
    bgr.release();
    gray.release();
  }
}
