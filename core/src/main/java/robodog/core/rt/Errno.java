package robodog.core.rt;

/**
 * Linux errno values the set-up meets, and their text: {@code "EPERM (Operation not permitted)"}.
 * Start-up only (allocates).
 */
final class Errno {
  static final int EPERM = 1;
  static final int ESRCH = 3;
  static final int EAGAIN = 11;
  static final int ENOMEM = 12;
  static final int EFAULT = 14;
  static final int EINVAL = 22;
  static final int ENOSYS = 38;

  private Errno() {}

  /** The symbolic name, or {@code "errno N"} for one not in the table. */
  static String name(int errno) {
    switch (errno) {
      case EPERM:
        return "EPERM";
      case ESRCH:
        return "ESRCH";
      case EAGAIN:
        return "EAGAIN";
      case ENOMEM:
        return "ENOMEM";
      case EFAULT:
        return "EFAULT";
      case EINVAL:
        return "EINVAL";
      case ENOSYS:
        return "ENOSYS";
      default:
        return "errno " + errno;
    }
  }

  /** Name and the C library's meaning, e.g. {@code "EPERM (Operation not permitted)"}. */
  static String describe(Libc libc, int errno) {
    String text;
    try {
      text = libc.strerror(errno);
    } catch (RuntimeException | LinkageError e) {
      text = null;
    }
    return name(errno) + " (" + (text == null ? "no description" : text) + ")";
  }
}
