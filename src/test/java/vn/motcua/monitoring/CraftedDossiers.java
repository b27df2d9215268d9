package vn.motcua.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.Formats;

/**
 * A small set of dossiers crafted by hand for March 2025 at a test district and its commune that no other test
 * uses, each a case of the indicator rules, written straight into the tables. The expected figures are worked out by
 * hand in {@link IndicatorRulesTest}.
 *
 * <pre>
 *  id  received      accepted     channel  st  due          end (finished / returned)     supp other
 *  a   03-03 09:00                person   10  03-04 09:00  03-03 15:00 / 03-04 10:00     0    rated 5, attachment
 *  b   03-05 08:00                person   10  03-06 08:00  03-07 10:00 / 03-07 14:00     0    late; rated 2, attachment
 *  c   03-09 20:00   03-10 08:00  online    9  03-14 08:00  03-10 16:00                   0    early; rated 4 + complaint, attachment
 *  d   03-11 08:00                person   10  03-15 08:00  03-13 09:00 / 03-13 10:00     1    supplemented once; rated 3
 *  e   03-12 08:00                person    9  03-20 08:00  03-14 09:00                   2    supplemented twice: late
 *  f   03-17 08:00                person    7  03-19 08:00  03-18 08:00 (withdrawn)       0
 *  g   03-28 08:00   03-28 09:00  online    4  04-02 09:00  —                             0    unfinished, within the deadline
 *  h   03-20 08:00                person    4  03-21 08:00  —                             0    unfinished, overdue
 *  i   02-25 08:00                person   10  03-03 08:00  03-03 07:30 / 03-03 09:00     0    carried over
 *  j   02-10 08:00                person   10  02-11 08:00  02-11 07:30 / 02-11 09:00     0    ended before the period: out
 *  k   04-05 08:00                person    4  04-06 08:00  —                             0    after the period: out
 *  l   03-25 08:00                online    1  —            —                             0    awaiting acceptance: out
 *  m   03-24 08:00                person    9  03-25 08:00  04-03 08:00                   0    unfinished at the end, overdue
 *  n   03-04 08:00   03-04 08:30  online   10  03-06 08:30  03-05 08:00 / 03-05 09:00     0    fee 8000 paid online
 *  o   03-06 08:00                person   10  03-10 08:00  03-07 08:00 / 03-07 09:00     0    fee 8000 paid cash
 *  p   03-26 08:00                person    6  03-31 08:00  — (clock stopped 03-27 08:00) 0    fee unpaid, clock stopped by the due date
 *  s   03-18 08:00                person    8  03-20 08:00  — (stopped 03-19 08:00)       0    processing stopped: ended
 *  r   03-19 08:00                online    3  —            03-19 10:00 (refused)         0    refused at intake
 * </pre>
 */
@Component
class CraftedDossiers {
    static final String DISTRICT = "000.00.97.H33";
    static final String COMMUNE = "000.01.97.H33";
    static final String SUPERVISOR = "supervisor97";
    static final String PROCEDURE = "1.001193";

    private final JdbcTemplate jdbc;
    private final OrganisationService organisation;
    private long unitId;

    CraftedDossiers(JdbcTemplate jdbc, OrganisationService organisation) {
        this.jdbc = jdbc;
        this.organisation = organisation;
    }

