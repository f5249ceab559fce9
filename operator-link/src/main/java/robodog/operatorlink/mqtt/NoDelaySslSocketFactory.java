package robodog.operatorlink.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets with TCP_NODELAY on (see {@link NoDelaySocketFactory} for why), wrapping a given
 * {@link SSLSocketFactory} (the JVM default, or one trusting a test certificate).
 */
public final class NoDelaySslSocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory tls;

  public NoDelaySslSocketFactory(SSLSocketFactory tls) {
    this.tls = tls;
  }

  private static Socket tuned(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return tls.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return tls.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket() throws IOException {
    return tuned(tls.createSocket());
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose)
      throws IOException {
    return tuned(tls.createSocket(s, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return tuned(tls.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return tuned(tls.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return tuned(tls.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return tuned(tls.createSocket(address, port, localAddress, localPort));
  }
}
