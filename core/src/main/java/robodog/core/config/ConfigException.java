package robodog.core.config;

/**
 * A configuration file is wrong. The message names the file, the field (dotted path) and what was
 * expected, so an operator can fix it without reading code. Thrown at start-up only.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
