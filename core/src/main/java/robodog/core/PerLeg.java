package robodog.core;

import java.util.function.Function;

/**
 * A fixed container with one element per leg, filled once at construction so the hot path only
 * reads it. Not thread-safe: owned by one thread, like the objects it holds.
 *
 * @param <T> element type
 */
public final class PerLeg<T> {
  private final Object[] items = new Object[LegId.COUNT];

  /** Builds one element per leg with {@code factory}; allocation happens here, never later. */
  public PerLeg(Function<LegId, T> factory) {
    for (LegId leg : LegId.VALUES) {
      items[leg.ordinal()] = factory.apply(leg);
    }
  }

  /** Element of {@code leg}. */
  @SuppressWarnings("unchecked")
  public T get(LegId leg) {
    return (T) items[leg.ordinal()];
  }

  /** Element of the leg with ordinal {@code index}. */
  @SuppressWarnings("unchecked")
  public T get(int index) {
    return (T) items[index];
  }
}
