package vn.motcua.monitoring;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.security.SystemAccess;

/**
 * Dossiers of March 2025 crafted by hand for the Decision 766 scoring, at a test district and its commune no other
 * test uses, across three procedures of the catalogue: birth registration 1.001193 (B: offered fully online, result on
 * paper and electronic), certified copies 2.000815 (C: offered partly online, result on paper only) and marriage
 * registration 1.000894 (M: partly online, paper and electronic). Written straight into the tables; the expected
 * scores are worked out by hand in {@link IndicatorScoringTest}.
 *
 * <pre>
 *  id  proc received     accepted     channel st  due          end (finished / returned / stopped)  other
 *  b1  B    03-03 08:00  03-03 09:00  online  10  03-04 09:00  03-03 15:00 / 03-04 08:00           fee 8000 paid online; rated 5; attachment
 *  b2  B    03-28 08:00  03-28 09:00  online   4  04-02 09:00  —                                   unfinished, within its due date
 *  b3  B    03-05 08:00               person  10  03-06 08:00  03-07 10:00 / 03-07 14:00           late; rated 1
 *  b4  B    03-10 08:00               person   8  03-12 08:00  stopped 03-11 08:00                 stopped (Dừng xử lý) by its due date
 *  b5  B    03-12 08:00               person   8  03-13 08:00  stopped 03-14 08:00                 stopped after its due date: late
 *  c1  C    03-17 07:00  03-17 08:00  online  10  03-18 08:00  03-17 10:00 / 03-17 11:00           fee paid cash; complaint (rated 4); attachment
 *  c2  C    03-18 08:00               person  10  03-18 16:00  03-18 11:00 / 03-18 12:00           fee paid cash
 *  c3  C    03-20 08:00               person   4  03-21 08:00  —                                   fee paid cash; overdue at the period's end
 *  c4  C    03-19 08:00               person  10  03-19 16:00  03-19 10:00 / 03-19 11:00           fee paid online
 *  m1  M    03-24 08:00               person  10  03-25 08:00  03-24 15:00 / 03-25 08:00           rated 4; attachment
 *  m2  M    03-25 08:00               online   3  —            03-25 10:00 (refused at intake)
 * </pre>
 *
 * <p>Feedback and complaints (phản ánh, kiến nghị) at the commune, for HL.1 and HL.2:
 * <pre>
 *  id  about  received     due          answered     at the end of March
 *  f1  b3     03-07 09:00  03-21 09:00  03-10 10:00  answered on time; the sender not satisfied (03-12 10:00)
 *  f2  c1     03-17 12:00  03-31 12:00  04-02 09:00  unanswered and past its due date: late
 *  f3  —      03-26 08:00  04-09 08:00  —            unanswered, within its due date: on time
 *  f4  —      03-03 08:00  03-17 08:00  —            unanswered, past its due date: late
 *  f5  —      02-20 08:00  03-06 08:00  03-05 09:00  received before the period: not counted
 * </pre>
 */
@Component
class ScoringDossiers {
    static final String DISTRICT = "000.00.93.H33";
    static final String COMMUNE = "000.01.93.H33";
    static final String BIRTH = "1.001193";
    static final String COPY = "2.000815";
    static final String MARRIAGE = "1.000894";

    private final JdbcTemplate jdbc;
    private final OrganisationService organisation;
    private long unitId;
    private String treePath;

    ScoringDossiers(JdbcTemplate jdbc, OrganisationService organisation) {
        this.jdbc = jdbc;
        this.organisation = organisation;
    }

