package robodog.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver (packages {@code chromium}, {@code chromium-driver}) started
 * headless for a test. Both paths are given explicitly, so Selenium Manager is never asked to find
 * or download a browser or driver. Test thread only.
 */
final class HeadlessChromium {
  static final String BROWSER = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";

  private HeadlessChromium() {}

  /**
   * A fresh browser with its own profile in {@code profileDir}, a tablet-sized viewport (1280x800
   * CSS px).
   *
   * @throws IllegalStateException naming the Debian packages when either binary is missing
   */
  static ChromeDriver start(Path profileDir) throws IOException {
    for (String f : new String[] {BROWSER, DRIVER}) {
      if (!Files.isExecutable(Path.of(f))) {
        throw new IllegalStateException(
            f
                + " is missing: install the Debian packages chromium and chromium-driver"
                + " (scripts/debian-packages.txt; scripts/test-all.sh installs them)");
      }
    }
    System.setProperty("webdriver.chrome.driver", DRIVER);
    Files.createDirectories(profileDir);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(60))
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,800",
        "--user-data-dir=" + profileDir.toAbsolutePath());
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    // A 1280x800 viewport, a common landscape tablet: the window is that plus the browser's frame.
    Object frame =
        driver.executeScript(
            "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]");
    java.util.List<?> f = (java.util.List<?>) frame;
    driver
        .manage()
        .window()
        .setSize(
            new org.openqa.selenium.Dimension(
                1280 + ((Number) f.get(0)).intValue(), 800 + ((Number) f.get(1)).intValue()));
    return driver;
  }
}
