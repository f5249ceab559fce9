package robodog.core.rt;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads, from /proc, what decides whether a real-time step is permitted, so that a refusal can say
 * what is missing: the calling thread's effective capabilities and the process's soft limits.
 * Start-up only (reads files, allocates). Unreadable values come back as {@code "unknown"}/false.
 */
final class Privileges {
  /** Capability bit numbers from {@code linux/capability.h}. */
  static final int CAP_IPC_LOCK = 14;

  static final int CAP_SYS_NICE = 23;

  private Privileges() {}

  /**
   * True when the calling thread holds {@code bit} in its effective set (capabilities are per
   * thread).
   */
  static boolean hasCapability(int bit) {
    String hex = field(Path.of("/proc/thread-self/status"), "CapEff:");
    if (hex == null) {
      return false;
    }
    try {
      return new BigInteger(hex.trim(), 16).testBit(bit);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The soft RLIMIT_RTPRIO, e.g. {@code "0"} or {@code "unlimited"}. */
  static String rtprioLimit() {
    return softLimit("Max realtime priority");
  }

  /** The soft RLIMIT_MEMLOCK in KiB, e.g. {@code "8192 KiB"} or {@code "unlimited"}. */
  static String memlockLimit() {
    String bytes = softLimit("Max locked memory");
    try {
      return Long.parseLong(bytes) / 1024 + " KiB";
    } catch (NumberFormatException e) {
      return bytes;
    }
  }

  /**
   * The process's resident memory ({@code VmRSS}), e.g. {@code "412 MiB"}, or {@code "unknown"}.
   * After {@code mlockall} that is what stays in RAM. Not {@code VmLck}: it counts whole locked
   * mappings, including address space the JVM only reserved (ZGC reserves hundreds of GB).
   */
  static String residentMemory() {
    String kb = field(Path.of("/proc/self/status"), "VmRSS:");
    try {
      return kb == null ? "unknown" : Long.parseLong(kb.replace("kB", "").trim()) / 1024 + " MiB";
    } catch (NumberFormatException e) {
      return "unknown";
    }
  }

  /** The CPUs the calling thread may run on, e.g. {@code "0-1"}. */
  static String allowedCpus() {
    String s = field(Path.of("/proc/thread-self/status"), "Cpus_allowed_list:");
    return s == null ? "unknown" : s.trim();
  }

  private static String softLimit(String name) {
    // "Max realtime priority     0      0     " : the soft limit is the first value after the name.
    String rest = field(Path.of("/proc/self/limits"), name);
    if (rest == null) {
      return "unknown";
    }
    String[] parts = rest.trim().split("\\s+");
    return parts.length == 0 || parts[0].isEmpty() ? "unknown" : parts[0];
  }

  private static String field(Path file, String prefix) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
      for (String line : lines) {
        if (line.startsWith(prefix)) {
          return line.substring(prefix.length());
        }
      }
    } catch (IOException | RuntimeException e) {
      // No /proc (not Linux, a sandbox): the caller says "unknown".
    }
    return null;
  }
}
