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
 * trend chart, computed in the background, arrives by itself (the page polls for it) and is drawn by ECharts. The
 * charts write numbers as Vietnamese do (89,74 %; 1.892), through the formatters motcua-chart.js builds from the
 * option's motcuaNumbers, and a tab named in the address opens with its charts drawn.
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
        // numbers the Vietnamese way in what the chart draws (value axis, tooltips), not the JSON's 89.74
        wait.until(d -> !script(instance("indicator-chart") + "return i ? 'drawn' : ''").isEmpty());
        assertThat(script(instance("indicator-chart") + "var o = i.getOption();"
                + "return [o.yAxis[0].axisLabel.formatter(89.74), o.tooltip[0].valueFormatter(1892.5),"
                + " o.tooltip[0].valueFormatter(null), String('motcuaNumbers' in o)].join('|')"))
                .isEqualTo("89,74 %|1.892,5 %|N/A|false");

        // the trend: a line chart, drawn, and no "being computed" note left
        wait.until(d -> script("return document.getElementById('trend-chart').option || ''").contains("\"line\""));
        wait.until(d -> !script("var c = document.getElementById('trend-chart');"
                + "var i = window.echarts && echarts.getInstanceByDom(c); return i ? 'drawn' : ''").isEmpty());
        assertThat(browser.findElement(By.id("trend-status")).getText()).isEmpty();
        assertThat(script("return document.getElementById('trend-chart').option")).containsPattern("T\\d{2}/\\d{4}");

        // the rankings tab from the address: the communes' bars carry their rates as Vietnamese write them
        browser.get("http://localhost:" + port + "/supervision?tab=rankings");
        wait.until(d -> !script(instance("commune-chart") + "return i ? 'drawn' : ''").isEmpty());
        assertThat(script(instance("commune-chart") + "var o = i.getOption();"
                + "return [o.series[0].label.formatter({value: 89.74}), o.xAxis[0].axisLabel.formatter(1892)].join('|')"))
                .isEqualTo("89,74 %|1.892 %");
        // the last screen (kept in target/e2e) shows the communes' bars and their labels
        script("document.getElementById('commune-chart').scrollIntoView({block: 'center'}); return ''");
    }

    /** Script text that sets i to the ECharts instance drawn in the element of this id (undefined when none). */
    private static String instance(String id) {
        return "var c = document.getElementById('" + id + "'); var i = c && window.echarts && echarts.getInstanceByDom(c);";
    }

    private String script(String js) {
        Object value = ((JavascriptExecutor) browser).executeScript(js);
        return value == null ? "" : value.toString();
    }
}
