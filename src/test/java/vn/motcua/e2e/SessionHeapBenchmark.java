package vn.motcua.e2e;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.MotCuaTest;

/**
 * Heap kept per signed-in Vaadin session (issue 18 point 5), measured, not a timed test:
 * {@code mvn test -Dtest=SessionHeapBenchmark -Dmotcua.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * Chromium signs in as a civil servant and opens a screen, then forgets its cookies and does it again, so that every
 * round leaves one more HTTP session with its Vaadin UI on the server (they live until their heartbeats stop, minutes
 * later). The heap in use after a full garbage collection, before and after {@code motcua.benchmark.sessions} (40) of
 * them, divided by their number, is the heap one session keeps: for the specialist's task list, the clerk's dossier
 * list and the supervisor's dashboard. Prints the numbers and writes {@code target/benchmark-session-heap.txt}.
 */
@MotCuaTest
@EnabledIfSystemProperty(named = "motcua.benchmark", matches = "true")
class SessionHeapBenchmark {
    @LocalServerPort int port;

    private final List<String> lines = new ArrayList<>();

    @Test
    void heapKeptPerSignedInSession() throws Exception {
        int sessions = Integer.getInteger("motcua.benchmark.sessions", 40);
        var session = Chromium.start();
        try {
            var browser = session.driver();
            var wait = new WebDriverWait(browser, Duration.ofSeconds(40));
            var steps = new Chromium.Steps(browser, wait, port);
            say("Heap per signed-in Vaadin session, %d sessions per screen, heap in use after a full collection", sessions);
            say("%-44s %12s %12s %14s", "screen (user)", "before MB", "after MB", "per session KB");
            measure(steps, wait, "Danh sách công việc (specialist)", "specialist", "tasks", "task-total", sessions);
            measure(steps, wait, "Danh sách hồ sơ (clerk)", "clerk", "dossiers", "dossier-grid", sessions);
            measure(steps, wait, "Giám sát (supervisor)", "supervisor", "supervision", "supervision-tabs", sessions);
        } finally {
            Chromium.quit(session);
        }
        Path report = Path.of("target", "benchmark-session-heap.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private void measure(Chromium.Steps steps, WebDriverWait wait, String label, String user, String path, String ready,
                         int sessions) throws InterruptedException {
        // one session first: classes, caches and the screen's first-time work are not a session's cost
        open(steps, wait, user, path, ready);
        long before = heapAfterCollection();
        for (int i = 0; i < sessions; i++) open(steps, wait, user, path, ready);
        long after = heapAfterCollection();
        say("%-44s %12.1f %12.1f %14.0f", label, before / 1048576.0, after / 1048576.0,
                (after - before) / 1024.0 / sessions);
    }

    private static void open(Chromium.Steps steps, WebDriverWait wait, String user, String path, String ready) {
        steps.signIn(user); // forgets the cookies first: a new HTTP session
        steps.open(path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(ready)));
    }

    private static long heapAfterCollection() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(300);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        lines.add(line);
        System.out.println(line);
    }
}
