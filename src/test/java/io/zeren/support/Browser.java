package io.zeren.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for *BrowserIT tests: Debian's chromium driven by Debian's chromium-driver (both installed by
 * .ci/run), headless, in Simplified Chinese. Screenshots go to target/browser-screenshots (kept by CI as artifacts).
 */
public final class Browser implements AutoCloseable {

	public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	private static final Path CHROMIUM = Path.of(System.getProperty("browser.binary", "/usr/bin/chromium"));

	private static final Path DRIVER = Path.of(System.getProperty("browser.driver", "/usr/bin/chromedriver"));

	private final ChromeDriver driver;

	private final String base;

	private Browser(ChromeDriver driver, String base) {
		this.driver = driver;
		this.base = base;
	}

	/** A fresh browser (no cookies) for the application at {@code base}, e.g. http://localhost:8123. */
	public static Browser open(String base) {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
			throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
					+ CHROMIUM + ", " + DRIVER + "): apt-get install -y chromium chromium-driver fonts-noto-cjk (.ci/run does)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1440,1000", "--lang=zh-CN",
				// Bootstrap scrolls smoothly unless the user prefers reduced motion: a click right after a scroll (or
				// WebDriver's own scroll into view) would land where the element was, on another element.
				"--force-prefers-reduced-motion");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return new Browser(driver, base);
	}

	public WebDriver driver() {
		return driver;
	}

	public Browser go(String path) {
		driver.get(base + path);
		return this;
	}

	/** Waits (up to 30 s) until an element is visible. */
	public WebElement visible(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/** Waits until the page's text contains {@code text}. */
	public Browser waitForText(String text) {
		// The page may still be leaving (a form just sent): the body found first can go stale before it is read.
		new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
		return this;
	}

	public String text() {
		return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.tagName("body")).getText());
	}

	public String path() {
		String url = driver.getCurrentUrl();
		return url.startsWith(base) ? url.substring(base.length()) : url;
	}

	/** Zeren's login page, filled in and sent. */
	public Browser login(String username) {
		return login(username, ApiClient.password(username));
	}

	public Browser login(String username, String password) {
		visible(By.id("username")).clear();
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		WebElement form = driver.findElement(By.id("login-submit"));
		form.click();
		// The login is done when its page has gone (or answered with a refusal): a test that went on at once could
		// navigate before the session exists and land on the login page again.
		new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(d -> !d.getCurrentUrl().contains("/login") || !d.findElements(By.id("login-error")).isEmpty());
		return this;
	}

	/** Saves what the browser shows as target/browser-screenshots/{name}.png. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

}
