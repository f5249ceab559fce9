package robodog.operatorlink.protocol;

/**
 * A message was refused: the text names the topic, the field and what was expected, and is
 * published on {@code state/error} so the sender sees why nothing happened.
 */
public final class ProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  public ProtocolException(String message) {
    super(message);
  }
}
