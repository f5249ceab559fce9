package robodog.core.rt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The few Linux libc calls the real-time set-up needs, through JNA's interface mapping (each call
 * goes through a reflective proxy and allocates: fine at start-up, never on the tick). Errors are
 * read with {@link Native#getLastError()}, which JNA saves per thread right after each call.
 *
 * <p>Constants are the Linux values for x86-64, aarch64 and 32-bit ARM (the PC and the Pi); other
 * architectures (PowerPC, SPARC) number {@code MCL_*} differently and are not supported.
 */
interface Libc extends Library {
  int SCHED_OTHER = 0;
  int SCHED_FIFO = 1;

  /** Children (threads this thread creates) start as SCHED_OTHER instead of inheriting FIFO. */
  int SCHED_RESET_ON_FORK = 0x40000000;

  int PR_SET_TIMERSLACK = 29;
  int PR_GET_TIMERSLACK = 30;
  int MCL_CURRENT = 1;
  int MCL_FUTURE = 2;

  /**
   * {@code sched_setscheduler(2)}; on Linux {@code pid} 0 is the calling thread, not the process.
   *
   * @param param a {@code struct sched_param}: {@code sched_priority} first; longer than the glibc
   *     struct on purpose (musl's is larger), the kernel reads only the priority
   */
  int sched_setscheduler(int pid, int policy, int[] param);

  /** {@code prctl(2)}; variadic in C, but on these ABIs the integer arguments pass as fixed. */
  int prctl(int option, NativeLong arg2, NativeLong arg3, NativeLong arg4, NativeLong arg5);

  /** {@code sched_setaffinity(2)}; {@code pid} 0 is the calling thread. */
  int sched_setaffinity(int pid, NativeLong cpusetsize, Pointer mask);

  /** {@code mlockall(2)}: process-wide whichever thread calls it. */
  int mlockall(int flags);

  /** {@code strerror(3)}: the C library's text for an errno. */
  String strerror(int errnum);

  /**
   * Loads libc, or explains why not.
   *
   * @return the library, never null
   * @throws UnsupportedOperationException with a one-line reason: not Linux, or JNA could not load
   *     its native part or libc
   */
  static Libc load() {
    if (!Platform.isLinux()) {
      throw new UnsupportedOperationException(
          "the real-time set-up is Linux-only, this is " + System.getProperty("os.name"));
    }
    try {
      return Native.load(Platform.C_LIBRARY_NAME, Libc.class);
    } catch (LinkageError | RuntimeException e) {
      // UnsatisfiedLinkError (no JNA native for this architecture, noexec /tmp) or
      // NoClassDefFoundError (jar missing): the robot must still run, so this becomes a line.
      throw new UnsupportedOperationException(
          "JNA could not load libc (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
          e);
    }
  }
}
