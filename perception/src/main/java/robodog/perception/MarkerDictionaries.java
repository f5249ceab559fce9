package robodog.perception;

import java.util.List;

/** Names of OpenCV's predefined ArUco dictionaries and their ids. Any thread. */
public final class MarkerDictionaries {
  private static final List<String> NAMES =
      List.of(
          "DICT_4X4_50",
          "DICT_4X4_100",
          "DICT_4X4_250",
          "DICT_4X4_1000",
          "DICT_5X5_50",
          "DICT_5X5_100",
          "DICT_5X5_250",
          "DICT_5X5_1000",
          "DICT_6X6_50",
          "DICT_6X6_100",
          "DICT_6X6_250",
          "DICT_6X6_1000",
          "DICT_7X7_50",
          "DICT_7X7_100",
          "DICT_7X7_250",
          "DICT_7X7_1000",
          "DICT_ARUCO_ORIGINAL",
          "DICT_APRILTAG_16h5",
          "DICT_APRILTAG_25h9",
          "DICT_APRILTAG_36h10",
          "DICT_APRILTAG_36h11",
          "DICT_ARUCO_MIP_36h12");

  private MarkerDictionaries() {}

  /** OpenCV's id of a dictionary name (its position in {@code PredefinedDictionaryType}), or -1. */
  public static int id(String name) {
    return NAMES.indexOf(name);
  }

  public static List<String> names() {
    return NAMES;
  }
}
