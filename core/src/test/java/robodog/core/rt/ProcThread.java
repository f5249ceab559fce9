package robodog.core.rt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the kernel says about a thread, read from /proc independently of the code under test, and a
 * per-thread capability drop to make the kernel refuse.
 */
final class ProcThread {
  private ProcThread() {}

  /** The calling thread's kernel id, from the {@code /proc/thread-self -> PID/task/TID} link. */
  static int tid() throws IOException {
    return Integer.parseInt(
        Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
  }

  /** Field {@code n} (1-based, as in proc(5)) of {@code /proc/self/task/TID/stat}. */
  static long statField(int tid, int n) throws IOException {
    String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
    // Field 2 (comm) is in parentheses and may hold spaces; fields after it start at 3.
    String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return Long.parseLong(rest[n - 3]);
  }

  /** Scheduling policy, field 41: 0 SCHED_OTHER, 1 SCHED_FIFO. */
  static int policy(int tid) throws IOException {
    return (int) statField(tid, 41);
  }

  /** Real-time priority, field 40. */
  static int rtPriority(int tid) throws IOException {
    return (int) statField(tid, 40);
  }

  /**
   * The thread's timer slack, ns. {@code /proc/thread-self/} has no {@code timerslack_ns} (it is in
   * the per-process entries only), but {@code /proc/TID/} resolves to that very thread.
   */
  static long timerSlackNanos(int tid) throws IOException {
    return Long.parseLong(Files.readString(Path.of("/proc/" + tid + "/timerslack_ns")).trim());
  }

  /** {@code Cpus_allowed_list} of the thread, e.g. {@code "1"}. */
  static String cpusAllowed(int tid) throws IOException {
    return field(Path.of("/proc/self/task/" + tid + "/status"), "Cpus_allowed_list:");
  }

  /** {@code VmLck} of the process, kB. */
  static long lockedKilobytes() throws IOException {
    return Long.parseLong(field(Path.of("/proc/self/status"), "VmLck:").replace("kB", "").trim());
  }

  /** Every thread id of this process. */
  static List<Integer> allTids() throws IOException {
    List<Integer> ids = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("/proc/self/task"))) {
      s.forEach(p -> ids.add(Integer.parseInt(p.getFileName().toString())));
    }
    return ids;
  }

  private static String field(Path file, String prefix) throws IOException {
    for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length()).trim();
      }
    }
    throw new IOException(prefix + " not in " + file);
  }

  /** capget/capset as the kernel has them: per thread (glibc does not broadcast these). */
  interface Caps extends Library {
    int capget(int[] header, int[] data);

    int capset(int[] header, int[] data);
  }

  private static final int LINUX_CAPABILITY_VERSION_3 = 0x20080522;

  /**
   * Removes capabilities (bit numbers below 32) from the calling thread's effective set only, so
   * the kernel treats this one thread as unprivileged. The permitted set is kept.
   *
   * @return true when the kernel accepted the change
   */
  static boolean dropEffective(int... bits) {
    Caps caps = Native.load("c", Caps.class);
    int[] header = {LINUX_CAPABILITY_VERSION_3, 0};
    int[] data = new int[6]; // two {effective, permitted, inheritable} words
    if (caps.capget(header, data) != 0) {
      return false;
    }
    for (int bit : bits) {
      data[0] &= ~(1 << bit);
    }
    return caps.capset(header, data) == 0;
  }
}
