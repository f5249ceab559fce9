package robodog.core.camera;

/** A camera failed or produced an unusable image; the message names the source and the fault. */
public final class CameraException extends Exception {
  public CameraException(String message) {
    super(message);
  }

  public CameraException(String message, Throwable cause) {
    super(message, cause);
  }
}
