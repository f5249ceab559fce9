package robodog.perception.terrain;

/** A terrain classifier model is missing, unreadable or does not match the network. */
public final class TerrainModelException extends Exception {
  public TerrainModelException(String message) {
    super(message);
  }

  public TerrainModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
