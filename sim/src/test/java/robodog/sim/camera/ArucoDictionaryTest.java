package robodog.sim.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.objdetect.Dictionary;
import org.opencv.objdetect.Objdetect;

/** The stored bit grids are OpenCV's own DICT_4X4_50 (OpenCV is a test-only dependency here). */
class ArucoDictionaryTest {
  @Test
  void everyStoredMarkerEqualsOpenCvsGeneratedMarker() {
    nu.pattern.OpenCV.loadLocally();
    Dictionary d = Objdetect.getPredefinedDictionary(Objdetect.DICT_4X4_50);
    for (int id = 0; id < ArucoDictionary.SIZE; id++) {
      Mat img = new Mat();
      Objdetect.generateImageMarker(d, id, 6, img, 1);
      boolean[] expected = new boolean[16];
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
          expected[r * 4 + c] = img.get(r + 1, c + 1)[0] > 127;
        }
      }
      assertArrayEquals(expected, ArucoDictionary.bits(id), "marker " + id);
      img.release();
    }
  }

  @Test
  void anIdOutsideTheDictionaryIsRejectedWithTheRange() {
    assertThrows(IllegalArgumentException.class, () -> ArucoDictionary.bits(50));
  }
}
