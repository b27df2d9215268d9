package vn.motcua.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.tika.exception.TikaException;
import org.apache.tika.fork.ForkParser;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.springframework.util.unit.DataSize;
import org.xml.sax.SAXException;
import vn.motcua.attachment.AttachmentState;
import vn.motcua.security.PrivateDataDirectory;

/**
 * Text extraction isolated from the application: Tika's {@link ForkParser} runs a {@link GuardedParser} in a forked
 * JVM with its own heap cap ({@code -Xmx}, and {@code -XX:+ExitOnOutOfMemoryError} so that running out ends it at
 * once), its own temporary folder, and logging off. Three clocks bound every file: Tika's own watchdog in the forked
 * JVM ends it when a parse exceeds the timeout; tesseract is given at most the OCR timeout per image; and a watchdog
 * here kills the forked JVM (and its children, tesseract) should it still run shortly after. A forked JVM that dies
 * is replaced for the next file; the application only sees an outcome FAILED ("timeout" or "crashed").
 * <p>
 * One file at a time per instance (one forked JVM); use one instance per worker thread.
 */
public final class IsolatedExtractor implements AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final ScheduledExecutorService WATCHDOG = vn.motcua.shared.BackgroundRounds.scheduler("attachment-extraction-watchdog");
    /** Time allowed beyond the parse timeout: the forked JVM's start and its own watchdog's pulse. */
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final String LOGGING = """
            <configuration>
              <!-- The forked extraction JVM logs nothing: documents' text and names stay out of the logs -->
              <root level="OFF"/>
            </configuration>
            """;

    private final ForkParser fork;
    private final String marker;
    private final Duration timeout;
    private final int maxChars;
    private final Path temporary;

    /**
     * @param limits      what the parser in the forked JVM allows
     * @param timeout     the longest one file may take
     * @param heap        the forked JVM's heap
     * @param idleTimeout how long an idle forked JVM waits for the next file before it ends
     * @param workDir     a folder of the application's own for the forked JVM's temporary files
     */
    public IsolatedExtractor(ExtractionLimits limits, Duration timeout, DataSize heap, Duration idleTimeout, Path workDir) {
        this.timeout = timeout;
        this.maxChars = limits.maxChars();
        String id = ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
        this.marker = "-Dmotcua.extraction=" + id;
        this.temporary = workDir.resolve("tmp-" + id);
        Path logging = workDir.resolve("logback-extraction.xml");
        try {
            PrivateDataDirectory.createPrivately(temporary);
            clean(temporary);
            removeLeftovers(workDir);
            if (!Files.exists(logging)) Files.writeString(logging, LOGGING, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fork = new ForkParser(GuardedParser.class.getClassLoader(), new GuardedParser(limits));
        fork.setJavaCommand(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + Math.max(64, heap.toMegabytes()) + "m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + temporary.toAbsolutePath(),
                "-Dlogback.configurationFile=" + logging.toAbsolutePath(),
                marker));
        fork.setPoolSize(1);
        fork.setServerPulseMillis(1000);
        fork.setServerParseTimeoutMillis(timeout.toMillis());
        fork.setServerWaitTimeoutMillis(Math.max(1000, idleTimeout.toMillis()));
        // A fresh JVM now and then keeps any slow leak of a parser bounded
        fork.setMaxFilesProcessedPerServer(500);
    }

    /** Extracts one file in the forked JVM without checking trust in PDF signers. */
    public ExtractionOutcome extract(Path file, String mediaType) {
        return extract(file, mediaType, TrustAnchors.none());
    }

    /**
     * Extracts one file in the forked JVM; always answers an outcome, whatever the file does. PDF signers'
     * certificates are checked against {@code trust} there.
     */
    public synchronized ExtractionOutcome extract(Path file, String mediaType, TrustAnchors trust) {
        var reader = new OutcomeProtocol.Reader(maxChars);
        var context = new ParseContext();
        context.set(ExtractionRequest.class, new ExtractionRequest(file.toAbsolutePath().toString(), mediaType, trust));
        var killed = new AtomicBoolean();
        long started = System.nanoTime();
        var guard = WATCHDOG.schedule(() -> {
            killed.set(true);
            killForked();
        }, timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        try (InputStream in = Files.newInputStream(file)) {
            fork.parse(in, reader, new Metadata(), context);
        } catch (TikaException | IOException | SAXException | RuntimeException e) {
            boolean timedOut = killed.get() || Duration.ofNanos(System.nanoTime() - started).compareTo(timeout) >= 0;
            killForked();
            cleanQuietly();
            return ExtractionOutcome.refused(AttachmentState.FAILED, timedOut ? "timeout" : "crashed", e.getClass().getSimpleName());
        } finally {
            guard.cancel(false);
        }
        var outcome = reader.outcome();
        return outcome != null ? outcome : ExtractionOutcome.refused(AttachmentState.FAILED, "crashed", "ended without an answer");
    }

    /** The forked JVMs of this instance now running (zero or one), for tests and monitoring. */
    public long forkedProcesses() {
        return forked().count();
    }

    private java.util.stream.Stream<ProcessHandle> forked() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(marker)).orElse(false));
    }

    private void killForked() {
        forked().forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    private void cleanQuietly() {
        try {
            clean(temporary);
        } catch (IOException ignored) {
            // leftovers of a killed JVM are removed on the next start
        }
    }

    /** Temporary folders of forked JVMs whose application is no longer running (a crash, a kill). */
    private static void removeLeftovers(Path workDir) throws IOException {
        try (var folders = Files.list(workDir)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                String name = folder.getFileName().toString();
                if (!name.matches("tmp-\\d+-\\d+")) continue;
                long pid = Long.parseLong(name.split("-")[1]);
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
                    clean(folder);
                    Files.deleteIfExists(folder);
                }
            }
        }
    }

    private static void clean(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return;
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder)) Files.deleteIfExists(p);
            }
        }
    }

    /** Ends the forked JVM, idle or busy. */
    @Override
    public void close() {
        fork.close();
        killForked();
        cleanQuietly();
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // not empty: removed on the next start
        }
    }
}
