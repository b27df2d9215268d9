package vn.motcua.postgres;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.TestUsers;
import vn.motcua.attachment.AttachmentService;
import vn.motcua.attachment.TestDocuments;
import vn.motcua.dossier.DossierService;
import vn.motcua.tasklist.TaskListService;

/**
 * Benchmark, not a test: how much the database grows per 1,000 dossiers. On a new PostgreSQL database of its own
 * ({@code <tests' database>_growth}, dropped at the end unless {@code -Dmotcua.benchmark.keep=true}), an application
 * receives {@code -Dmotcua.benchmark.dossiers} dossiers (default 1,000) through its services, as the desk does: each a
 * birth registration (1.001193) with its lifecycle and procedure process instances, its audit trail, a one-page PDF
 * attachment (about 1.5 kB) whose text is extracted and indexed, and its review step completed by the specialist
 * (steps, history). Then {@code ANALYZE}, and {@code pg_total_relation_size} of every table (with its indexes and
 * TOAST) before and after, by group; printed and written to {@code target/benchmark-growth.txt}. With
 * {@code -Dmotcua.benchmark.restore=true} it then times a backup of that database and its files and their restore onto a
 * fresh node (Debian's {@code pg_dump}, {@code pg_restore}).
 *
 * <p>Runs only when asked: {@code mvn verify -Dtest=GrowthBenchmark -Dmotcua.benchmark=true -DskipITs
 * -Dsurefire.failIfNoSpecifiedTests=false} (with {@code -Dmotcua.test.postgres.url=...} for another server or database).
 */
@EnabledIfSystemProperty(named = "motcua.benchmark", matches = "true")
@RequiresPostgres
class GrowthBenchmark {
    @TempDir Path temporary;

