package robodog.operatorlink.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON the robot's {@code state/*} topics must carry, checked as strictly as the strictest
 * client would: one object and nothing after it, no NaN or Infinity, no comments, no single quotes,
 * no unquoted names or control characters, no duplicate keys. Tests that receive state messages
 * parse every one with it and fail on any that does not pass. Any thread.
 */
public final class StrictJson {
  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .disable(JsonReadFeature.ALLOW_YAML_COMMENTS)
          .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .disable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
          .disable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .disable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
          .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
          .build();

  private StrictJson() {}

  /** True for topics whose payload is not JSON at all ({@code state/camera}: a JPEG). */
  public static boolean binary(String topic) {
    return topic.endsWith("state/camera");
  }

  /**
   * Parses {@code payload} of {@code topic} strictly.
   *
   * @return the object
   * @throws IllegalArgumentException naming the topic, the payload and what was wrong
   */
  public static JsonNode parse(String topic, byte[] payload) {
    String text = new String(payload, StandardCharsets.UTF_8);
    try {
      JsonNode n = STRICT.readTree(payload);
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException(topic + ": expected one JSON object, got: " + text);
      }
      return n;
    } catch (IOException e) {
      String why =
          e instanceof com.fasterxml.jackson.core.JacksonException j
              ? j.getOriginalMessage()
              : e.getMessage();
      throw new IllegalArgumentException(topic + ": invalid JSON (" + why + "): " + text, e);
    }
  }
}