    /** Creates the units, a supervisor of the commune, and the dossiers, once. */
    synchronized void ensure() {
        if (organisation.unitByIdentifier(COMMUNE).isPresent()) {
            unitId = organisation.unitByIdentifier(COMMUNE).get().id();
            return;
        }
        SystemAccess.run(() -> {
            Unit province = organisation.unitByIdentifier("000.00.00.H33").orElseThrow();
            Unit district = organisation.createUnit(DISTRICT, "UBND huyện Thử Nghiệm", "Test District", UnitLevel.DISTRICT, province);
            Unit commune = organisation.createUnit(COMMUNE, "UBND xã Kiểm Thử", "Test Commune", UnitLevel.COMMUNE, district);
            organisation.createUser(SUPERVISOR, "demo", "Giám Sát Xã Kiểm Thử", null, commune, EnumSet.of(Role.SUPERVISOR));
            unitId = commune.id();
        });
        long a = dossier("a", "03-03 09:00", null, "IN_PERSON", 10, "03-04 09:00", "03-03 15:00", "03-04 10:00", 0, null, 21600L);
        long b = dossier("b", "03-05 08:00", null, "IN_PERSON", 10, "03-06 08:00", "03-07 10:00", "03-07 14:00", 0, null, 57600L);
        long c = dossier("c", "03-09 20:00", "03-10 08:00", "ONLINE", 9, "03-14 08:00", "03-10 16:00", null, 0, null, 25200L);
        long d = dossier("d", "03-11 08:00", null, "IN_PERSON", 10, "03-15 08:00", "03-13 09:00", "03-13 10:00", 1, null, 28800L);
        dossier("e", "03-12 08:00", null, "IN_PERSON", 9, "03-20 08:00", "03-14 09:00", null, 2, null, 28800L);
        dossier("f", "03-17 08:00", null, "IN_PERSON", 7, "03-19 08:00", "03-18 08:00", null, 0, null, 8000L);
        dossier("g", "03-28 08:00", "03-28 09:00", "ONLINE", 4, "04-02 09:00", null, null, 0, null, null);
        dossier("h", "03-20 08:00", null, "IN_PERSON", 4, "03-21 08:00", null, null, 0, null, null);
        dossier("i", "02-25 08:00", null, "IN_PERSON", 10, "03-03 08:00", "03-03 07:30", "03-03 09:00", 0, null, 14400L);
        dossier("j", "02-10 08:00", null, "IN_PERSON", 10, "02-11 08:00", "02-11 07:30", "02-11 09:00", 0, null, 28000L);
        dossier("k", "04-05 08:00", null, "IN_PERSON", 4, "04-06 08:00", null, null, 0, null, null);
        dossier("l", "03-25 08:00", null, "ONLINE", 1, null, null, null, 0, null, null);
        dossier("m", "03-24 08:00", null, "IN_PERSON", 9, "03-25 08:00", "04-03 08:00", null, 0, null, 99999L);
        long n = dossier("n", "03-04 08:00", "03-04 08:30", "ONLINE", 10, "03-06 08:30", "03-05 08:00", "03-05 09:00", 0, null, 28800L);
        long o = dossier("o", "03-06 08:00", null, "IN_PERSON", 10, "03-10 08:00", "03-07 08:00", "03-07 09:00", 0, null, 28800L);
        long p = dossier("p", "03-26 08:00", null, "IN_PERSON", 6, "03-31 08:00", null, null, 0, "03-27 08:00", null);
        dossier("s", "03-18 08:00", null, "IN_PERSON", 8, "03-20 08:00", null, null, 0, "03-19 08:00", null);
        dossier("r", "03-19 08:00", null, "ONLINE", 3, null, "03-19 10:00", null, 0, null, 7200L);
        fee(n, "ONLINE", "03-04 15:00");
        fee(o, "CASH", "03-06 15:00");
        fee(p, null, null);
        rating(a, 5, false);
        rating(b, 2, false);
        rating(c, 4, true);
        rating(d, 3, false);
        if (attachmentTable()) {
            attachment("a");
            attachment("b");
            attachment("c");
        }
    }

    long unitId() { return unitId; }

    /** 2025-MM-DD HH:mm in Asia/Ho_Chi_Minh. */
    static Instant at(String monthDayTime) {
        return LocalDateTime.parse("2025-" + monthDayTime.replace(' ', 'T')).atZone(Formats.ZONE).toInstant();
    }

    static String code(String id) {
        return COMMUNE + "-2503" + String.format("%02d", 1 + id.charAt(0) - 'a') + "-" + String.format("%04d", 1 + id.charAt(0) - 'a');
    }

    /** The applicant's name of a crafted dossier: Vietnamese with its diacritics. */
    static String applicant(String id) { return "Nguyễn Thị Hồng Nhung " + id.toUpperCase(); }

    private long dossier(String id, String received, String accepted, String channel, int status, String due,
                         String finished, String returned, int supplements, String clockStopped, Long workingSeconds) {
        jdbc.update("""
                        insert into dossier (code, procedure_code, unit_id, channel, status, applicant_name, form_data,
                          received_at, accepted_at, due_at, finished_at, returned_at, supplement_count, clock_stopped_at,
                          working_seconds, created_by, status_reason)
                        values (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, 'test', ?)""",
                code(id), PROCEDURE, unitId, channel, status, applicant(id), utc(received), utc(accepted), utc(due),
                utc(finished), utc(returned), supplements, utc(clockStopped), workingSeconds,
                status == 7 ? "Công dân không còn nhu cầu" : null);
        return jdbc.queryForObject("select id from dossier where code = ?", Long.class, code(id));
    }

    private void fee(long id, String method, String paid) {
        jdbc.update("update dossier set fee_amount = ?, payment_method = ?, paid_at = ? where id = ?",
                new BigDecimal("8000"), method, utc(paid), id);
    }

    private void rating(long id, int score, boolean complaint) {
        jdbc.update("insert into dossier_rating (dossier_id, score, complaint, rated_at) values (?, ?, ?, ?)",
                id, score, complaint, utc("03-31 10:00"));
    }

    private boolean attachmentTable() {
        Integer n = jdbc.queryForObject("select count(*) from information_schema.tables where lower(table_name) = 'attachment'",
                Integer.class);
        return n != null && n > 0;
    }

    /** An attachment as the attachment module's table (V10) holds it, by dossier code or id. */
    private void attachment(String id) {
        boolean byCode = jdbc.queryForObject("select count(*) from information_schema.columns where lower(table_name) = "
                + "'attachment' and lower(column_name) = 'dossier_code'", Integer.class) > 0;
        Object key = byCode ? code(id) : jdbc.queryForObject("select id from dossier where code = ?", Long.class, code(id));
        jdbc.update("insert into attachment (" + (byCode ? "dossier_code" : "dossier_id") + """
                        , file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, state)
                        values (?, 'to-khai.pdf', 'application/pdf', 1000, ?, 'test', ?, 'EXTRACTED')""",
                key, "0".repeat(63) + id, utc("03-03 10:00"));
    }

    private static OffsetDateTime utc(String monthDayTime) {
        return monthDayTime == null ? null : at(monthDayTime).atOffset(ZoneOffset.UTC);
    }
}