    @Test
    void databaseGrowthPerThousandDossiers() throws Exception {
        int count = Integer.getInteger("motcua.benchmark.dossiers", 1000);
        ScratchDatabase database = ScratchDatabase.fresh("growth");
        String url = database.url();
        Path data = temporary.resolve("data");
        try {
            Map<String, Long> before;
            Map<String, Long> after;
            Duration took;
            try (ConfigurableApplicationContext app = InProcessNode.start(url, data, "growth", true)) {
                before = sizes(url);
                var users = app.getBean(TestUsers.class);
                var dossiers = app.getBean(DossierService.class);
                var attachments = app.getBean(AttachmentService.class);
                var tasks = app.getBean(TaskListService.class);
                Instant started = Instant.now();
                for (int i = 0; i < count; i++) {
                    users.signInAs("clerk");
                    String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
                    byte[] pdf = TestDocuments.pdf(List.of("BỆNH VIỆN ĐA KHOA TỈNH KIÊN GIANG", "GIẤY CHỨNG SINH",
                            "Số " + (i + 1) + "/2026", "Họ và tên mẹ: Trần Thị Mỹ Lệ"));
                    attachments.upload(code, "GIAY_CHUNG_SINH", "giay-chung-sinh.pdf", new ByteArrayInputStream(pdf));
                    users.signInAs("specialist");
                    var review = tasks.tasksOf(code).stream().findFirst().orElseThrow();
                    tasks.complete(review.id(), Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ hợp lệ, đề nghị phê duyệt"));
                    if ((i + 1) % 100 == 0) System.out.printf("growth: %d dossiers%n", i + 1);
                }
                users.signOut();
                waitForExtraction(url, Duration.ofMinutes(20));
                took = Duration.between(started, Instant.now());
                after = sizes(url);
            }
            report(count, before, after, took, directorySize(data.resolve("attachments").resolve("sha256")));
            if (Boolean.getBoolean("motcua.benchmark.restore")) restore(count, database, data);
        } finally {
            if (!Boolean.getBoolean("motcua.benchmark.keep")) {
                database.drop();
            }
        }
    }

    /**
     * A backup of the grown database and files, and its restore onto a fresh node, timed: {@code pg_dump -Fc},
     * {@code pg_restore} into a new database (one job, then {@code -j 2} into another), the content folder copied, and
     * the first start of a node on the restored data. Appended to the report.
     */
    private void restore(int count, ScratchDatabase source, Path data) throws Exception {
        URI server = URI.create(RequiresPostgres.Condition.url().substring("jdbc:".length()));
        String host = server.getHost();
        String port = String.valueOf(server.getPort() < 0 ? 5432 : server.getPort());
        Path dump = temporary.resolve("motcua.dump");
        ScratchDatabase single = ScratchDatabase.fresh("growth_restored");
        ScratchDatabase parallel = ScratchDatabase.fresh("growth_restored_j2");
        try {
            long dumpMillis = timed(() -> InProcessNode.run(List.of("pg_dump", "-h", host, "-p", port, "-U", RequiresPostgres.USER, "-Fc",
                    "-f", dump.toString(), source.name())));
            long restoreMillis = timed(() -> InProcessNode.run(List.of("pg_restore", "-h", host, "-p", port, "-U", RequiresPostgres.USER,
                    "--no-owner", "--exit-on-error", "-d", single.name(), dump.toString())));
            long parallelMillis = timed(() -> InProcessNode.run(List.of("pg_restore", "-h", host, "-p", port, "-U", RequiresPostgres.USER,
                    "--no-owner", "--exit-on-error", "-j", "2", "-d", parallel.name(), dump.toString())));
            Path restoredData = temporary.resolve("restored-data");
            Path files = restoredData.resolve("attachments").resolve("sha256");
            long filesMillis = timed(() -> InProcessNode.copyTree(data.resolve("attachments").resolve("sha256"), files));
            long startMillis = timed(() -> {
                try (ConfigurableApplicationContext app = InProcessNode.start(single.url(), restoredData, "growth-restored", true)) {
                    app.getBean(DossierService.class);
                }
            });
            String out = String.format("%nBackup and restore of %d dossiers (dump %.1f MB, files %.1f MB): pg_dump %.1f s; "
                            + "pg_restore %.1f s (-j 2: %.1f s); files copied %.1f s; first start of a node on the restored "
                            + "data %.1f s%n", count, Files.size(dump) / 1e6, directorySize(files) / 1e6, dumpMillis / 1e3,
                    restoreMillis / 1e3, parallelMillis / 1e3, filesMillis / 1e3, startMillis / 1e3);
            System.out.print(out);
            Files.writeString(Path.of("target", "benchmark-growth.txt"), out, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        } finally {
            single.drop();
            parallel.drop();
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static long timed(Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private static void waitForExtraction(String url, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = DriverManager.getConnection(url, RequiresPostgres.USER, "");
                 var rs = c.createStatement().executeQuery("select count(*) from attachment where state = 'PENDING'")) {
                rs.next();
                if (rs.getLong(1) == 0) return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("text extraction did not finish within " + timeout);
    }

    /** Every table's total size (heap, indexes, TOAST), after ANALYZE. */
    private static Map<String, Long> sizes(String url) throws SQLException {
        var sizes = new TreeMap<String, Long>();
        try (Connection c = DriverManager.getConnection(url, RequiresPostgres.USER, "")) {
            c.createStatement().execute("analyze");
            try (var rs = c.createStatement().executeQuery("select c.relname, pg_total_relation_size(c.oid) from pg_class c "
                    + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p')")) {
                while (rs.next()) sizes.put(rs.getString(1), rs.getLong(2));
            }
        }
        return sizes;
    }

    static String group(String table) {
        if (table.startsWith("act_ru_")) return "engine runtime (act_ru_*)";
        if (table.startsWith("act_hi_")) return "engine history (act_hi_*)";
        if (table.startsWith("act_")) return "engine other (act_ge_*, act_re_*, ...)";
        if (table.startsWith("attachment") || table.startsWith("search") || table.startsWith("staged_upload")) {
            return "attachments and search (attachment*, search*)";
        }
        if (table.startsWith("dossier") || table.startsWith("work_item")) return "dossiers (dossier*, work_item)";
        return "other MotCua tables";
    }

    private static void report(int count, Map<String, Long> before, Map<String, Long> after, Duration took, long files)
            throws IOException {
        var groups = new LinkedHashMap<String, Long>();
        var tables = new TreeMap<String, Long>();
        after.forEach((table, size) -> {
            long grown = size - before.getOrDefault(table, 0L);
            groups.merge(group(table), grown, Long::sum);
            if (grown != 0) tables.put(table, grown);
        });
        double per1000 = 1000.0 / count;
        var out = new StringBuilder();
        out.append(String.format("Database growth for %d dossiers (received, one PDF each extracted and indexed, review "
                + "step completed) in %d s; per 1,000 dossiers:%n", count, took.toSeconds()));
        out.append(String.format("| %-46s | %12s |%n", "group", "MB / 1,000"));
        long total = 0;
        for (var e : groups.entrySet()) {
            out.append(String.format("| %-46s | %12.2f |%n", e.getKey(), e.getValue() * per1000 / 1e6));
            total += e.getValue();
        }
        out.append(String.format("| %-46s | %12.2f |%n", "all tables", total * per1000 / 1e6));
        out.append(String.format("| %-46s | %12.2f |%n", "attachment files (content store)", files * per1000 / 1e6));
        out.append(String.format("%nLargest tables (kB / 1,000 dossiers):%n"));
        tables.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20)
                .forEach(e -> out.append(String.format("  %-40s %10.0f%n", e.getKey(), e.getValue() * per1000 / 1e3)));
        System.out.print(out);
        Files.writeString(Path.of("target", "benchmark-growth.txt"), out, StandardCharsets.UTF_8);
    }

    private static long directorySize(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return 0;
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
