package fr.rentree.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by Selenium, with the flags this closed network needs. */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path screenshots = Path.of(System.getProperty("rentree.screenshots", "target/screenshots"));

    public Browser() {
        this("1280,900");
    }

    /** A common laptop's screen (1366 × 768), the smallest a director's screens are made for. */
    public static Browser laptop() {
        return new Browser("1366,768");
    }

    /** A screen of this size in CSS pixels (1440 × 900, a common laptop's too). */
    public static Browser sized(int width, int height) {
        return new Browser(width + "," + height);
    }

    /** A phone's screen (390 × 844 CSS pixels), as a family opens the page of a QR code. */
    public static Browser phone() {
        return new Browser("390,844");
    }

    private Browser(String windowSize) {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("rentree.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=" + windowSize, "--lang=fr-FR",
                    "--user-data-dir=" + Files.createTempDirectory("rentree-chromium"));
            LoggingPreferences logs = new LoggingPreferences(); // the console, for the Content Security Policy's refusals
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(System.getProperty("rentree.chromedriver", "/usr/bin/chromedriver"))
                            .toFile())
                    .build();
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For the gestures this class does not wrap (a double click, say). */
    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /**
     * Waits (up to 20 s) for an element to be visible, and returns it scrolled into view. A screen that re-renders
     * meanwhile (a grid refreshing itself) replaces the element: it is then looked for again.
     */
    public WebElement await(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement element = ExpectedConditions.visibilityOfElementLocated(locator).apply(d);
                    if (element != null) {
                        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element); // clickable
                    }
                    return element;
                });
    }

    /** Replaces what the field found by {@code cssSelector} holds with {@code text}, typed key by key. */
    public void type(String cssSelector, String text) {
        WebElement field = await(By.cssSelector(cssSelector));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Scrolls back to an element above the part of the page in view (Selenium counts what is scrolled out above as
     * hidden), for a screenshot of it.
     */
    public void scrollTo(String cssSelector) {
        driver.executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'start'})", cssSelector);
        await(By.cssSelector(cssSelector));
    }

    /**
     * Waits for a visible element holding this text (Vaadin renders components in the light DOM). Non-breaking
     * spaces count as spaces, on the page and in {@code text}: French typography is tested on the bundles.
     */
    public WebElement awaitText(String tag, String text) {
        return await(holding(tag, text));
    }

    public void awaitGone(String tag, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.invisibilityOfElementLocated(
                holding(tag, text)));
    }

    private static By holding(String tag, String text) {
        return By.xpath("//" + tag + "[contains(normalize-space(translate(., '\u00a0\u202f', '  ')), \""
                + Typography.plain(text) + "\")]");
    }

    /**
     * The visible text of an element and of every shadow root under it: Vaadin's own parts (login form title,
     * error message) live in shadow DOM, out of XPath's reach.
     */
    public String deepText(String cssSelector) {
        Object text = driver.executeScript("""
                const collect = node => {
                  let text = '';
                  if (node.shadowRoot) text += collect(node.shadowRoot);
                  for (const child of node.childNodes) {
                    text += child.nodeType === Node.TEXT_NODE ? child.textContent + ' ' : collect(child);
                  }
                  return text;
                };
                const element = document.querySelector(arguments[0]);
                return element ? collect(element).replace(/[\\s\u00a0\u202f]+/g, ' ') : '';""", cssSelector);
        return String.valueOf(text);
    }

    /** Waits until the deep text of an element holds {@code expected}. */
    public void awaitDeepText(String cssSelector, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> deepText(cssSelector).contains(Typography.plain(expected)));
    }

    /** Fills in and sends the login form. */
    public void signIn(String username, String password) {
        await(By.cssSelector("vaadin-text-field[name='username'] input")).sendKeys(username);
        await(By.cssSelector("vaadin-password-field[name='password'] input")).sendKeys(password, Keys.ENTER);
    }

    /** Hands files to a vaadin-upload, as choosing them in the file dialog would. */
    public void upload(String uploadSelector, Path... files) {
        WebElement input = await(By.cssSelector(uploadSelector)).getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(String.join("\n", java.util.Arrays.stream(files).map(Path::toString).toList()));
    }

    /** Downloads what a link of the page points to, with the browser's session, as clicking it would. */
    public byte[] download(WebElement link) {
        return downloadFile(link).content();
    }

    /** What a link downloads: the content and the file name the server gives it. */
    public Download downloadFile(WebElement link) {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(link.getDomProperty("href")))
                    .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Download answered " + response.statusCode());
            }
            String disposition = response.headers().firstValue("Content-Disposition").orElse("");
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"").matcher(disposition);
            return new Download(name.find() ? name.group(1) : "", response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Download(String fileName, byte[] content) {
    }

    /**
     * What the browser's console said about the Content Security Policy since the last call: every script, style,
     * image or connection it refused. A page that works under the policy says nothing.
     */
    public List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** Saves a PNG under target/screenshots, to be looked at. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
