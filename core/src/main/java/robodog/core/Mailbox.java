package robodog.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Single-slot, latest-value hand-over between threads without locks on the reader and without
 * garbage: a triple buffer (ihmc-realtime's {@code ConcurrentCopier}). The writer fills its back
 * buffer and publishes it; the reader takes the newest published buffer. Values the reader never
 * saw are overwritten: the control loop wants the latest command, not a queue of old ones.
 *
 * <p>Threading: any number of producer threads may call {@link #offer} (they serialise on a lock
 * among themselves, never with the reader); exactly one consumer thread calls {@link #poll} /
 * {@link #latest}. The returned object belongs to the consumer until its next poll.
 *
 * @param <T> a mutable value type that can copy itself
 */
public final class Mailbox<T> {
  /** Copies one value into another without allocating. */
  @FunctionalInterface
  public interface Copier<T> {
    void copy(T from, T to);
  }

  private static final int INDEX_MASK = 0b011;
  private static final int FRESH = 0b100;

  private final Object[] slots = new Object[3];
  private final Copier<T> copier;
  private final AtomicInteger middle = new AtomicInteger(1);
  private final Object writerLock = new Object();
  private int back = 0; // guarded by writerLock
  private int front = 2; // consumer thread only
  private boolean received; // consumer thread only

  /** Builds the three buffers with {@code factory}; {@code copier} fills them in {@link #offer}. */
  public Mailbox(Supplier<T> factory, Copier<T> copier) {
    for (int i = 0; i < 3; i++) {
      slots[i] = factory.get();
    }
    this.copier = copier;
  }

  /** Producer side: copies {@code value} in and publishes it. Allocation-free. */
  public void offer(T value) {
    synchronized (writerLock) {
      copier.copy(value, slot(back));
      back = middle.getAndSet(back | FRESH) & INDEX_MASK;
    }
  }

  /**
   * Consumer side: the newest value published since the last poll, or {@code null} if none.
   * Lock-free and allocation-free.
   */
  public T poll() {
    if ((middle.get() & FRESH) == 0) {
      return null;
    }
    front = middle.getAndSet(front) & INDEX_MASK;
    received = true;
    return slot(front);
  }

  /**
   * Consumer side: the newest value ever published (polling first), or {@code null} if nothing was
   * ever published.
   */
  public T latest() {
    T fresh = poll();
    if (fresh != null) {
      return fresh;
    }
    return received ? slot(front) : null;
  }

  @SuppressWarnings("unchecked")
  private T slot(int i) {
    return (T) slots[i];
  }
}
