package robodog.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * The controller reads commands through {@link MotionCommand#copyValidFrom}: a field it forgets to
 * copy is a command the robot silently ignores (an E-stop cut request that stays a settle, a
 * release that never arrives). Every public field must cross both copies unchanged when valid.
 */
class MotionCommandCopyTest {
  @Test
  void everyValidFieldCrossesBothCopies() throws IllegalAccessException {
    MotionCommand source = new MotionCommand();
    int k = 1;
    for (Field f : fields()) {
      Class<?> t = f.getType();
      if (t == double.class) {
        f.setDouble(source, 0.001 * k); // small enough to be in range for every field
      } else if (t == long.class) {
        f.setLong(source, 1000L + k);
      } else if (t == int.class) {
        f.setInt(source, k % 6 == 0 ? 1 : k % 6); // a leg mask and a gait index both fit
      } else if (t == boolean.class) {
        f.setBoolean(source, true);
      } else if (t == Mode.class) {
        f.set(source, Mode.WALKING);
      } else {
        throw new AssertionError("MotionCommand." + f.getName() + ": a type this test must learn");
      }
      k++;
    }
    MotionCommand valid = new MotionCommand();
    assertEquals(0, valid.copyValidFrom(source), "every field was set in range");
    MotionCommand plain = new MotionCommand();
    plain.copyFrom(source);
    for (Field f : fields()) {
      assertEquals(f.get(source), f.get(valid), "copyValidFrom drops MotionCommand." + f.getName());
      assertEquals(f.get(source), f.get(plain), "copyFrom drops MotionCommand." + f.getName());
    }
  }

  private static java.util.List<Field> fields() {
    java.util.List<Field> out = new java.util.ArrayList<>();
    for (Field f : MotionCommand.class.getFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        out.add(f);
      }
    }
    return out;
  }
}
