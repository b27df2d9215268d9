package vn.motcua.attachment.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.motcua.attachment.AttachmentState;
import vn.motcua.attachment.TestDocuments;
import vn.motcua.attachment.internal.ExtractionLimits;
import vn.motcua.attachment.internal.IsolatedExtractor;
import vn.motcua.attachment.internal.Tesseract;

/**
 * Extraction throughput and latency per document type on a generated corpus (PDF, DOCX, XLSX, images and scans with
 * OCR), through the isolated extractor (forked JVM) next to plain in-process Tika on the same files. A report, not a
 * test: it prints numbers and asserts only that every file was read. Run it alone, on an otherwise idle machine:
 * <pre>mvn test -Dtest=ExtractionBenchmark -Dmotcua.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Corpus size: -Dmotcua.benchmark.files=N files per type (default 8; OCR types get half).
 */
@EnabledIfSystemProperty(named = "motcua.benchmark", matches = "true")
class ExtractionBenchmark {
    private static final String[] WORDS = ("Ủy ban nhân dân phường Vĩnh Thanh Vân tiếp nhận hồ sơ đăng ký khai sinh "
            + "của công dân theo quy định của Luật Hộ tịch năm 2014 giấy chứng nhận quyền sử dụng đất tờ khai "
            + "thành phần hồ sơ thời hạn giải quyết ngày làm việc kết quả bản chính bản sao chứng thực").split(" ");
    private static final int ROUNDS = 2;

    @TempDir Path dir;

    record Sample(String type, Path file, String mediaType) { }

    record Timing(String type, long nanos, long bytes, int chars) { }

    @Test
    void extractionThroughputAndLatencyPerType() throws Exception {
        int perType = Integer.getInteger("motcua.benchmark.files", 8);
        var corpus = corpus(perType);
        var limits = new ExtractionLimits(1_000_000, 100, 4, 100, 100_000_000L, true, "vie+eng", 120);
        System.out.printf(Locale.ROOT, "%nExtraction benchmark: %d files (%s), %d cores, tesseract %s, rounds %d%n",
                corpus.size(), sizes(corpus), Runtime.getRuntime().availableProcessors(),
                Tesseract.installed() ? "installed" : "MISSING (OCR types give no text)", ROUNDS);

        // Forked JVM: the first file pays for the JVM's start and Tika's class loading
        List<Timing> forked = new ArrayList<>();
        long coldNanos;
        try (var extractor = new IsolatedExtractor(limits, Duration.ofSeconds(180), DataSize.ofMegabytes(512),
                Duration.ofMinutes(5), dir.resolve("work"))) {
            long start = System.nanoTime();
            var first = extractor.extract(corpus.get(0).file(), corpus.get(0).mediaType());
            coldNanos = System.nanoTime() - start;
            check(first.state(), corpus.get(0));
            for (var s : corpus) extractor.extract(s.file(), s.mediaType());
            for (int round = 0; round < ROUNDS; round++) {
                for (var s : corpus) {
                    long t = System.nanoTime();
                    var outcome = extractor.extract(s.file(), s.mediaType());
                    forked.add(new Timing(s.type(), System.nanoTime() - t, Files.size(s.file()), outcome.text().length()));
                    check(outcome.state(), s);
                }
            }
        }

        // Plain Tika in this JVM, same OCR settings, after the same warm-up
        var tika = new AutoDetectParser();
        List<Timing> inProcess = new ArrayList<>();
        long inProcessColdNanos;
        {
            long start = System.nanoTime();
            parse(tika, corpus.get(0), limits);
            inProcessColdNanos = System.nanoTime() - start;
        }
        for (var s : corpus) parse(tika, s, limits);
        for (int round = 0; round < ROUNDS; round++) {
            for (var s : corpus) {
                long t = System.nanoTime();
                int chars = parse(tika, s, limits);
                inProcess.add(new Timing(s.type(), System.nanoTime() - t, Files.size(s.file()), chars));
            }
        }

        System.out.printf(Locale.ROOT, "First file (cold): forked %.0f ms (JVM start + class loading), in-process %.0f ms%n",
                coldNanos / 1e6, inProcessColdNanos / 1e6);
        System.out.println("| type | files | avg size | forked p50 | forked p95 | forked files/s | in-process p50 | in-process p95 | in-process files/s | forked/in-process |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        var types = new LinkedHashMap<String, Boolean>();
        corpus.forEach(s -> types.put(s.type(), true));
        for (String type : types.keySet()) {
            var f = of(forked, type);
            var p = of(inProcess, type);
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %.0f ms | %.0f ms | %.2f | %.0f ms | %.0f ms | %.2f | %.2f× |%n", type,
                    f.size() / ROUNDS, human(f.stream().mapToLong(Timing::bytes).sum() / f.size()),
                    percentile(f, 50), percentile(f, 95), throughput(f), percentile(p, 50), percentile(p, 95), throughput(p),
                    total(f) / (double) total(p));
        }
        System.out.printf(Locale.ROOT, "| all | %d | | | | %.2f (%.2f MB/s) | | | %.2f (%.2f MB/s) | %.2f× |%n%n",
                corpus.size(), throughput(forked), megabytesPerSecond(forked), throughput(inProcess),
                megabytesPerSecond(inProcess), total(forked) / (double) total(inProcess));
    }

