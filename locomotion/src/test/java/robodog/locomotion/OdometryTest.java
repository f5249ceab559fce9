package robodog.locomotion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OdometryTest {
  @Test
  void straightLineAlongTheHeading() {
    Odometry o = new Odometry();
    for (int i = 0; i < 500; i++) {
      o.step(0.2, 0, 0, 0.002);
    }
    assertEquals(0.2, o.x(), 1e-9);
    assertEquals(0, o.y(), 1e-12);
  }

  @Test
  void aFullCircleComesBackToTheStartFacingTheSameWay() {
    Odometry o = new Odometry();
    double w = 0.5; // rad/s
    int n = (int) Math.round(2 * Math.PI / w / 0.002);
    for (int i = 0; i < n; i++) {
      o.step(0.1, 0, w, 0.002);
    }
    // radius 0.2 m: ending within 1 mm of the origin means the heading was integrated right
    assertEquals(0, o.x(), 1e-3);
    assertEquals(0, o.y(), 1e-3);
    assertEquals(0, o.yaw(), 1e-3);
  }

  @Test
  void sidewaysStepAfterQuarterTurnMovesAlongOdomMinusX() {
    Odometry o = new Odometry();
    for (int i = 0; i < 1000; i++) {
      o.step(0, 0, Math.PI / 2, 0.001);
    }
    for (int i = 0; i < 1000; i++) {
      o.step(0, 0.1, 0, 0.001);
    }
    assertEquals(-0.1, o.x(), 1e-6);
    assertEquals(0, o.y(), 1e-6);
  }
}
