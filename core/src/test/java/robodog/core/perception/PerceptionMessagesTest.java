package robodog.core.perception;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import robodog.core.Mailbox;

class PerceptionMessagesTest {
  @Test
  void landmarksTravelThroughAMailboxAndBearingFollowsPosition() {
    Mailbox<Landmarks> box = new Mailbox<>(Landmarks::new, (a, b) -> b.copyFrom(a));
    Landmarks l = new Landmarks();
    assertTrue(l.add(7, 2.0, 2.0, 0.1, Math.PI, 2.83, 0.9));
    l.stampNanos = 42;
    box.offer(l);
    Landmarks got = box.poll();
    assertEquals(1, got.count);
    assertEquals(7, got.id[0]);
    assertEquals(Math.PI / 4, got.bearing[0], 1e-12);
    assertEquals(0, got.indexOf(7));
    assertEquals(-1, got.indexOf(8));
    assertEquals(42, got.stampNanos);
  }

  @Test
  void landmarksRefuseBeyondCapacity() {
    Landmarks l = new Landmarks(2);
    assertTrue(l.add(1, 1, 0, 0, 0, 1, 1));
    assertTrue(l.add(2, 1, 0, 0, 0, 1, 1));
    assertFalse(l.add(3, 1, 0, 0, 0, 1, 1));
    Landmarks small = new Landmarks(1);
    small.copyFrom(l);
    assertEquals(1, small.count);
  }

  @Test
  void speedScaleIsZeroInsideStopOneBeyondSlowAndLinearBetween() {
    assertEquals(0.0, SafetyLimit.scaleFor(1.0, 3.0, 1.5, 0.0));
    assertEquals(0.0, SafetyLimit.scaleFor(1.5, 3.0, 1.5, 0.0));
    assertEquals(0.5, SafetyLimit.scaleFor(2.25, 3.0, 1.5, 0.0), 1e-12);
    assertEquals(1.0, SafetyLimit.scaleFor(3.0, 3.0, 1.5, 0.0));
    assertEquals(1.0, SafetyLimit.scaleFor(Double.POSITIVE_INFINITY, 3.0, 1.5, 0.0));
    assertEquals(0.0, SafetyLimit.scaleFor(Double.NaN, 3.0, 1.5, 0.0));
    assertEquals(0.25, SafetyLimit.scaleFor(1.5000001, 3.0, 1.5, 0.25), 1e-6);
    assertEquals(0.0, SafetyLimit.scaleFor(1.4999, 3.0, 1.5, 0.25));
    assertEquals(0.625, SafetyLimit.scaleFor(2.25, 3.0, 1.5, 0.25), 1e-12);
  }

  @Test
  void heightGridCellsMapToBaseLinkAndCopy() {
    HeightGrid g = new HeightGrid();
    assertEquals(40, g.cellOf(0.0));
    assertEquals(39, g.cellOf(-0.01));
    assertEquals(-1, g.cellOf(2.0));
    assertEquals(0, g.cellOf(-2.0));
    assertEquals(0.025, g.centreOf(40), 1e-12);
    g.obstacle[g.index(50, 40)] = true;
    g.traversableAhead = true;
    HeightGrid h = new HeightGrid();
    h.copyFrom(g);
    assertTrue(h.obstacle[h.index(50, 40)]);
    assertTrue(h.traversableAhead);
    assertThrows(IllegalArgumentException.class, () -> h.copyFrom(new HeightGrid(40, 0.1)));
  }

  @Test
  void healthCarriesReasons() {
    PerceptionHealth a = new PerceptionHealth();
    a.degrade(PerceptionHealth.Input.CAMERA, "camera /dev/video0 vanished");
    PerceptionHealth b = new PerceptionHealth();
    b.copyFrom(a);
    assertTrue(b.isDegraded(PerceptionHealth.Input.CAMERA));
    assertEquals("camera /dev/video0 vanished", b.reason(PerceptionHealth.Input.CAMERA));
    assertTrue(b.anyDegraded());
    a.ok(PerceptionHealth.Input.CAMERA);
    b.copyFrom(a);
    assertFalse(b.anyDegraded());
  }
}