    /** Creates the units and the dossiers, once. */
    synchronized void ensure() {
        if (organisation.unitByIdentifier(COMMUNE).isPresent()) return;
        SystemAccess.run(() -> {
            Unit province = organisation.unitByIdentifier("000.00.00.H33").orElseThrow();
            Unit district = organisation.createUnit(DISTRICT, "UBND huyện Chấm Điểm", "Scoring District", UnitLevel.DISTRICT, province);
            Unit commune = organisation.createUnit(COMMUNE, "UBND xã Chấm Điểm", "Scoring Commune", UnitLevel.COMMUNE, district);
            unitId = commune.id();
            treePath = commune.treePath();
        });
        long b1 = dossier("b1", BIRTH, "03-03 08:00", "03-03 09:00", "ONLINE", 10, "03-04 09:00", "03-03 15:00", "03-04 08:00", null, 21600L);
        dossier("b2", BIRTH, "03-28 08:00", "03-28 09:00", "ONLINE", 4, "04-02 09:00", null, null, null, null);
        long b3 = dossier("b3", BIRTH, "03-05 08:00", null, "IN_PERSON", 10, "03-06 08:00", "03-07 10:00", "03-07 14:00", null, 57600L);
        dossier("b4", BIRTH, "03-10 08:00", null, "IN_PERSON", 8, "03-12 08:00", null, null, "03-11 08:00", null);
        dossier("b5", BIRTH, "03-12 08:00", null, "IN_PERSON", 8, "03-13 08:00", null, null, "03-14 08:00", null);
        long c1 = dossier("c1", COPY, "03-17 07:00", "03-17 08:00", "ONLINE", 10, "03-18 08:00", "03-17 10:00", "03-17 11:00", null, 7200L);
        long c2 = dossier("c2", COPY, "03-18 08:00", null, "IN_PERSON", 10, "03-18 16:00", "03-18 11:00", "03-18 12:00", null, 10800L);
        long c3 = dossier("c3", COPY, "03-20 08:00", null, "IN_PERSON", 4, "03-21 08:00", null, null, null, null);
        long c4 = dossier("c4", COPY, "03-19 08:00", null, "IN_PERSON", 10, "03-19 16:00", "03-19 10:00", "03-19 11:00", null, 7200L);
        long m1 = dossier("m1", MARRIAGE, "03-24 08:00", null, "IN_PERSON", 10, "03-25 08:00", "03-24 15:00", "03-25 08:00", null, 25200L);
        dossier("m2", MARRIAGE, "03-25 08:00", null, "ONLINE", 3, null, "03-25 10:00", null, null, 7200L);
        fee(b1, "ONLINE", "03-03 10:00");
        fee(c1, "CASH", "03-17 08:30");
        fee(c2, "CASH", "03-18 08:10");
        fee(c3, "CASH", "03-20 08:10");
        fee(c4, "ONLINE", "03-19 08:10");
        rating(b1, 5, false);
        rating(b3, 1, false);
        rating(c1, 4, true);
        rating(m1, 4, false);
        feedback("f1", b3, "b3", "03-07 09:00", "03-21 09:00", "03-10 10:00");
        feedback("f2", c1, "c1", "03-17 12:00", "03-31 12:00", "04-02 09:00");
        feedback("f3", null, null, "03-26 08:00", "04-09 08:00", null);
        feedback("f4", null, null, "03-03 08:00", "03-17 08:00", null);
        feedback("f5", null, null, "02-20 08:00", "03-06 08:00", "03-05 09:00");
        jdbc.update("update feedback set verdict = 'UNSATISFIED', judged_at = ? where reference = ?", utc("03-12 10:00"),
                "PA-20259999-9001");
        if (attachmentTable()) {
            attachment("b1");
            attachment("c1");
            attachment("m1");
        }
    }

    private static final String IDS = "b1 b2 b3 b4 b5 c1 c2 c3 c4 m1 m2";

    static String code(String id) {
        return COMMUNE + "-250399-" + String.format("%04d", 1 + IDS.indexOf(id) / 3);
    }

    private long dossier(String id, String procedure, String received, String accepted, String channel, int status,
                         String due, String finished, String returned, String clockStopped, Long workingSeconds) {
        jdbc.update("""
                        insert into dossier (code, procedure_code, unit_id, channel, status, applicant_name, form_data,
                          received_at, accepted_at, due_at, finished_at, returned_at, supplement_count, clock_stopped_at,
                          working_seconds, created_by, status_reason)
                        values (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, 0, ?, ?, 'test', ?)""",
                code(id), procedure, unitId, channel, status, "Trần Văn Điểm " + id.toUpperCase(), utc(received),
                utc(accepted), utc(due), utc(finished), utc(returned), utc(clockStopped), workingSeconds,
                status == 8 ? "Dừng xử lý theo yêu cầu" : status == 3 ? "Không đủ điều kiện" : null);
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

    private void feedback(String id, Long dossierId, String dossier, String received, String due, String answered) {
        jdbc.update("""
                        insert into feedback (reference, body, contact, contact_key, dossier_id, dossier_code, unit_id,
                          unit_tree_path, status, received_at, due_at, answer, answered_by, answered_at)
                        values (?, ?, 'diem@example.vn', 'diem@example.vn', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                "PA-20259999-900" + id.charAt(1), "Phản ánh " + id, dossierId, dossier == null ? null : code(dossier),
                unitId, treePath, answered == null ? "NEW" : "ANSWERED", utc(received), utc(due),
                answered == null ? null : "Trả lời " + id, answered == null ? null : "test", utc(answered));
    }

    private boolean attachmentTable() {
        Integer n = jdbc.queryForObject("select count(*) from information_schema.tables where lower(table_name) = 'attachment'",
                Integer.class);
        return n != null && n > 0;
    }

    private void attachment(String id) {
        boolean byCode = jdbc.queryForObject("select count(*) from information_schema.columns where lower(table_name) = "
                + "'attachment' and lower(column_name) = 'dossier_code'", Integer.class) > 0;
        Object key = byCode ? code(id) : jdbc.queryForObject("select id from dossier where code = ?", Long.class, code(id));
        jdbc.update("insert into attachment (" + (byCode ? "dossier_code" : "dossier_id") + """
                        , file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, state)
                        values (?, 'to-khai.pdf', 'application/pdf', 1000, ?, 'test', ?, 'EXTRACTED')""",
                key, "1".repeat(62) + id, utc("03-03 10:00"));
    }

    private static OffsetDateTime utc(String monthDayTime) {
        return monthDayTime == null ? null : CraftedDossiers.at(monthDayTime).atOffset(ZoneOffset.UTC);
    }
}
