package robodog.locomotion.urdf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An independent URDF forward-kinematics evaluator for tests: reads joints from the XML and chains
 * 4x4 transforms (origin xyz/rpy, then a rotation about the joint axis by Rodrigues' formula)
 * exactly as the URDF specification says, knowing nothing of the controller's formulas.
 */
final class UrdfChain {
  private record Joint(
      String parent, String child, double[] xyz, double[] rpy, double[] axis, String type) {}

  private final Map<String, Joint> byChild = new HashMap<>();
  private final Map<String, Joint> byName = new HashMap<>();
  final Document doc;

  UrdfChain(String urdf) throws Exception {
    doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(urdf.getBytes(StandardCharsets.UTF_8)));
    NodeList joints = doc.getElementsByTagName("joint");
    for (int i = 0; i < joints.getLength(); i++) {
      Element j = (Element) joints.item(i);
      Element origin = (Element) j.getElementsByTagName("origin").item(0);
      Element axis = (Element) j.getElementsByTagName("axis").item(0);
      Joint joint =
          new Joint(
              ((Element) j.getElementsByTagName("parent").item(0)).getAttribute("link"),
              ((Element) j.getElementsByTagName("child").item(0)).getAttribute("link"),
              vec(origin == null ? "" : origin.getAttribute("xyz")),
              vec(origin == null ? "" : origin.getAttribute("rpy")),
              axis == null ? new double[] {1, 0, 0} : vec(axis.getAttribute("xyz")),
              j.getAttribute("type"));
      byChild.put(joint.child(), joint);
      byName.put(j.getAttribute("name"), joint);
    }
  }

  private static double[] vec(String s) {
    if (s == null || s.isBlank()) {
      return new double[3];
    }
    String[] p = s.trim().split("\\s+");
    return new double[] {
      Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2])
    };
  }

  /** Position of {@code link}'s origin in base_link for the given joint angles by joint name. */
  double[] position(String link, Map<String, Double> angles) {
    double[][] t = identity();
    String current = link;
    while (byChild.containsKey(current)) {
      Joint j = byChild.get(current);
      String name = null;
      for (Map.Entry<String, Joint> e : byName.entrySet()) {
        if (e.getValue() == j) {
          name = e.getKey();
        }
      }
      double q = "fixed".equals(j.type()) ? 0 : angles.getOrDefault(name, 0.0);
      t = mul(mul(originTransform(j), axisRotation(j.axis(), q)), t);
      current = j.parent();
    }
    if (!"base_link".equals(current)) {
      throw new IllegalStateException(link + " is not connected to base_link");
    }
    return new double[] {t[0][3], t[1][3], t[2][3]};
  }

  private static double[][] originTransform(Joint j) {
    double r = j.rpy()[0];
    double p = j.rpy()[1];
    double y = j.rpy()[2];
    double[][] rx = {
      {1, 0, 0, 0},
      {0, Math.cos(r), -Math.sin(r), 0},
      {0, Math.sin(r), Math.cos(r), 0},
      {0, 0, 0, 1}
    };
    double[][] ry = {
      {Math.cos(p), 0, Math.sin(p), 0},
      {0, 1, 0, 0},
      {-Math.sin(p), 0, Math.cos(p), 0},
      {0, 0, 0, 1}
    };
    double[][] rz = {
      {Math.cos(y), -Math.sin(y), 0, 0},
      {Math.sin(y), Math.cos(y), 0, 0},
      {0, 0, 1, 0},
      {0, 0, 0, 1}
    };
    double[][] t = mul(rz, mul(ry, rx));
    t[0][3] = j.xyz()[0];
    t[1][3] = j.xyz()[1];
    t[2][3] = j.xyz()[2];
    return t;
  }

  private static double[][] axisRotation(double[] a, double q) {
    double n = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    double x = a[0] / n;
    double y = a[1] / n;
    double z = a[2] / n;
    double c = Math.cos(q);
    double s = Math.sin(q);
    double v = 1 - c;
    return new double[][] {
      {c + x * x * v, x * y * v - z * s, x * z * v + y * s, 0},
      {y * x * v + z * s, c + y * y * v, y * z * v - x * s, 0},
      {z * x * v - y * s, z * y * v + x * s, c + z * z * v, 0},
      {0, 0, 0, 1}
    };
  }

  private static double[][] identity() {
    return new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
  }

  private static double[][] mul(double[][] a, double[][] b) {
    double[][] c = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        for (int k = 0; k < 4; k++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }
}
