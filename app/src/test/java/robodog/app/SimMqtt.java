package robodog.app;

import java.io.IOException;
import java.net.ServerSocket;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import robodog.operatorlink.mqtt.NoDelaySocketFactory;

/**
 * For tests that start {@code sim --realtime} on a thread and talk to its embedded broker: a free
 * loopback port to give it, and a Paho client (TCP_NODELAY, anonymous on loopback) that keeps
 * trying while the broker is still starting.
 */
final class SimMqtt {
  private SimMqtt() {}

  /** A TCP port free on this machine a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Connects {@code clientId} to {@code tcp://127.0.0.1:port}, retrying every 50 ms for up to
   * {@code attempts} tries; the last failure is thrown.
   */
  static MqttClient connect(int port, String clientId, int attempts)
      throws MqttException, InterruptedException {
    MqttClient c = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setSocketFactory(new NoDelaySocketFactory());
    for (int attempt = 0; ; attempt++) {
      try {
        c.connect(o);
        return c;
      } catch (MqttException e) {
        if (attempt >= attempts) {
          c.close();
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }
}
