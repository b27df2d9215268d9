package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.MotCuaTest;
import vn.motcua.demo.HistoryGenerator;
import vn.motcua.security.SystemAccess;

/**
 * The supervisor's dashboard in headless Chromium, in Vietnamese: the indicators and their chart are drawn, and the
 * trend chart, computed in the background, arrives by itself (the page polls for it) and is drawn by ECharts.
 */
@MotCuaTest
class SupervisionBrowserTest {
    @LocalServerPort int port;
    @Autowired HistoryGenerator generator;
    Chromium.Session session;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        // some history of the ward of the demo supervisor's province, so that every chart has data
        SystemAccess.run(() -> generator.generate(new HistoryGenerator.Options(150, 0, 3, java.util.List.of("000.01.15.H33"), 2811L)));
        session = Chromium.start();
        browser = session.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
    }

    @AfterEach
    void stop(org.junit.jupiter.api.TestInfo info) throws Exception {
        if (session != null) Chromium.quit(session, info.getTestMethod().get().getName());
    }

    @Test
    void theDashboardShowsTheIndicatorsAndTheTrendArrivesByItself() {
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']"))).sendKeys("supervisor");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys("demo" + Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
        browser.get("http://localhost:" + port + "/supervision");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("indicator-grid")));
        wait.until(d -> script("return document.getElementById('indicator-chart').option || ''").contains("2.1"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Giám sát");

        // the trend: a line chart, drawn, and no "being computed" note left
        wait.until(d -> script("return document.getElementById('trend-chart').option || ''").contains("\"line\""));
        wait.until(d -> !script("var c = document.getElementById('trend-chart');"
                + "var i = window.echarts && echarts.getInstanceByDom(c); return i ? 'drawn' : ''").isEmpty());
        assertThat(browser.findElement(By.id("trend-status")).getText()).isEmpty();
        assertThat(script("return document.getElementById('trend-chart').option")).containsPattern("T\\d{2}/\\d{4}");
        // the last screen (kept in target/e2e) shows the trend
        script("document.getElementById('trend-chart').scrollIntoView({block: 'center'}); return ''");
    }

    private String script(String js) {
        Object value = ((JavascriptExecutor) browser).executeScript(js);
        return value == null ? "" : value.toString();
    }
}
