package robodog.app.link;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import robodog.operatorlink.mqtt.auth.CredentialStore;
import robodog.operatorlink.mqtt.auth.Role;

/** {@code ./robodog users add|remove|list}: the embedded broker's MQTT users file. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manages MQTT users of the embedded broker (passwords are stored hashed).",
    subcommands = {UsersCommand.Add.class, UsersCommand.Remove.class, UsersCommand.ListUsers.class})
public final class UsersCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "expected add, remove or list");
  }

  /** The {@code --credentials} option shared by the subcommands. */
  static final class FileOption {
    @Option(names = "--credentials", description = CredentialsFile.DESCRIPTION)
    Path file;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Path chosen;

    /** Chosen once per command, so the note about the old location is printed at most once. */
    Path path() {
      if (chosen == null) {
        chosen = CredentialsFile.choose(file, mixee.commandLine().getErr());
      }
      return chosen;
    }

    CredentialStore load() throws Exception {
      return Files.exists(path()) ? CredentialStore.load(path()) : CredentialStore.empty();
    }
  }

  /** Adds or replaces a user; the password is read from stdin (one line) or prompted for. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Adds a user (or sets a new password and role). Reads the password from the console"
              + " without echo, or one line from stdin when piped.")
  public static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "user name (1-64 letters, digits, '.', '_', '-')")
    String name;

    @Option(
        names = "--role",
        required = true,
        description = "operator (commands), observer (telemetry and E-stop) or robot")
    String role;

    @picocli.CommandLine.Mixin FileOption file = new FileOption();

    @Override
    public Integer call() throws Exception {
      Role r = Role.parse(role);
      char[] password;
      if (System.console() != null) {
        password = System.console().readPassword("password for %s: ", name);
      } else {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        password = line == null ? new char[0] : line.toCharArray();
      }
      CredentialStore s = file.load().with(name, r, password);
      s.save(file.path());
      spec.commandLine().getOut().printf("%s: %s (%s)%n", file.path(), name, r.label());
      return 0;
    }
  }

  /** Removes a user. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a user.")
  public static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "user name")
    String name;

    @picocli.CommandLine.Mixin FileOption file = new FileOption();

    @Override
    public Integer call() throws Exception {
      file.load().without(name).save(file.path());
      spec.commandLine().getOut().printf("%s: removed %s%n", file.path(), name);
      return 0;
    }
  }

  /** Lists users and roles (never hashes). */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists users and roles.")
  public static final class ListUsers implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin FileOption file = new FileOption();

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      for (Map.Entry<String, Role> e : file.load().roles().entrySet()) {
        out.printf("%-20s %s%n", e.getKey(), e.getValue().label());
      }
      return 0;
    }
  }
}
