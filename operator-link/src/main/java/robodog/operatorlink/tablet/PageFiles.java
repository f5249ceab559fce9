package robodog.operatorlink.tablet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The bundled page's files ({@code web/} on the classpath), read once and kept: the page is a few
 * hundred kilobytes and never changes while the robot runs, so an event loop thread never waits on
 * the jar twice. Only plain names directly under {@code web/} exist. Thread-safe.
 */
final class PageFiles {
  private static final Pattern FILE = Pattern.compile("/([a-z0-9][a-z0-9._-]{0,63})");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json",
          "png", "image/png",
          "svg", "image/svg+xml",
          "ico", "image/x-icon");

  /** A file's bytes and content type. */
  record File(byte[] body, String type) {}

  private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

  /** The file at this request path ({@code /} is {@code /index.html}), if the bundle has it. */
  Optional<File> get(String path) {
    if (path.equals("/")) {
      path = "/index.html";
    }
    var m = FILE.matcher(path);
    if (!m.matches() || m.group(1).contains("..")) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(m.group(1), PageFiles::read);
  }

  static String type(String ext) {
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  private static Optional<File> read(String name) {
    try (InputStream in = PageFiles.class.getResourceAsStream("/web/" + name)) {
      if (in == null) {
        return Optional.empty();
      }
      String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      return Optional.of(new File(in.readAllBytes(), type(ext)));
    } catch (IOException e) {
      throw new UncheckedIOException("web/" + name + ": " + e.getMessage(), e);
    }
  }
}
