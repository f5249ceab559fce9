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
    return start(profileDir, new String[0]);
  }

  /** As {@link #start(Path)}, with more Chromium switches. */
  static ChromeDriver start(Path profileDir, String... extraArguments) throws IOException {
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
    options.addArguments(extraArguments);
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    viewport(driver, 1280, 800); // a common landscape tablet
    return driver;
  }

  /** Resizes the window so that the page's viewport is {@code width} x {@code height} CSS px. */
  static void viewport(ChromeDriver driver, int width, int height) {
    java.util.List<?> frame =
        (java.util.List<?>)
            driver.executeScript(
                "return [window.outerWidth - window.innerWidth,"
                    + " window.outerHeight - window.innerHeight]");
    driver
        .manage()
        .window()
        .setSize(
            new org.openqa.selenium.Dimension(
                width + ((Number) frame.get(0)).intValue(),
                height + ((Number) frame.get(1)).intValue()));
  }

  /** Saves the page as {@code target/<name>} (PNG), for a person to look at after the run. */
  static void screenshot(ChromeDriver browser, String name) throws IOException {
    Path out = Path.of("target", name);
    Files.createDirectories(out.getParent());
    Files.write(out, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
  }

  /**
   * Waits (up to 20 s) for the robot running on another thread to print a line matching {@code
   * regex} on {@code out}; returns its first group as a port number.
   */
  static int printedPort(java.io.StringWriter out, java.io.StringWriter err, String regex)
      throws InterruptedException {
    java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
    for (int i = 0; i < 200; i++) {
      java.util.regex.Matcher m = p.matcher(out.toString());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the robot never printed " + regex + ":\n" + out + "\n" + err);
  }
}
