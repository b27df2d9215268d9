package vn.motcua.monitoring.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes generated dossiers with batched JDBC inserts straight into {@code dossier}, {@code dossier_event} (each trail
 * hash-chained as the dossier module chains it, the dossier keeping the last hash), {@code dossier_rating} and
 * {@code dossier_step}, and keeps the code counters ({@code dossier_code_sequence}) ahead of the generated codes.
 * Portable SQL (H2, PostgreSQL). The caller owns the transaction.
 */
@Component
public class HistoryWriter {
    private static final String INSERT_DOSSIER = """
            insert into dossier (code, procedure_code, unit_id, channel, status, applicant_name, form_data, received_at,
              due_at, finished_at, returned_at, created_by, audit_head, accepted_at, clock_stopped_at, stopped_seconds,
              supplement_count, status_reason, extended_due_at, working_seconds, fee_amount, payment_method, paid_at,
              process_instance_id)
            values (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_EVENT = """
            insert into dossier_event (dossier_id, seq, occurred_at, actor, channel, action, status_before, status_after,
              detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    HistoryWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Inserts the dossiers with their trails, ratings and steps; fills in their ids. Answers the events written. */
    public int insert(List<DossierPlan> plans) {
        if (plans.isEmpty()) return 0;
        for (DossierPlan p : plans) chain(p);
        jdbc.batchUpdate(INSERT_DOSSIER, plans, plans.size(), (ps, p) -> {
            if (p.engine) {
                shell(ps, p);
                return;
            }
            int i = 1;
            ps.setString(i++, p.code);
            ps.setString(i++, p.procedureCode);
            ps.setLong(i++, p.unitId);
            ps.setString(i++, p.channel);
            ps.setInt(i++, p.status);
            ps.setString(i++, p.applicantName);
            time(ps, i++, p.receivedAt);
            time(ps, i++, p.dueAt);
            time(ps, i++, p.finishedAt);
            time(ps, i++, p.returnedAt);
            ps.setString(i++, DossierPlan.ACTOR);
            text(ps, i++, p.auditHead);
            time(ps, i++, p.acceptedAt);
            time(ps, i++, p.clockStoppedAt);
            ps.setLong(i++, p.stoppedSeconds);
            ps.setInt(i++, p.supplementCount);
            text(ps, i++, p.statusReason);
            time(ps, i++, p.extendedDueAt);
            if (p.workingSeconds == null) ps.setNull(i++, Types.BIGINT); else ps.setLong(i++, p.workingSeconds);
            ps.setBigDecimal(i++, p.feeAmount == null ? BigDecimal.ZERO : p.feeAmount);
            text(ps, i++, p.paymentMethod);
            time(ps, i++, p.paidAt);
            text(ps, i, p.processInstanceId);
        });
        Map<String, Long> ids = new HashMap<>();
        named.query("select id, code from dossier where code in (:codes)",
                Map.of("codes", plans.stream().map(p -> p.code).toList()),
                rs -> { ids.put(rs.getString("code"), rs.getLong("id")); });
        for (DossierPlan p : plans) p.id = ids.get(p.code);
        return details(plans.stream().filter(p -> !p.engine).toList());
    }

    /** A dossier to be run on the engine, as just received (2): its process moves it from there. */
    private static void shell(PreparedStatement ps, DossierPlan p) throws SQLException {
        int i = 1;
        ps.setString(i++, p.code);
        ps.setString(i++, p.procedureCode);
        ps.setLong(i++, p.unitId);
        ps.setString(i++, p.channel);
        ps.setInt(i++, 2);
        ps.setString(i++, p.applicantName);
        time(ps, i++, p.receivedAt);
        time(ps, i++, p.dueAt);
        for (int k = 0; k < 2; k++) time(ps, i++, null);
        ps.setString(i++, DossierPlan.ACTOR);
        text(ps, i++, null);
        time(ps, i++, null);
        time(ps, i++, null);
        ps.setLong(i++, 0);
        ps.setInt(i++, 0);
        text(ps, i++, null);
        time(ps, i++, null);
        ps.setNull(i++, Types.BIGINT);
        ps.setBigDecimal(i++, p.feeAmount == null ? BigDecimal.ZERO : p.feeAmount);
        text(ps, i++, null);
        time(ps, i++, null);
        text(ps, i, null);
    }

    /** Rewrites dossiers already inserted (run on the engine): their row, trail, rating and steps as planned now. */
    public int rewrite(List<DossierPlan> plans) {
        if (plans.isEmpty()) return 0;
        for (DossierPlan p : plans) chain(p);
        var ids = plans.stream().map(p -> p.id).toList();
        named.update("delete from dossier_event where dossier_id in (:ids)", Map.of("ids", ids));
        named.update("delete from dossier_rating where dossier_id in (:ids)", Map.of("ids", ids));
        named.update("delete from dossier_step where dossier_id in (:ids)", Map.of("ids", ids));
        jdbc.batchUpdate("""
                update dossier set status = ?, due_at = ?, finished_at = ?, returned_at = ?, audit_head = ?,
                  working_seconds = ?, current_step = null, process_instance_id = ?, status_reason = null, version = version + 1
                where id = ?""", plans, plans.size(), (ps, p) -> {
            ps.setInt(1, p.status);
            time(ps, 2, p.dueAt);
            time(ps, 3, p.finishedAt);
            time(ps, 4, p.returnedAt);
            text(ps, 5, p.auditHead);
            if (p.workingSeconds == null) ps.setNull(6, Types.BIGINT); else ps.setLong(6, p.workingSeconds);
            text(ps, 7, p.processInstanceId);
            ps.setLong(8, p.id);
        });
        return details(plans);
    }

    private int details(List<DossierPlan> plans) {
        List<Object[]> events = new ArrayList<>();
        List<Object[]> ratings = new ArrayList<>();
        List<Object[]> steps = new ArrayList<>();
        for (DossierPlan p : plans) {
            int seq = 1;
            String previous = null;
            for (DossierPlan.Event e : p.orderedEvents()) {
                String hash = AuditHash.of(seq, e.at(), DossierPlan.ACTOR, e.channel(), e.action(), e.before(), e.after(),
                        e.detail(), previous);
                events.add(new Object[] {p.id, seq, e.at(), e.channel(), e.action(), e.before(), e.after(), e.detail(),
                        previous, hash});
                previous = hash;
                seq++;
            }
            if (p.rating != null) {
                ratings.add(new Object[] {p.id, p.rating.score(), p.rating.complaint(), p.rating.comment(), p.rating.at()});
            }
            for (DossierPlan.Step s : p.steps) {
                steps.add(new Object[] {p.id, s.taskId(), s.key(), s.name(), s.startedAt(), s.completedAt()});
            }
        }
        jdbc.batchUpdate(INSERT_EVENT, events, events.size(), (ps, e) -> {
            ps.setLong(1, (Long) e[0]);
            ps.setInt(2, (Integer) e[1]);
            time(ps, 3, (Instant) e[2]);
            ps.setString(4, DossierPlan.ACTOR);
            ps.setString(5, (String) e[3]);
            ps.setString(6, (String) e[4]);
            integer(ps, 7, (Integer) e[5]);
            integer(ps, 8, (Integer) e[6]);
            text(ps, 9, (String) e[7]);
            text(ps, 10, (String) e[8]);
            ps.setString(11, (String) e[9]);
        });
        jdbc.batchUpdate("insert into dossier_rating (dossier_id, score, complaint, comment, rated_at) values (?, ?, ?, ?, ?)",
                ratings, Math.max(1, ratings.size()), (ps, r) -> {
                    ps.setLong(1, (Long) r[0]);
                    ps.setInt(2, (Integer) r[1]);
                    ps.setBoolean(3, (Boolean) r[2]);
                    text(ps, 4, (String) r[3]);
                    time(ps, 5, (Instant) r[4]);
                });
        jdbc.batchUpdate("""
                        insert into dossier_step (dossier_id, task_id, step_key, step_name, actor, started_at, completed_at, data)
                        values (?, ?, ?, ?, ?, ?, ?, '{}')""", steps, Math.max(1, steps.size()), (ps, s) -> {
            ps.setLong(1, (Long) s[0]);
            ps.setString(2, (String) s[1]);
            ps.setString(3, (String) s[2]);
            ps.setString(4, (String) s[3]);
            ps.setString(5, DossierPlan.ACTOR);
            time(ps, 6, (Instant) s[4]);
            time(ps, 7, (Instant) s[5]);
        });
        return events.size();
    }

    /** The last hash of the dossier's trail, kept on the dossier row. */
    private static void chain(DossierPlan p) {
        String previous = null;
        int seq = 1;
        for (DossierPlan.Event e : p.orderedEvents()) {
            previous = AuditHash.of(seq++, e.at(), DossierPlan.ACTOR, e.channel(), e.action(), e.before(), e.after(),
                    e.detail(), previous);
        }
        p.auditHead = previous;
    }

    /** The code counters of these units and days: unit id → day → last value. */
    public Map<Long, Map<LocalDate, Integer>> counters(LocalDate from, LocalDate to) {
        Map<Long, Map<LocalDate, Integer>> result = new HashMap<>();
        jdbc.query("select unit_id, receipt_day, last_value from dossier_code_sequence where receipt_day between ? and ?",
                rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getObject(2, LocalDate.class), rs.getInt(3));
                }, from, to);
        return result;
    }

    /** Sets the counters to the last sequence used, creating those that do not exist. */
    public void saveCounters(Map<Long, Map<LocalDate, Integer>> used, Map<Long, Map<LocalDate, Integer>> existing) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        used.forEach((unit, days) -> days.forEach((day, last) -> {
            boolean known = existing.getOrDefault(unit, Map.of()).containsKey(day);
            (known ? updates : inserts).add(known ? new Object[] {last, unit, day} : new Object[] {unit, day, last});
        }));
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("update dossier_code_sequence set last_value = ? where unit_id = ? and receipt_day = ? and last_value < ?",
                    updates, updates.size(), (ps, u) -> {
                        ps.setInt(1, (Integer) u[0]);
                        ps.setLong(2, (Long) u[1]);
                        ps.setObject(3, u[2]);
                        ps.setInt(4, (Integer) u[0]);
                    });
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into dossier_code_sequence (unit_id, receipt_day, last_value) values (?, ?, ?)",
                    inserts, inserts.size(), (ps, u) -> {
                        ps.setLong(1, (Long) u[0]);
                        ps.setObject(2, u[1]);
                        ps.setInt(3, (Integer) u[2]);
                    });
        }
    }

    /** How many dossiers exist. */
    public long dossierCount() {
        Long n = jdbc.queryForObject("select count(*) from dossier", Long.class);
        return n == null ? 0 : n;
    }

    private static void time(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static void text(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) ps.setNull(index, Types.VARCHAR); else ps.setString(index, value);
    }

    private static void integer(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) ps.setNull(index, Types.INTEGER); else ps.setInt(index, value);
    }
}
