package robodog.app.link;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Option;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.BrokerLink;
import robodog.operatorlink.mqtt.EmbeddedBroker;
import robodog.operatorlink.mqtt.ExternalBrokerLink;
import robodog.operatorlink.mqtt.auth.BrokerSecurity;
import robodog.operatorlink.mqtt.auth.CredentialStore;

/**
 * Broker choice and security options of {@code ./robodog sim --realtime} (a picocli mixin), and the
 * wiring that opens the chosen {@link BrokerLink}. Secrets come from environment variables, never
 * from the command line (which every user of the machine can read in {@code ps}).
 */
public final class BrokerOptions {
  /** Environment variable with the password for {@code --broker-user}. */
  public static final String BROKER_PASSWORD_ENV = "ROBODOG_BROKER_PASSWORD";

  /** Environment variable with the password of {@code --mqtt-tls-keystore}. */
  public static final String TLS_PASSWORD_ENV = "ROBODOG_MQTT_TLS_PASSWORD";

  @Option(
      names = "--broker",
      description =
          "use this external broker (tcp://host:port or ssl://host:port) instead of the embedded"
              + " one")
  String broker;

  @Option(
      names = "--broker-user",
      description = "user name at the external broker (password in $" + BROKER_PASSWORD_ENV + ")")
  String brokerUser;

  @Option(
      names = "--mqtt-bind",
      defaultValue = "127.0.0.1",
      description =
          "embedded broker bind address (default ${DEFAULT-VALUE}); any non-loopback address"
              + " requires user names and passwords")
  String bind;

  @Option(names = "--credentials", description = CredentialsFile.DESCRIPTION)
  Path credentials;

  @Option(
      names = "--mqtt-tls-keystore",
      description =
          "PKCS12 keystore: also listen for MQTT over TLS (password in $" + TLS_PASSWORD_ENV + ")")
  Path tlsKeystore;

  @Option(
      names = "--mqtt-tls-port",
      defaultValue = "8883",
      description = "embedded broker TLS port (default ${DEFAULT-VALUE})")
  int tlsPort;

  @Option(
      names = "--wss-port",
      defaultValue = "-1",
      description =
          "with --mqtt-tls-keystore: also MQTT over secure WebSockets (wss://host:PORT/mqtt, the"
              + " same certificate) for the tablet page (0 = any free port; default none)")
  int wssPort;

  @Option(
      names = "--mqtt-keepalive",
      defaultValue = "2",
      description =
          "external broker keep-alive, s; its loss is detected within 1.5x this (default"
              + " ${DEFAULT-VALUE})")
  int keepAliveSeconds;

  /**
   * Opens the embedded broker or connects to the external one; prints the new password when a
   * credentials file is created.
   *
   * @param errors receives refusals and connection events (the caller publishes them)
   */
  public BrokerLink open(
      String robotId, OperatorLink link, int mqttPort, Consumer<String> errors, PrintWriter out)
      throws Exception {
    return open(robotId, link, mqttPort, -1, errors, out);
  }

  /**
   * As {@link #open(String, OperatorLink, int, Consumer, PrintWriter)}, with the embedded broker
   * also listening for MQTT over WebSockets on {@code webSocketPort} (0 = free, -1 = none), for the
   * tablet page.
   */
  public BrokerLink open(
      String robotId,
      OperatorLink link,
      int mqttPort,
      int webSocketPort,
      Consumer<String> errors,
      PrintWriter out)
      throws Exception {
    return open(robotId, link, link::onMessage, mqttPort, webSocketPort, errors, out);
  }

  /**
   * As above, with {@code router} receiving the embedded broker's commands (e.g. {@code
   * cmd/mission} to autonomy, the rest to {@code link}). An external broker feeds {@code link}
   * only: missions over an external broker are not wired yet.
   */
  public BrokerLink open(
      String robotId,
      OperatorLink link,
      EmbeddedBroker.CommandSink router,
      int mqttPort,
      int webSocketPort,
      Consumer<String> errors,
      PrintWriter out)
      throws Exception {
    if (broker != null) {
      String pw = System.getenv(BROKER_PASSWORD_ENV);
      if (brokerUser != null && (pw == null || pw.isEmpty())) {
        throw new IllegalArgumentException(
            "--broker-user " + brokerUser + ": set the password in $" + BROKER_PASSWORD_ENV);
      }
      return new ExternalBrokerLink(
          robotId,
          link,
          errors,
          new ExternalBrokerLink.Options(
              broker, brokerUser, pw == null ? null : pw.toCharArray(), keepAliveSeconds, null));
    }
    Path file = CredentialsFile.choose(credentials, out);
    CredentialStore store = null;
    if (!BrokerSecurity.isLoopback(bind)) {
      CredentialStore.Created c = CredentialStore.createIfMissing(file);
      store = c.store();
      if (c.newPassword() != null) {
        out.printf(
            "created %s: MQTT user '%s' (role operator), password %s  (shown once; stored"
                + " hashed)%n",
            file, c.newUser(), c.newPassword());
      }
    } else if (java.nio.file.Files.exists(file)) {
      store = CredentialStore.load(file);
    }
    BrokerSecurity.Tls tls = null;
    if (wssPort != -1 && tlsKeystore == null) {
      throw new IllegalArgumentException(
          "--wss-port needs --mqtt-tls-keystore (the certificate the secure WebSocket presents)");
    }
    if (tlsKeystore != null) {
      String pw = System.getenv(TLS_PASSWORD_ENV);
      if (pw == null || pw.isEmpty()) {
        throw new IllegalArgumentException(
            "--mqtt-tls-keystore: set the keystore password in $" + TLS_PASSWORD_ENV);
      }
      tls = new BrokerSecurity.Tls(tlsKeystore, pw.toCharArray(), tlsPort, wssPort);
    }
    EmbeddedBroker embedded =
        new EmbeddedBroker(
            robotId, router, mqttPort, new BrokerSecurity(bind, store, tls), webSocketPort);
    if (store != null) {
      // ./robodog users add|remove applies to the running robot: re-read within a second.
      embedded.reloadCredentials(file);
    }
    return embedded;
  }
}
