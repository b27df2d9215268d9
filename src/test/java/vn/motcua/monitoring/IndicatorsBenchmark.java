package vn.motcua.monitoring;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.demo.HistoryGenerator;
import vn.motcua.monitoring.internal.Figures;
import vn.motcua.monitoring.internal.IndicatorQueries;
import vn.motcua.monitoring.internal.Selection;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.Formats;

/**
 * Benchmark, not a test: how fast {@code GET /api/reports/indicators} answers over a million finished dossiers on
 * PostgreSQL, beside the naive approach (every dossier read into Java, its end from the audit trail, the rules applied
 * row by row) in the same run. Prints its figures and writes them to {@code target/benchmark-indicators.txt}.
 *
 * <p>Runs only when asked: {@code -Dmotcua.benchmark=true} (and {@code -Dtest=IndicatorsBenchmark}; the class name
 * keeps it out of the default run). It uses the database {@code motcua_test} on 127.0.0.1:5432 (user postgres), in a
 * schema of its own, {@code motcua_bench} (application and engine tables), which it keeps between runs: the history
 * ({@code -Dmotcua.benchmark.size}, default 1,000,000 dossiers) is generated only when the schema holds fewer
 * dossiers; {@code -Dmotcua.benchmark.drop=true} drops the schema at the end.
 */
@EnabledIfSystemProperty(named = "motcua.benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/motcua_test?currentSchema=" + IndicatorsBenchmark.SCHEMA
                + "&reWriteBatchedInserts=true",
        "spring.datasource.username=postgres",
        "spring.datasource.password=",
        "camunda.bpm.database.schema-name=" + IndicatorsBenchmark.SCHEMA,
        "camunda.bpm.database.table-prefix=" + IndicatorsBenchmark.SCHEMA + ".",
        "camunda.bpm.job-execution.enabled=false",
        "spring.flyway.schemas=" + IndicatorsBenchmark.SCHEMA,
        "motcua.data-dir=target/benchmark-data"})
@ActiveProfiles({"demo", "test"})
class IndicatorsBenchmark {
    static final String SCHEMA = "motcua_bench";
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/motcua_test";
    private static final int RUNS = 7;

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired HistoryGenerator generator;
    @Autowired IndicatorQueries queries;
    @Autowired OrganisationService organisation;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired vn.motcua.monitoring.internal.IndicatorSummary summary;
    @Autowired IndicatorService indicators;
    @Autowired BottleneckService bottlenecks;
    @Autowired vn.motcua.TestUsers users;

    private final List<String> lines = new ArrayList<>();

