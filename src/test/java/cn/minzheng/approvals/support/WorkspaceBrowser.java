package cn.minzheng.approvals.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, named explicitly so
 * that Selenium Manager never looks for a download) on the workspace pages of the running test server.
 * One fresh browser profile per test; a screenshot and the page's HTML in {@code target/screenshots}
 * when a test fails. Register with {@code @RegisterExtension}, then {@link #open(int)} with the port.
 */
public class WorkspaceBrowser implements AfterTestExecutionCallback, AfterEachCallback {

  public static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  public static final String PASSWORD = "demo123";

  private ChromeDriver driver;
  private ChromeDriverService service;
  private Path profile;
  private String baseUrl;
  private WebDriverWait wait;

  public WorkspaceBrowser open(int port) {
    try {
      profile = Files.createTempDirectory("mz-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-default-apps", "--disable-extensions", "--lang=zh-CN", "--window-size=1400,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    baseUrl = "http://localhost:" + port;
    return this;
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /** Opens a page of the workspace and waits until its script has rendered it. */
  /** The full address of a path of the app under test. */
  public String url(String path) {
    return baseUrl + path;
  }

  public void go(String path) {
    driver.get(baseUrl + path);
    waitReady();
  }

  public void waitReady() {
    wait.until(d -> "true".equals(((JavascriptExecutor) d).executeScript(
        "return document.body && document.body.dataset.ready || null")));
  }

  /** Logs in through the login page and waits for the inbox. */
  public void login(String user) {
    driver.get(baseUrl + "/login");
    waitReady();
    typeInto(By.id("username"), user);
    typeInto(By.id("password"), PASSWORD);
    driver.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
    waitReady();
  }

  public void logout() {
    click(By.id("logout"));
    wait.until(ExpectedConditions.urlContains("/login"));
    waitReady();
  }

  public WebElement find(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  public void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  public void typeInto(By by, String text) {
    WebElement field = find(by);
    field.clear();
    field.sendKeys(text);
  }

  public String text(By by) {
    return find(by).getText();
  }

  public void waitForText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  public Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  public String currentPath() {
    return driver.getCurrentUrl().substring(baseUrl.length());
  }

  /** A screenshot of the page as it is now, as target/screenshots/{name}.png. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Script errors and refused content (CSP) the page reported in its console. Failed requests are left
   * out: the tests provoke 4xx answers on purpose, and the pages show them.
   */
  public List<String> scriptErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(message -> !message.contains("Failed to load resource"))
        .toList();
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (driver == null) {
      return;
    }
    if (context.getExecutionException().isEmpty()) {
      List<String> errors = scriptErrors();
      if (!errors.isEmpty()) {
        screenshotOnFailure(context);
        throw new AssertionError("the pages reported script errors: " + errors);
      }
      return;
    }
    screenshotOnFailure(context);
  }

  private void screenshotOnFailure(ExtensionContext context) {
    String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
    try {
      screenshot(name);
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (RuntimeException | IOException e) {
      context.publishReportEntry("screenshot", "failed: " + e.getMessage());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      driver = null;
      if (service != null) {
        service.stop();
        service = null;
      }
      deleteProfile();
    }
  }

  private void deleteProfile() {
    if (profile == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(profile)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
    profile = null;
  }
}
