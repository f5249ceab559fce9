package robodog.locomotion.urdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.locomotion.Fixtures;
import robodog.locomotion.LocomotionConfig;
import robodog.locomotion.kinematics.LegKinematics;
import robodog.locomotion.trace.GaitTrace;

class UrdfTest {
  private final LocomotionConfig cfg = Fixtures.config();

  @Test
  void hasTheDocumentedJointAndLinkNames() throws Exception {
    UrdfChain urdf = new UrdfChain(UrdfWriter.write(cfg.robot()));
    NodeList joints = urdf.doc.getElementsByTagName("joint");
    java.util.Set<String> revolute = new java.util.TreeSet<>();
    for (int i = 0; i < joints.getLength(); i++) {
      Element j = (Element) joints.item(i);
      if ("revolute".equals(j.getAttribute("type"))) {
        revolute.add(j.getAttribute("name"));
      }
    }
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (int i = 0; i < Joints.COUNT; i++) {
      expected.add(Joints.name(i));
    }
    assertEquals(expected, revolute);
    for (LegId leg : LegId.VALUES) {
      urdf.position(leg.shortName() + "_foot", Map.of()); // throws if not chained to base_link
    }
  }

  @Test
  void urdfForwardKinematicsEqualsTheControllersForRandomAngles() throws Exception {
    UrdfChain urdf = new UrdfChain(UrdfWriter.write(cfg.robot()));
    SplittableRandom r = new SplittableRandom(3);
    double[] q = new double[3];
    double[] foot = new double[3];
    for (int n = 0; n < 600; n++) {
      LegId leg = LegId.of(n % 6);
      Map<String, Double> angles = new HashMap<>();
      for (JointKind k : JointKind.VALUES) {
        q[k.ordinal()] =
            cfg.robot().jointMin(k)
                + r.nextDouble() * (cfg.robot().jointMax(k) - cfg.robot().jointMin(k));
        angles.put(Joints.name(Joints.index(leg, k)), q[k.ordinal()]);
      }
      new LegKinematics(cfg.robot(), leg).forward(q, 0, foot, 0);
      double[] u = urdf.position(leg.shortName() + "_foot", angles);
      for (int i = 0; i < 3; i++) {
        assertEquals(foot[i], u[i], 1e-12);
      }
    }
  }

  /** The trace's joint angles put each foot link exactly at the trace's foot columns. */
  @Test
  void gaitTraceRowsAgreeWithTheUrdf() throws Exception {
    UrdfChain urdf = new UrdfChain(UrdfWriter.write(cfg.robot()));
    StringWriter csv = new StringWriter();
    GaitTrace.run(
        cfg, cfg.gaits().indexOf("ripple"), 0.05, 0.02, 0.1, LegId.RIGHT_FRONT, 2.0, 250, csv);
    String[] lines = csv.toString().split("\n");
    assertEquals("t,leg,phase,foot_x,foot_y,foot_z,coxa,femur,tibia", lines[0]);
    assertEquals(1 + 500 * 6, lines.length);
    int swings = 0;
    for (int n = 1; n < lines.length; n++) {
      String[] c = lines[n].split(",");
      assertEquals(9, c.length);
      assertTrue(c[2].equals("stance") || c[2].equals("swing"), c[2]);
      swings += c[2].equals("swing") ? 1 : 0;
      LegId leg = LegId.parse(c[1]);
      Map<String, Double> angles = new HashMap<>();
      for (JointKind k : JointKind.VALUES) {
        angles.put(Joints.name(Joints.index(leg, k)), Double.parseDouble(c[6 + k.ordinal()]));
      }
      double[] u = urdf.position(leg.shortName() + "_foot", angles);
      for (int i = 0; i < 3; i++) {
        assertEquals(Double.parseDouble(c[3 + i]), u[i], 1e-8, lines[n]);
      }
    }
    assertTrue(swings > 500, "the trace must show swing phases");
  }
}
