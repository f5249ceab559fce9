package robodog.app;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import robodog.operatorlink.mqtt.auth.CredentialStore;

/**
 * {@code ./robodog config}: where each configuration file is taken from, then the layers in order,
 * then where the robot writes. It lists before it checks, so a broken layer is shown in the table
 * and then refused with the same one line (and exit status) every other command gives.
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Shows where each configuration file is taken from and which layers exist.",
      "Layers, lowest first: the shipped config/, /etc/robodog, $XDG_CONFIG_HOME/robodog"
          + " (default ~/.config/robodog), --config DIR. Each file comes whole from the highest"
          + " layer that has it (docs/configuration.md)."
    })
public final class ConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config = new ConfigOption();

  @Override
  public Integer call() {
    ConfigLayers layers = config.unchecked();
    if (config.dir != null) {
      // A bad --config is a typing error, refused at once; a broken installed layer is listed.
      layers.lowToHigh().stream()
          .filter(
              l -> l.role() == ConfigLayers.Role.OPTION && l.state() != ConfigLayers.State.PRESENT)
          .findFirst()
          .ifPresent(l -> new ConfigLayers(java.util.List.of(l)).check());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("files (each from the highest layer that has it):");
    for (String name : ConfigLayers.KNOWN_FILES) {
      ConfigLayers.Layer src = layers.source(name);
      out.printf(
          Locale.ROOT,
          "  %-16s %s%n",
          name,
          src == null
              ? "(in no layer) " + layers.file(name)
              : layers.file(name) + "  [" + src.role().label() + "]");
    }
    out.println("layers, lowest first:");
    for (ConfigLayers.Layer l : layers.lowToHigh()) {
      out.printf(
          Locale.ROOT,
          "  %-9s %-8s %s%n",
          l.role().label(),
          l.state().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          l.dir());
    }
    out.println("written by the robot:");
    out.println("  servo calibration  " + CalibrationFiles.of(null, layers).to());
    out.println("  MQTT users         " + CredentialStore.locateDefault().path());
    out.flush();
    layers.check(); // after the listing: refuses a broken layer as every command does
    return 0;
  }
}
