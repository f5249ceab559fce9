package robodog.app.link;

import java.io.PrintWriter;
import java.nio.file.Path;
import robodog.operatorlink.mqtt.auth.CredentialStore;

/**
 * The MQTT users file a command uses: {@code --credentials F} when given, else the default of
 * {@link CredentialStore#locateDefault()}. When that default is the old {@code
 * ~/.robodog/credentials.yaml}, one line says so, and where the new default is, so an operator
 * learns of the move without their passwords being moved for them. Start-up thread.
 */
final class CredentialsFile {
  /** The option's help text, shared by {@code run}/{@code sim} and {@code users}. */
  static final String DESCRIPTION =
      "MQTT users file (default $XDG_CONFIG_HOME/robodog/credentials.yaml, i.e."
          + " ~/.config/robodog/credentials.yaml; an existing ~/.robodog/credentials.yaml is still"
          + " used while the new one does not exist; see ./robodog users)";

  private CredentialsFile() {}

  /** The file to use; prints the note on {@code note} when the old location is kept. */
  static Path choose(Path option, PrintWriter note) {
    if (option != null) {
      return option;
    }
    CredentialStore.DefaultLocation d = CredentialStore.locateDefault();
    if (d.legacy()) {
      note.println(
          "MQTT users file: using "
              + d.path()
              + " (found at the old default location; the default is now "
              + d.current()
              + ", move it there when convenient)");
      note.flush();
    }
    return d.path();
  }
}
