package robodog.operatorlink.mqtt.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Watches the users file and hands every changed version to the broker's security, so that {@code
 * ./robodog users remove NAME} takes effect on a running robot: polled every second (modification
 * time and size; a WatchService misses the atomic rename on some file systems). Runs on its own
 * daemon thread {@code credentials-reload}.
 */
final class CredentialsReload implements AutoCloseable {
  /** How often the file is looked at, ms. */
  static final long PERIOD_MS = 1000;

  private final Path file;
  private final Function<CredentialStore, List<String>> replace;
  private final Consumer<String> disconnect;
  private final Consumer<String> problems;
  private final Thread thread;
  private String seen;

  /**
   * @param replace installs a new store and returns the client ids of removed users
   * @param disconnect drops one client id's connection
   * @param problems receives one sentence when the file does not load
   */
  CredentialsReload(
      Path file,
      Function<CredentialStore, List<String>> replace,
      Consumer<String> disconnect,
      Consumer<String> problems) {
    this.file = file;
    this.replace = replace;
    this.disconnect = disconnect;
    this.problems = problems;
    this.seen = stamp();
    thread = new Thread(this::run, "credentials-reload");
    thread.setDaemon(true);
    thread.start();
  }

  private String stamp() {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.lastModifiedTime().toMillis() + "/" + a.size() + "/" + a.fileKey();
    } catch (IOException e) {
      return "missing";
    }
  }

  private void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
      String now = stamp();
      if (now.equals(seen)) {
        continue;
      }
      seen = now;
      try {
        CredentialStore next =
            Files.exists(file) ? CredentialStore.load(file) : CredentialStore.empty();
        replace.apply(next).forEach(disconnect);
      } catch (IOException | RuntimeException e) {
        problems.accept(
            "credentials file: not reloaded, the users stay as they were: " + e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
