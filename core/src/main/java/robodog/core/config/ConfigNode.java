package robodog.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A read-only view of one node of a YAML file that knows where it is ({@code file: a.b.c}), so
 * every error names the file, the field and what was expected. Readers use {@code require*} for
 * mandatory fields and {@code opt*} for optional ones (DJL {@code Criteria} style), and call {@link
 * #rejectUnknown} so a misspelt key is an error rather than a silently ignored setting.
 *
 * <p>Start-up only; not for the control thread.
 */
public final class ConfigNode {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String source;
  private final String path;
  private final JsonNode node;

  private ConfigNode(String source, String path, JsonNode node) {
    this.source = source;
    this.path = path;
    this.node = node;
  }

  /** Parses a YAML file. */
  public static ConfigNode load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(file.toString(), in);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses YAML from a stream; {@code source} names it in error messages. */
  public static ConfigNode parse(String source, InputStream in) {
    try {
      JsonNode root = YAML.readTree(in);
      if (root == null || root.isMissingNode() || root.isNull()) {
        throw new ConfigException(source + ": the file is empty; expected a YAML mapping");
      }
      if (!root.isObject()) {
        throw new ConfigException(source + ": expected a YAML mapping at the top level");
      }
      return new ConfigNode(source, "", root);
    } catch (IOException e) {
      throw new ConfigException(source + ": malformed YAML: " + e.getMessage().split("\n")[0], e);
    }
  }

  /** Parses YAML text; {@code source} names it in error messages. */
  public static ConfigNode parseString(String source, String yaml) {
    return parse(
        source,
        new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** File name for messages. */
  public String source() {
    return source;
  }

  /** Dotted path of this node, empty at the root. */
  public String path() {
    return path;
  }

  private String where(String key) {
    return source + ": " + (path.isEmpty() ? key : path + "." + key);
  }

  /** {@code file: path} of this node, for messages. */
  public String where() {
    return source + ": " + (path.isEmpty() ? "(top level)" : path);
  }

  /** Makes an error for {@code key} of this node. */
  public ConfigException error(String key, String expected) {
    JsonNode v = node.get(key);
    return new ConfigException(
        where(key) + ": expected " + expected + (v == null ? ", but it is missing" : ", got " + v));
  }

  /** True when {@code key} is present and not null. */
  public boolean has(String key) {
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  /** The mapping under {@code key}. */
  public ConfigNode child(String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isObject()) {
      throw error(key, "a mapping");
    }
    return new ConfigNode(source, path.isEmpty() ? key : path + "." + key, v);
  }

  /** The mapping under {@code key}, or an empty one. */
  public ConfigNode optChild(String key) {
    if (!has(key)) {
      return new ConfigNode(
          source, path.isEmpty() ? key : path + "." + key, YAML.createObjectNode());
    }
    return child(key);
  }

  /** The items of the list under {@code key}, each a mapping. */
  public List<ConfigNode> childList(String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isArray()) {
      throw error(key, "a list");
    }
    List<ConfigNode> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isObject()) {
        throw new ConfigException(where(key) + "[" + i + "]: expected a mapping, got " + v.get(i));
      }
      out.add(
          new ConfigNode(
              source, (path.isEmpty() ? key : path + "." + key) + "[" + i + "]", v.get(i)));
    }
    return out;
  }

  /** Keys of this mapping in file order. */
  public List<String> keys() {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  /** Fails on any key not in {@code allowed}, listing the allowed keys. */
  public void rejectUnknown(Set<String> allowed) {
    for (String k : keys()) {
      if (!allowed.contains(k)) {
        throw new ConfigException(
            where(k)
                + ": unknown field; allowed fields here are "
                + new java.util.TreeSet<>(allowed));
      }
    }
  }

  /** A finite number. */
  public double requireDouble(String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw error(key, "a number");
    }
    return v.asDouble();
  }

  /** A finite number within [min, max]; {@code unit} is named in the message. */
  public double requireDouble(String key, double min, double max, String unit) {
    double d = requireDouble(key);
    if (d < min || d > max) {
      throw error(key, "a number in [" + min + ", " + max + "] " + unit);
    }
    return d;
  }

  /** An optional number within [min, max]. */
  public double optDouble(String key, double dflt, double min, double max, String unit) {
    return has(key) ? requireDouble(key, min, max, unit) : dflt;
  }

  /** An integer within [min, max]. */
  public long requireLong(String key, long min, long max) {
    JsonNode v = node.get(key);
    if (v == null || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      throw error(key, "an integer in [" + min + ", " + max + "]");
    }
    return v.asLong();
  }

  /** An optional integer within [min, max]. */
  public long optLong(String key, long dflt, long min, long max) {
    return has(key) ? requireLong(key, min, max) : dflt;
  }

  /** A non-empty string. */
  public String requireString(String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw error(key, "a non-empty string");
    }
    return v.asText();
  }

  /** An optional string. */
  public String optString(String key, String dflt) {
    return has(key) ? requireString(key) : dflt;
  }

  /** A boolean. */
  public boolean optBoolean(String key, boolean dflt) {
    if (!has(key)) {
      return dflt;
    }
    JsonNode v = node.get(key);
    if (!v.isBoolean()) {
      throw error(key, "true or false");
    }
    return v.asBoolean();
  }

  /** A list of exactly {@code n} finite numbers. */
  public double[] requireDoubles(String key, int n, String unit) {
    JsonNode v = node.get(key);
    if (v == null || !v.isArray() || v.size() != n) {
      throw error(key, "a list of " + n + " numbers (" + unit + ")");
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      if (!v.get(i).isNumber() || !Double.isFinite(v.get(i).asDouble())) {
        throw error(key, "a list of " + n + " numbers (" + unit + ")");
      }
      out[i] = v.get(i).asDouble();
    }
    return out;
  }

  /** A list of numbers of any length. */
  public double[] requireDoubleList(String key, String unit) {
    JsonNode v = node.get(key);
    if (v == null || !v.isArray() || v.size() == 0) {
      throw error(key, "a non-empty list of numbers (" + unit + ")");
    }
    return requireDoubles(key, v.size(), unit);
  }

  /** Whether this node is empty (no keys). */
  public boolean isEmpty() {
    return node.size() == 0 || node instanceof MissingNode;
  }
}
