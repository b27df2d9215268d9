package vn.motcua.e2e;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * list and the supervisor's dashboard. Prints the numbers and writes {@code target/benchmark-session-heap.txt};
 * {@code -Dmotcua.benchmark.histogram=true} adds the 30 classes whose instances grew most, per session.
 *
 * <p>The tests run Vaadin in development mode, whose component tracker keeps the source location where every
 * component was created and attached (for the development tools' "go to source": 60 % of a session's heap in this
 * benchmark's first runs), and whose development tools watch the project's source files for each session (a quarter
 * of what was left). Production mode has neither; the benchmark turns both off so that it measures what a production
 * node keeps.
 */
@MotCuaTest
@EnabledIfSystemProperty(named = "motcua.benchmark", matches = "true")
class SessionHeapBenchmark {
    static {
        // read by Vaadin from the system properties ("vaadin." and the parameter's name) when the first component is made
        System.setProperty("vaadin.devmode.componentTracker.enabled", "false");
        System.setProperty("vaadin.devmode.devTools.enabled", "false");
    }

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
        assertTrackingOff();
        long before = heapAfterCollection();
        Map<String, long[]> classesBefore = HISTOGRAM ? histogram() : Map.of();
        for (int i = 0; i < sessions; i++) open(steps, wait, user, path, ready);
        long after = heapAfterCollection();
        say("%-44s %12.1f %12.1f %14.0f", label, before / 1048576.0, after / 1048576.0,
                (after - before) / 1024.0 / sessions);
        if (HISTOGRAM) {
            Map<String, long[]> classesAfter = histogram();
            classesAfter.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), new long[] {
                            e.getValue()[0] - classesBefore.getOrDefault(e.getKey(), new long[2])[0],
                            e.getValue()[1] - classesBefore.getOrDefault(e.getKey(), new long[2])[1]}))
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                    .limit(30)
                    .forEach(e -> say("    %10.1f KB %8.1f objects per session  %s", e.getValue()[1] / 1024.0 / sessions,
                            e.getValue()[0] / (double) sessions, e.getKey()));
        }
    }

    /**
     * The tracker decides once per JVM, when the first component is made in a request: a Vaadin test run before this
     * one in the same JVM would have left it on, and the numbers would be development mode's. Run the benchmark alone.
     */
    private static void assertTrackingOff() {
        try {
            var decided = com.vaadin.flow.component.internal.ComponentTracker.class.getDeclaredField("disabled");
            decided.setAccessible(true);
            org.assertj.core.api.Assertions.assertThat(decided.get(null))
                    .as("Vaadin's component tracker is off (run this benchmark alone: -Dtest=SessionHeapBenchmark)")
                    .isEqualTo(Boolean.TRUE);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Vaadin's component tracker changed: check how it is turned off", e);
        }
    }

    /** {@code -Dmotcua.benchmark.histogram=true}: which classes a session's heap is made of (the JVM's histogram). */
    private static final boolean HISTOGRAM = Boolean.getBoolean("motcua.benchmark.histogram");

    /** Instances and bytes per class of the live heap ({@code GC.class_histogram}, which collects first). */
    private static Map<String, long[]> histogram() {
        try {
            var server = ManagementFactory.getPlatformMBeanServer();
            String text = (String) server.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[] {null}, new String[] {String[].class.getName()});
            Map<String, long[]> classes = new java.util.HashMap<>();
            var row = java.util.regex.Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
            for (String line : text.split("\\n")) {
                var m = row.matcher(line);
                if (m.find()) classes.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
            }
            return classes;
        } catch (javax.management.JMException e) {
            throw new IllegalStateException(e);
        }
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
