package org.plenary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The explorer in a real browser: headless Chromium (Debian's chromium and chromedriver packages)
 * loads every kind of page and checks its status, its numbers, that the console has no error, that
 * every request goes to the service itself, that axe-core finds no serious or critical
 * accessibility violation, and that the page weighs under 400 KB. Screenshots go to
 * target/explorer-screenshots. Without Chromium the tests fail and say how to install it.
 */
@QuarkusTest
class BrowserTest {
  static final long MAX_PAGE_BYTES = 400 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SHOTS = Path.of("target", "explorer-screenshots");

  @TestHTTPResource("/")
  URL base;

  private static ChromeDriver driver;
  private static Path profile;

  @BeforeAll
  static void chromium() throws IOException {
    String binary = System.getenv().getOrDefault("PLENARY_CHROMIUM", "/usr/bin/chromium");
    String chromedriver =
        System.getenv().getOrDefault("PLENARY_CHROMEDRIVER", "/usr/bin/chromedriver");
    if (!Files.isExecutable(Path.of(binary)) || !Files.isExecutable(Path.of(chromedriver))) {
      fail(
          "The browser tests need Chromium and its driver ("
              + binary
              + ", "
              + chromedriver
              + "): install them once with `apt-get install -y chromium chromium-driver`"
              + " (.ci/run does), or point PLENARY_CHROMIUM and PLENARY_CHROMEDRIVER at them.");
    }
    profile = Files.createTempDirectory("plenary-chromium");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(binary);
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, o);
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void quit() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /** What loading one page did. */
  record Load(int status, List<String> requests, long bytes, List<String> consoleErrors) {}

  private Load load(String path) {
    driver.manage().logs().get(LogType.PERFORMANCE); // drain what earlier pages left
    driver.manage().logs().get(LogType.BROWSER);
    String url = origin() + path;
    driver.get(url);
    int status = -1;
    List<String> requests = new ArrayList<>();
    java.util.Set<String> browserOwn = new java.util.HashSet<>();
    long bytes = 0;
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode m;
      try {
        m = JSON.readTree(e.getMessage()).path("message");
      } catch (IOException ex) {
        throw new IllegalStateException(ex);
      }
      JsonNode p = m.path("params");
      switch (m.path("method").asText()) {
        case "Network.requestWillBeSent" -> {
          String requested = p.path("request").path("url").asText();
          // chrome:// is the browser's own start page still loading on a busy machine, not a
          // request of the page under test: neither its requests nor its bytes count
          if (requested.startsWith("chrome://")) {
            browserOwn.add(p.path("requestId").asText());
          } else {
            requests.add(requested);
          }
        }
        case "Network.responseReceived" -> {
          if (p.path("type").asText().equals("Document")
              && p.path("response").path("url").asText().equals(url)) {
            status = p.path("response").path("status").asInt();
          }
        }
        case "Network.dataReceived" -> {
          if (!browserOwn.contains(p.path("requestId").asText())) {
            bytes += p.path("dataLength").asLong();
          }
        }
        default -> {}
      }
    }
    List<String> errors = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        errors.add(e.getLevel() + " " + e.getMessage());
      }
    }
    return new Load(status, requests, bytes, errors);
  }

  private String origin() {
    String b = base.toString();
    return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/votes",
        "/votes?q=criminal",
        "/votes/a-res-74-247",
        "/votes/ahc-2024-08-08-iran-delete-art-6-2",
        "/delegations",
        "/delegations/USA",
        "/delegations/TUR?with=RUS",
        "/organizations/cybersecurity-tech-accord",
        "/people/amy-hogan-burney",
        "/positions",
        "/positions?q=surveillance&stance=opposes",
        "/treaty",
        "/sources/unvotes-7eb7034",
        "/no-such-page"
      })
  void everyPageKindRendersCleanlyAccessiblyAndLocally(String path) throws IOException {
    Load load = load(path);
    int expected = path.equals("/no-such-page") ? 404 : 200;
    assertEquals(expected, load.status(), path + ": status");
    assertTrue(
        load.consoleErrors().stream().allMatch(e -> expected == 404 && e.contains(" 404 ")),
        path + ": console errors " + load.consoleErrors());
    assertTrue(
        load.requests().contains(origin() + "/explorer/explorer.css"),
        path + ": requests were recorded " + load.requests());
    for (String r : load.requests()) {
      assertTrue(
          // chrome:// URLs are the browser's own (a first start fetches its favicons), no network
          r.startsWith(origin() + "/") || r.startsWith("data:") || r.startsWith("chrome://"),
          path + ": a request left the service: " + r);
    }
    assertTrue(
        load.bytes() < MAX_PAGE_BYTES,
        path + ": page weight " + load.bytes() + " bytes, over " + MAX_PAGE_BYTES);
    Results axe = new AxeBuilder().analyze(driver);
    assertTrue(!axe.isErrored() && !axe.getPasses().isEmpty(), path + ": axe-core ran");
    List<String> serious = new ArrayList<>();
    for (Rule r : axe.getViolations()) {
      if ("serious".equals(r.getImpact()) || "critical".equals(r.getImpact())) {
        serious.add(r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " " + r.getNodes());
      }
    }
    assertEquals(List.of(), serious, path + ": axe-core serious or critical violations");
    axe.getViolations()
        .forEach(r -> System.out.println("axe " + path + " " + r.getImpact() + " " + r.getId()));
    System.out.println(
        "page " + path + ": " + load.bytes() + " bytes, " + load.requests().size() + " requests");
    String name = path.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
    Files.write(
        SHOTS.resolve((name.isEmpty() ? "home" : name) + ".png"),
        driver.getScreenshotAs(OutputType.BYTES));
  }

  /** What a page measures in the browser at phone width. */
  private static final String PHONE_CHECK =
      """
      const doc = document.documentElement;
      const small = [];
      for (const el of document.querySelectorAll('body *')) {
        if (el.closest('svg')) continue;
        const cs = getComputedStyle(el);
        if (cs.display === 'none' || cs.visibility === 'hidden') continue;
        const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        const r = el.getBoundingClientRect();
        if (!text || r.width === 0 || r.height === 0) continue;
        if (parseFloat(cs.fontSize) < 12) {
          small.push(el.tagName + ' ' + cs.fontSize + ' ' + el.textContent.trim().slice(0, 40));
        }
      }
      for (const t of document.querySelectorAll('svg text')) {
        const svg = t.ownerSVGElement;
        const vb = svg.viewBox.baseVal;
        const scale = vb && vb.width ? svg.getBoundingClientRect().width / vb.width : 1;
        const size = parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize) * scale;
        if (size < 11.99) small.push('svg text ' + size.toFixed(1) + 'px ' + t.textContent.slice(0, 40));
      }
      const clipped = [...document.querySelectorAll('table.stack')]
        .filter(t => t.parentElement.scrollWidth > t.parentElement.clientWidth + 1)
        .map(t => t.caption ? t.caption.textContent : 'a table');
      const wrapped = [];
      for (const td of document.querySelectorAll('td.date')) {
        const range = document.createRange();
        range.selectNodeContents(td);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) wrapped.push(td.textContent);
      }
      return JSON.stringify({overflow: doc.scrollWidth - doc.clientWidth, width: doc.clientWidth,
        small: small.slice(0, 10), clipped: clipped, wrapped: wrapped.slice(0, 10)});
      """;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/votes",
        "/votes/a-res-74-247",
        "/votes/ahc-2024-08-08-iran-delete-art-6-2",
        "/delegations",
        "/delegations/USA",
        "/positions",
        "/positions/usa-2019-12-27",
        "/treaty"
      })
  void atPhoneWidthNothingScrollsSidewaysAndNoTextIsUnder12px(String path) throws IOException {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    try {
      assertEquals(200, load(path).status(), path);
      JsonNode m = JSON.readTree((String) ((JavascriptExecutor) driver).executeScript(PHONE_CHECK));
      assertEquals(390, m.path("width").asInt(), path + ": the viewport is a phone's");
      assertEquals(0, m.path("overflow").asInt(), path + ": the page scrolls sideways");
      assertEquals("[]", m.path("small").toString(), path + ": text under 12px");
      assertEquals("[]", m.path("clipped").toString(), path + ": a table is clipped");
      assertEquals("[]", m.path("wrapped").toString(), path + ": a date wraps");
      String name = path.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
      Files.write(
          SHOTS.resolve("phone-" + (name.isEmpty() ? "home" : name) + ".png"),
          driver.getScreenshotAs(OutputType.BYTES));
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @Test
  void theResolutionShowsItsNumbers() {
    assertEquals(200, load("/votes/a-res-74-247").status());
    assertEquals(Map.of("yes", "79", "no", "60", "abstain", "33", "non-voting", "21"), tallies());
    String all = driver.findElement(By.cssSelector("tr.total")).getText();
    assertEquals("All delegations 79 60 33 21 193", all);
    WebElement chart =
        driver.findElement(By.cssSelector("svg[aria-labelledby='rc-title rc-desc']"));
    assertEquals("img", chart.getAttribute("role"));
    assertEquals(
        193,
        chart.findElements(By.cssSelector("circle > title, rect > title, polygon > title")).size());
  }

  @Test
  void theIranProposalShowsItsUnknownAbstentions() {
    assertEquals(200, load("/votes/ahc-2024-08-08-iran-delete-art-6-2").status());
    Map<String, String> t = tallies();
    assertEquals("23", t.get("yes"));
    assertEquals("102", t.get("no"));
    assertEquals("unknown", t.get("abstain"));
  }

  @Test
  void theKeyboardReachesTheSkipLinkFirstAndItMovesToTheContent() {
    load("/votes/a-res-74-247");
    driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement focused = driver.switchTo().activeElement();
    assertEquals("skip", focused.getAttribute("class"));
    assertTrue(focused.getRect().getX() >= 0, "the skip link shows when focused");
    focused.sendKeys(Keys.ENTER);
    Object active = ((JavascriptExecutor) driver).executeScript("return document.activeElement.id");
    assertEquals("main", active);
  }

  @Test
  void theSearchFormWorksWithoutJavaScriptAndHighlightsMatches() {
    load("/positions");
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("surveillance");
    q.sendKeys(Keys.ENTER);
    // the form's submission navigates: wait for the results page, not the page it left
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".match mark")));
    List<WebElement> marks = driver.findElements(By.cssSelector(".match mark"));
    assertTrue(!marks.isEmpty(), "highlighted matches");
    assertTrue(marks.stream().allMatch(m -> m.getText().equalsIgnoreCase("surveillance")));
    assertTrue(driver.getCurrentUrl().contains("q=surveillance"));
  }

  private Map<String, String> tallies() {
    return Map.of(
        "yes", driver.findElement(By.id("tally-yes")).getText(),
        "no", driver.findElement(By.id("tally-no")).getText(),
        "abstain", driver.findElement(By.id("tally-abstain")).getText(),
        "non-voting", driver.findElement(By.id("tally-non-voting")).getText());
  }
}
