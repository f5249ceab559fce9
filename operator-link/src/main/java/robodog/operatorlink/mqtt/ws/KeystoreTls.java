package robodog.operatorlink.mqtt.ws;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Server TLS from the robot's PKCS12 keystore (the one {@code --mqtt-tls-keystore} names), for the
 * secure WebSocket listener and the page server over https. Start-up thread.
 */
public final class KeystoreTls {
  private KeystoreTls() {}

  /** The keystore's key managers; the message names the file when it cannot be read. */
  public static KeyManagerFactory keyManagers(Path keystore, char[] password) throws IOException {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, password);
      return kmf;
    } catch (GeneralSecurityException | IOException e) {
      throw new IOException(
          "TLS keystore " + keystore + ": cannot load it as PKCS12 (" + e.getMessage() + ")", e);
    }
  }

  /** For Netty listeners. */
  public static SslContext netty(Path keystore, char[] password) throws IOException {
    return SslContextBuilder.forServer(keyManagers(keystore, password)).build();
  }

  /** For JDK servers and clients. */
  public static SSLContext jdk(Path keystore, char[] password) throws IOException {
    try {
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(keyManagers(keystore, password).getKeyManagers(), null, null);
      return c;
    } catch (GeneralSecurityException e) {
      throw new IOException("TLS: " + e.getMessage(), e);
    }
  }
}