    private static void check(AttachmentState state, Sample s) {
        boolean ocr = s.type().contains("OCR");
        if (state != AttachmentState.EXTRACTED && !(ocr && !Tesseract.installed())) {
            throw new AssertionError(s.type() + " " + s.file().getFileName() + " ended " + state);
        }
    }

    private static int parse(AutoDetectParser tika, Sample s, ExtractionLimits limits) throws Exception {
        var context = new ParseContext();
        var ocr = new TesseractOCRConfig();
        ocr.setLanguage(limits.ocrLanguage());
        ocr.setTimeoutSeconds(limits.ocrTimeoutSeconds());
        context.set(TesseractOCRConfig.class, ocr);
        var pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.AUTO);
        context.set(PDFParserConfig.class, pdf);
        var handler = new BodyContentHandler(limits.maxChars());
        try (InputStream in = TikaInputStream.get(s.file())) {
            tika.parse(in, handler, new Metadata(), context);
        }
        return handler.toString().length();
    }

    private List<Sample> corpus(int perType) throws IOException {
        var random = new Random(42);
        var samples = new ArrayList<Sample>();
        for (int i = 0; i < perType; i++) {
            samples.add(write("PDF (text)", "van-ban-" + i + ".pdf", TestDocuments.pdf(lines(random, 40 * (3 + random.nextInt(8)))), "application/pdf"));
        }
        for (int i = 0; i < perType; i++) {
            samples.add(write("DOCX", "don-" + i + ".docx", TestDocuments.docx(lines(random, 30 + random.nextInt(120))),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        }
        for (int i = 0; i < perType; i++) {
            var rows = new ArrayList<String>();
            for (int r = 0; r < 200 + random.nextInt(800); r++) rows.add(String.join(";", lines(random, 5)));
            samples.add(write("XLSX", "bang-" + i + ".xlsx", TestDocuments.xlsx(rows),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        }
        for (int i = 0; i < Math.max(1, perType / 2); i++) {
            samples.add(write("PNG (OCR)", "anh-" + i + ".png", TestDocuments.png(shortLines(random, 6)), "image/png"));
        }
        for (int i = 0; i < Math.max(1, perType / 2); i++) {
            samples.add(write("PDF scan (OCR)", "ban-quet-" + i + ".pdf", TestDocuments.scannedPdf(shortLines(random, 8)), "application/pdf"));
        }
        return samples;
    }

    private Sample write(String type, String name, byte[] content, String mediaType) throws IOException {
        return new Sample(type, Files.write(dir.resolve(name), content), mediaType);
    }

    private static List<String> lines(Random random, int count) {
        var lines = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var line = new StringBuilder();
            for (int w = 0; w < 8 + random.nextInt(6); w++) line.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            lines.add(line.toString());
        }
        return lines;
    }

    private static List<String> shortLines(Random random, int count) {
        var lines = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var line = new StringBuilder();
            for (int w = 0; w < 5; w++) line.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            lines.add(line.toString());
        }
        return lines;
    }

    private static List<Timing> of(List<Timing> timings, String type) {
        return timings.stream().filter(t -> t.type().equals(type)).toList();
    }

    private static double percentile(List<Timing> timings, int p) {
        var sorted = timings.stream().mapToLong(Timing::nanos).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static long total(List<Timing> timings) {
        return timings.stream().mapToLong(Timing::nanos).sum();
    }

    private static double throughput(List<Timing> timings) {
        return timings.size() / (total(timings) / 1e9);
    }

    private static double megabytesPerSecond(List<Timing> timings) {
        return timings.stream().mapToLong(Timing::bytes).sum() / 1e6 / (total(timings) / 1e9);
    }

    private static String sizes(List<Sample> corpus) throws IOException {
        long total = 0;
        for (var s : corpus) total += Files.size(s.file());
        return human(total);
    }

    private static String human(long bytes) {
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.0f kB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