    @BeforeAll
    static void schema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
            c.createStatement().execute("create schema if not exists " + SCHEMA);
        }
    }

    @Test
    void indicatorsOverAMillionDossiers() throws Exception {
        int size = Integer.getInteger("motcua.benchmark.size", 1_000_000);
        long existing = count("select count(*) from dossier");
        if (existing < size) {
            var result = SystemAccess.call(() -> generator.generate(new HistoryGenerator.Options(
                    (int) (size - existing), 50, 24, null, 766L + existing)));
            say("Generated %,d dossiers (%,d audit records, %,d ratings, %d on the engine) in %d s",
                    result.dossiers(), result.events(), result.ratings(), result.engineInstances(), result.took().toSeconds());
            attachments();
            jdbc.execute("vacuum analyze");
        }
        say("Database: %,d dossiers (%,d finished), %,d audit records, %,d ratings, %,d attachments; PostgreSQL %s",
                count("select count(*) from dossier"), count("select count(*) from dossier where finished_at is not null"),
                count("select count(*) from dossier_event"), count("select count(*) from dossier_rating"),
                count("select count(*) from attachment"), jdbc.queryForObject("show server_version", String.class));

        summary.refresh(); // what the start left to do (or waits for the start's own build)
        // as autovacuum would after a migration or a bulk load: statistics and the visibility map (index-only scans)
        jdbc.execute("vacuum analyze dossier");
        jdbc.update("insert into indicator_dirty (month) select distinct indicator_month_of(finished_at) from dossier "
                + "where finished_at is not null");
        long built = System.nanoTime();
        int months = summary.refresh();
        say("Summary of ended dossiers rebuilt from scratch: %d months in %d ms (%,d summary rows)", months,
                (System.nanoTime() - built) / 1_000_000, count("select count(*) from indicator_month"));

        LocalDate today = LocalDate.now(Formats.ZONE);
        LocalDate first = jdbc.queryForObject("select min(received_at) from dossier", java.time.OffsetDateTime.class)
                .atZoneSameInstant(Formats.ZONE).toLocalDate();
        Unit district = organisation.unitByIdentifier("000.00.26.H33").orElseThrow();
        String all = "from=" + first + "&to=" + today;
        measure("API, all dossiers (" + first + " to " + today + "), admin", "admin", all);
        measure("API, all dossiers, province supervisor", "supervisor", all);
        measure("API, last 12 months", "admin", "from=" + today.minusYears(1) + "&to=" + today);
        measure("API, this quarter", "admin", "from=" + today.minusMonths(3).withDayOfMonth(1) + "&to=" + today);
        measure("API, last month", "admin", "from=" + today.minusMonths(1).withDayOfMonth(1) + "&to="
                + today.withDayOfMonth(1).minusDays(1));
        measure("API, a year ago (one whole year, mid-month edges)", "admin", "from=" + today.minusYears(2).plusDays(10)
                + "&to=" + today.minusYears(1));
        measure("API, one district (Phú Quốc), all dossiers", "admin", all + "&unit=" + district.identifier());
        measure("API, one procedure, all dossiers", "admin", all + "&procedure=1.001193");
        dashboard("Dashboard data, last 12 months (report, due list, 12-month trend, bottlenecks)",
                new ReportFilter(today.minusYears(1), today, null, null, null, null), IndicatorService.Granularity.MONTH);
        dashboard("Dashboard data, this quarter, 12-week trend",
                new ReportFilter(today.minusMonths(3).withDayOfMonth(1), today, null, null, null, null), IndicatorService.Granularity.WEEK);

        Instant from = first.atStartOfDay(Formats.ZONE).toInstant();
        Instant asOf = Instant.now();
        Selection everything = new Selection(from, asOf, null, null, null);
        var readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        Figures sql = aggregate("Aggregate SQL alone, all dossiers, with the summary", readOnly, () -> queries.groups(everything));
        Figures direct = aggregate("Aggregate SQL alone, all dossiers, row by row (before)", readOnly, () -> queries.direct(everything));
        say("Same figures with and without the summary: %s", sql.equals(direct));

        long t = System.nanoTime();
        Figures naive = NaiveIndicators.figures(jdbc, "/", from, asOf);
        long naiveMs = (System.nanoTime() - t) / 1_000_000;
        say("%-58s        %6d ms (one run)", "Baseline: naive, every row into Java, end from the trail", naiveMs);
        say("Same figures both ways: %s (dossiers %,d, on time %,d, results %,d)",
                NaiveIndicators.comparable(sql).equals(naive), sql.dossiers(), sql.onTime(), sql.processed());
        say("Plan of the aggregate query:");
        for (String line : readOnly.execute(status -> queries.plan(new Selection(from, asOf, null, null, null)))) {
            say("  %s", line);
        }

        Path out = Path.of("target", "benchmark-indicators.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("motcua.benchmark.drop")) {
            try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
                c.createStatement().execute("drop schema " + SCHEMA + " cascade");
            }
        }
    }

    /** Attachments for about 60 % of the dossiers (1 to 3 each), so that 4.2's join is measured with data. */
    private void attachments() {
        if (count("select count(*) from information_schema.tables where table_schema = '" + SCHEMA + "' and table_name = 'attachment'") == 0) {
            return;
        }
        long t = System.nanoTime();
        jdbc.execute("""
                insert into attachment (dossier_code, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, state)
                select d.code, 'to-khai-' || g.n || '.pdf', 'application/pdf', 120000, md5(d.code || g.n) || md5(d.code),
                  'demo-history', d.received_at, 'EXTRACTED'
                from dossier d cross join generate_series(1, 3) g(n)
                where (d.id % 10) < 6 and g.n <= 1 + (d.id % 3)
                  and not exists (select 1 from attachment a where a.dossier_code = d.code)""");
        say("Attachments for the digitisation rate written in %d s", (System.nanoTime() - t) / 1_000_000_000);
    }

    private Figures aggregate(String label, org.springframework.transaction.support.TransactionTemplate tx,
                              java.util.function.Supplier<List<IndicatorQueries.Group>> groups) {
        long[] times = new long[RUNS];
        Figures f = null;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            f = tx.execute(status -> {
                Figures sum = Figures.NONE;
                for (var g : groups.get()) sum = sum.plus(g.figures());
                return sum;
            });
            times[i] = System.nanoTime() - t;
        }
        say("%-58s median %6d ms (min %d, max %d)", label, median(times) / 1_000_000,
                Arrays.stream(times).min().getAsLong() / 1_000_000, Arrays.stream(times).max().getAsLong() / 1_000_000);
        return f;
    }

    /** What the supervision view asks for when it shows a period, as an administrator. */
    private void dashboard(String label, ReportFilter filter, IndicatorService.Granularity granularity) {
        long[] times = new long[RUNS];
        long[][] parts = new long[4][RUNS];
        for (int i = -1; i < RUNS; i++) {
            users.signInAs("admin");
            try {
                long t = System.nanoTime();
                var report = indicators.report(filter);
                long t1 = System.nanoTime();
                indicators.overdueAndNearlyDue(filter, 500);
                long t2 = System.nanoTime();
                indicators.trend(filter, granularity, 12);
                long t3 = System.nanoTime();
                // the procedure with the most dossiers, as the view picks it
                String busiest = report.procedures().stream().max(java.util.Comparator.comparingLong(IndicatorReport.Row::dossiers))
                        .map(IndicatorReport.Row::key).orElseThrow();
                bottlenecks.bottlenecks(new ReportFilter(filter.from(), filter.to(), filter.unitIdentifier(), busiest, null,
                        filter.level()));
                long t4 = System.nanoTime();
                if (i >= 0) {
                    times[i] = t4 - t;
                    parts[0][i] = t1 - t;
                    parts[1][i] = t2 - t1;
                    parts[2][i] = t3 - t2;
                    parts[3][i] = t4 - t3;
                }
            } finally {
                users.signOut();
            }
        }
        say("%-58s median %6d ms (min %d, max %d)", label, median(times) / 1_000_000,
                Arrays.stream(times).min().getAsLong() / 1_000_000, Arrays.stream(times).max().getAsLong() / 1_000_000);
        say("    of which: indicators %d ms, due list %d ms, trend %d ms, bottlenecks %d ms (medians)", median(parts[0]) / 1_000_000,
                median(parts[1]) / 1_000_000, median(parts[2]) / 1_000_000, median(parts[3]) / 1_000_000);
    }

    private void measure(String label, String user, String query) {
        var client = http.withBasicAuth(user, "demo");
        for (int i = 0; i < 2; i++) check(client.getForEntity("/api/reports/indicators?" + query, String.class).getStatusCode());
        long[] times = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            check(client.getForEntity("/api/reports/indicators?" + query, String.class).getStatusCode());
            times[i] = System.nanoTime() - t;
        }
        say("%-58s median %6d ms (min %d, max %d)", label, median(times) / 1_000_000,
                Arrays.stream(times).min().getAsLong() / 1_000_000, Arrays.stream(times).max().getAsLong() / 1_000_000);
    }

    private static void check(org.springframework.http.HttpStatusCode status) {
        if (status != HttpStatus.OK) throw new AssertionError("the API answered " + status);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private void say(String format, Object... args) {
        String line = String.format(format, args);
        lines.add(line);
        System.out.println("[benchmark] " + line);
    }
}
