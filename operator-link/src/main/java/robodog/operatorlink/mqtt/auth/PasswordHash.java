package robodog.operatorlink.mqtt.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing with the JDK's PBKDF2-HMAC-SHA256 and a random 16-byte salt per user (no extra
 * dependency). Stored as {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}; the
 * iteration count is in the string so it can be raised later without invalidating old entries.
 * Stateless; any thread. Verifying takes tens of milliseconds on purpose (once per MQTT connect).
 */
public final class PasswordHash {
  /** Iterations for new hashes (OWASP 2023 suggests 600k for SHA-256; this is a Pi 4). */
  public static final int ITERATIONS = 100_000;

  private static final String SCHEME = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** A new salted hash of {@code password}. */
  public static String hash(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return SCHEME
        + "$"
        + ITERATIONS
        + "$"
        + Base64.getEncoder().encodeToString(salt)
        + "$"
        + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
  }

  /** True when {@code password} matches {@code stored}; false for a malformed entry. */
  public static boolean verify(char[] password, String stored) {
    String[] f = stored.split("\\$");
    if (f.length != 4 || !f[0].equals(SCHEME)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(f[1]);
      byte[] salt = Base64.getDecoder().decode(f[2]);
      byte[] expected = Base64.getDecoder().decode(f[3]);
      if (iterations < 1 || iterations > 10_000_000 || expected.length != 32) {
        return false;
      }
      return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** True when {@code stored} has the shape {@link #hash} produces. */
  public static boolean wellFormed(String stored) {
    return stored != null
        && stored.matches("pbkdf2-sha256\\$[0-9]{1,8}\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]{44}");
  }

  /** A random password of 20 letters and digits (~119 bits). */
  public static String randomPassword() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** UTF-8 bytes of an MQTT CONNECT password as characters. */
  public static char[] chars(byte[] password) {
    return new String(password, StandardCharsets.UTF_8).toCharArray();
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 missing from this JDK", e);
    }
  }
}
