package vn.motcua.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.MotCuaTest;
import vn.motcua.demo.HistoryGenerator;
import vn.motcua.monitoring.internal.IndicatorQueries;
import vn.motcua.monitoring.internal.IndicatorSummary;
import vn.motcua.monitoring.internal.Selection;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.Formats;

/**
 * The summary of ended dossiers (PostgreSQL) changes no figure: for any period, unit, level and procedure, the
 * indicators' counts with the summary are those read row by row, also right after ended dossiers change (returned,
 * rated, given or refused an attachment, their end moved to another month). On H2, where there is no summary, both
 * ways read the rows and the test checks the rows' path alone.
 */
@MotCuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorSummaryTest {
    static final String DISTRICT = "000.00.95.H33";
    static final List<String> COMMUNES = List.of("000.01.95.H33", "000.02.95.H33");

    @Autowired HistoryGenerator generator;
    @Autowired OrganisationService organisation;
    @Autowired JdbcTemplate jdbc;
    @Autowired IndicatorQueries queries;
    @Autowired IndicatorSummary summary;
    @Autowired PlatformTransactionManager transactions;

    Unit district;

    @BeforeAll
    void generate() {
        SystemAccess.run(() -> {
            Unit province = organisation.unitByIdentifier("000.00.00.H33").orElseThrow();
            district = organisation.createUnit(DISTRICT, "UBND huyện Tổng Hợp", null, UnitLevel.DISTRICT, province);
            organisation.createUnit(COMMUNES.get(0), "UBND xã Tháng Một", null, UnitLevel.COMMUNE, district);
            organisation.createUnit(COMMUNES.get(1), "UBND xã Tháng Hai", null, UnitLevel.COMMUNE, district);
            generator.generate(new HistoryGenerator.Options(900, 0, 10, COMMUNES, 97L));
        });
        // attachments for about half of them, a few rejected
        jdbc.update("""
                insert into attachment (dossier_code, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, state)
                select d.code, 'to-khai.pdf', 'application/pdf', 1000, 'f0f0', 'test', d.received_at,
                  case when mod(d.id, 7) = 0 then 'REJECTED' else 'EXTRACTED' end
                from dossier d join org_unit u on u.id = d.unit_id where u.tree_path like ? and mod(d.id, 2) = 0""",
                district.treePath() + "%");
        // results issued electronically (signed) for about a third of the processed ones, one unsigned
        jdbc.update("""
                insert into attachment_issued_result (dossier_code, file_name, sha256, size_bytes, issued_at, signer, signing_unit)
                select d.code, 'ket-qua.pdf', 'abcd', 1000, d.finished_at, case when mod(d.id, 9) = 0 then null else 'CN=Demo' end, u.identifier
                from dossier d join org_unit u on u.id = d.unit_id
                where u.tree_path like ? and d.status in (9, 10) and mod(d.id, 3) = 0""", district.treePath() + "%");
    }

    @Test
    void onPostgresqlTheSummaryIsThere() {
        boolean postgres = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
                .toLowerCase(Locale.ROOT).contains("postgres");
        assertThat(summary.available()).isEqualTo(postgres);
        assertThat(summary.core(Instant.parse("2026-01-14T00:00:00Z"), Instant.parse("2026-04-02T00:00:00Z")).isPresent())
                .isEqualTo(postgres);
    }

    @Test
    void wholeMonthsAreThoseInsideThePeriodInVietnamTime() {
        // 2026-02-01 00:00 in Hồ Chí Minh City is 2026-01-31 17:00 UTC
        Instant february = LocalDate.of(2026, 2, 1).atStartOfDay(Formats.ZONE).toInstant();
        assertThat(IndicatorSummary.month(february)).isEqualTo(2026 * 12 + 2);
        assertThat(IndicatorSummary.month(february.minusSeconds(1))).isEqualTo(2026 * 12 + 1);
        assertThat(IndicatorSummary.monthStart(2026 * 12 + 2)).isEqualTo(february);
        assertThat(IndicatorSummary.monthStart(2026 * 12 + 12)).isEqualTo(LocalDate.of(2026, 12, 1).atStartOfDay(Formats.ZONE).toInstant());
        if (!summary.available()) return;
        var core = summary.core(february.minusSeconds(3600), LocalDate.of(2026, 5, 17).atStartOfDay(Formats.ZONE).toInstant()).orElseThrow();
        assertThat(core.start()).isEqualTo(february);
        assertThat(core.end()).isEqualTo(LocalDate.of(2026, 5, 1).atStartOfDay(Formats.ZONE).toInstant());
        assertThat(summary.core(february, LocalDate.of(2026, 2, 28).atStartOfDay(Formats.ZONE).toInstant())).isEmpty();
        assertThat(summary.core(february, LocalDate.of(2026, 3, 1).atStartOfDay(Formats.ZONE).toInstant())).isPresent();
    }

    @Test
    void anyPeriodUnitLevelAndProcedureGivesTheSameCountsAsTheRows() {
        var rnd = new SplittableRandom(766);
        LocalDate today = LocalDate.now(Formats.ZONE);
        LocalDate first = today.minusMonths(11);
        List<String> codes = jdbc.queryForList("""
                select distinct d.procedure_code from dossier d join org_unit u on u.id = d.unit_id where u.tree_path like ?
                order by 1""", String.class, district.treePath() + "%");
        assertThat(codes).hasSizeGreaterThan(1);
        for (int i = 0; i < 40; i++) {
            LocalDate from = first.plusDays(rnd.nextInt(300));
            LocalDate to = i % 5 == 0 ? today : from.plusDays(rnd.nextInt(200));
            if (i % 7 == 0) from = from.withDayOfMonth(1);
            if (i % 9 == 0) to = to.withDayOfMonth(to.lengthOfMonth());
            String path = i % 2 == 0 ? district.treePath() : null;
            String level = i % 6 == 0 ? "COMMUNE" : null;
            List<String> procedures = i % 4 == 1 ? List.of(codes.get(i % codes.size())) : i % 4 == 3 ? codes.subList(0, 2) : null;
            assertSame(selection(from, to, path, level, procedures));
        }
        assertSame(selection(first, today, district.treePath(), null, null));
        assertSame(selection(today.minusMonths(3).withDayOfMonth(1), today.withDayOfMonth(1).minusDays(1), null, null, null));
        long onlineIssued = read(selection(first, today, district.treePath(), null, null), false).stream()
                .mapToLong(g -> g.returned().onlineIssued()).sum();
        long expected = jdbc.queryForObject("""
                select count(*) from dossier d join org_unit u on u.id = d.unit_id
                join attachment_issued_result r on r.dossier_code = d.code and r.signer is not null
                where u.tree_path like ? and d.channel = 'ONLINE' and d.finished_at >= ?""", Long.class,
                district.treePath() + "%", first.atStartOfDay(Formats.ZONE).toInstant().atOffset(ZoneOffset.UTC));
        assertThat(onlineIssued).as("online dossiers with a signed electronic result (DVC.1)").isPositive().isEqualTo(expected);
    }

    @Test
    void changesToEndedDossiersReachTheNextReport() {
        LocalDate today = LocalDate.now(Formats.ZONE);
        Selection year = selection(today.minusMonths(11), today, district.treePath(), null, null);
        Selection months = selection(today.minusMonths(8).withDayOfMonth(1), today.withDayOfMonth(1).minusDays(1), district.treePath(), null, null);
        assertSame(year);
        long ratedBefore = total(year).rated();
        Instant old = today.minusMonths(5).withDayOfMonth(15).atStartOfDay(Formats.ZONE).toInstant();

        // a result's return moved to now; one rated; one given an attachment, one refused its attachments; one's end
        // moved back by a month
        List<Long> returned = ids("d.status = 10 and d.finished_at < ? and not exists (select 1 from dossier_rating r where r.dossier_id = d.id)", old);
        assertThat(returned).hasSizeGreaterThan(4);
        // a result handed over again now (its return moves to this month): as a processed dossier's first return would
        jdbc.update("update dossier set returned_at = ? where id = ?", OffsetDateTime.now(ZoneOffset.UTC), returned.get(4));
        jdbc.update("insert into dossier_rating (dossier_id, score, complaint, rated_at) values (?, 1, true, ?)",
                returned.get(0), OffsetDateTime.now(ZoneOffset.UTC));
        jdbc.update("delete from attachment where dossier_code = (select code from dossier where id = ?)", returned.get(1));
        jdbc.update("""
                insert into attachment (dossier_code, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, state)
                select code, 'ban-sao.pdf', 'application/pdf', 10, 'abab', 'test', finished_at, 'EXTRACTED' from dossier where id = ?""",
                returned.get(1));
        jdbc.update("update attachment set state = 'REJECTED' where dossier_code = (select code from dossier where id = ?)", returned.get(2));
        jdbc.update("update dossier set finished_at = finished_at - interval '31' day, returned_at = returned_at - interval '31' day "
                + "where id = ?", returned.get(3));

        assertSame(year);
        assertSame(months);
        assertThat(total(year).rated()).isEqualTo(ratedBefore + 1);
    }

    private List<Long> ids(String condition, Instant before) {
        return jdbc.queryForList("select d.id from dossier d join org_unit u on u.id = d.unit_id where u.tree_path like ? and "
                + condition + " order by d.id", Long.class, district.treePath() + "%", before.atOffset(ZoneOffset.UTC));
    }

    private static Selection selection(LocalDate from, LocalDate to, String path, String level, List<String> procedures) {
        Instant start = from.atStartOfDay(Formats.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Formats.ZONE).toInstant();
        Instant now = Instant.now();
        Instant asOf = end.isAfter(now) ? now : end;
        if (asOf.isBefore(start)) asOf = start;
        return new Selection(start, asOf, path, level, procedures);
    }

    private vn.motcua.monitoring.internal.Figures total(Selection s) {
        var f = vn.motcua.monitoring.internal.Figures.NONE;
        for (var g : read(s, false)) f = f.plus(g.figures());
        return f;
    }

    private void assertSame(Selection s) {
        var withSummary = read(s, false);
        var rows = read(s, true);
        assertThat(withSummary).as("%s", s).isEqualTo(rows);
    }

    private List<IndicatorQueries.Group> read(Selection s, boolean direct) {
        var readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        List<IndicatorQueries.Group> groups = new ArrayList<>(readOnly.execute(status -> direct ? queries.direct(s) : queries.groups(s)));
        groups.sort(Comparator.comparing((IndicatorQueries.Group g) -> g.unitId()).thenComparing(IndicatorQueries.Group::procedureCode));
        return groups;
    }
}
