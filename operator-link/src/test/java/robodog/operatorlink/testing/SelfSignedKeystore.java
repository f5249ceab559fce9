package robodog.operatorlink.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A broker key pair made by the JDK's own {@code keytool} (EC P-256, CN=localhost, SAN 127.0.0.1,
 * valid 2 days) in a PKCS12 keystore, and a client TLS context that trusts exactly its certificate
 * (the self-signed certificate is its own CA). Test thread only.
 */
public final class SelfSignedKeystore {
  /** The keystore and key password used by every test. */
  public static final String PASSWORD = "changeit1";

  /** The keystore file. */
  public final Path file;

  /** Creates {@code dir/broker.p12}. */
  public SelfSignedKeystore(Path dir) throws Exception {
    file = dir.resolve("broker.p12");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "robodog",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + out);
    }
  }

  /** A TLS context whose only trusted certificate is this broker's. */
  public SSLContext trustingContext() throws Exception {
    KeyStore server = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      server.load(in, PASSWORD.toCharArray());
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("robodog", server.getCertificate("robodog"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }
}
