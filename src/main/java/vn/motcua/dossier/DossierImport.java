package vn.motcua.dossier;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way into the dossier tables besides the desk: writes dossiers whose past is given ({@link ImportedDossier}:
 * the demo history, an import from another one-stop system), with their audit trails chained by the one
 * {@link AuditTrail} (they verify like any other), their steps and ratings, and keeps the receiving units' code
 * counters at or above the imported codes, so that the desk never hands out an imported code again. Built for
 * volume: each call is one transaction of JDBC batches (a thousand dossiers a call is a good size). The system's
 * alone ({@code ROLE_SYSTEM}, see {@code SystemAccess}); no person imports. Portable SQL (H2, PostgreSQL).
 *
 * <p>Nothing is published for the imported dossiers (no notification, no search entry: the search back-fill finds
 * them), and no process is started: a dossier to be run on the engine is imported as received and its process
 * started by the caller, which then {@linkplain #replaceHistory replaces} its history by the one the engine recorded.
 */
@Service
public class DossierImport {
    private static final String INSERT_DOSSIER = """
            insert into dossier (code, procedure_code, unit_id, channel, status, applicant_name, applicant_id_number,
              applicant_phone, applicant_email, applicant_address, form_data, received_at, due_at, finished_at,
              returned_at, created_by, audit_head, accepted_at, clock_stopped_at, stopped_seconds, supplement_count,
              status_reason, extended_due_at, working_seconds, fee_amount, payment_method, paid_at, process_instance_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE_DOSSIER = """
            update dossier set channel = ?, status = ?, applicant_name = ?, applicant_id_number = ?, applicant_phone = ?,
              applicant_email = ?, applicant_address = ?, received_at = ?, due_at = ?, finished_at = ?, returned_at = ?,
              audit_head = ?, accepted_at = ?, clock_stopped_at = ?, stopped_seconds = ?, supplement_count = ?,
              status_reason = ?, extended_due_at = ?, working_seconds = ?, fee_amount = ?, payment_method = ?,
              paid_at = ?, process_instance_id = ?, current_step = null, version = version + 1
            where id = ?""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AuditTrail audit;

    DossierImport(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.audit = audit;
    }

    /**
     * Writes the dossiers, their audit trails, steps and ratings, and moves the code counters of their units and
     * receipt days up to their codes, all or nothing. Answers the audit records written.
     *
     * @throws IllegalArgumentException when a code is given twice, exists already, or does not start with the
     *                                  identifier of its unit, or a unit does not exist (nothing is written)
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public int importDossiers(List<ImportedDossier> dossiers) {
        if (dossiers.isEmpty()) return 0;
        checkUnits(dossiers);
        var codes = new HashSet<String>();
        for (ImportedDossier d : dossiers) {
            if (!codes.add(d.code())) throw new IllegalArgumentException("dossier code given twice: " + d.code());
        }
        if (!ids(dossiers).isEmpty()) throw new IllegalArgumentException("a dossier with one of these codes exists already");
        Map<String, List<AuditEntry>> trails = trails(dossiers);
        jdbc.batchUpdate(INSERT_DOSSIER, dossiers, dossiers.size(), (ps, d) -> {
            int i = 1;
            ps.setString(i++, d.code());
            ps.setString(i++, d.procedureCode());
            ps.setLong(i++, d.unitId());
            ps.setString(i++, d.channel().name());
            ps.setInt(i++, d.status().code());
            i = applicant(ps, i, d.applicant());
            i = dates(ps, i, d);
            ps.setString(i++, d.createdBy());
            text(ps, i++, AuditTrail.head(trails.get(d.code())));
            facts(ps, i, d);
        });
        Map<String, Long> ids = ids(dossiers);
        int events = writeDetails(dossiers, ids, trails);
        advanceCounters(dossiers);
        return events;
    }

    /**
     * Replaces the history of dossiers this import wrote (the same author, {@link ImportedDossier#createdBy}) by the
     * one given: their row, audit trail (chained afresh), steps and rating; their code, procedure and unit stay. For
     * a dossier run on the engine after its import, whose process left records of the moment it ran. Answers the
     * audit records written.
     *
     * @throws IllegalArgumentException when a dossier does not exist, another author wrote it, or its unit or
     *                                  procedure differs (nothing is changed)
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public int replaceHistory(List<ImportedDossier> dossiers) {
        if (dossiers.isEmpty()) return 0;
        Map<String, Map<String, Object>> stored = new HashMap<>();
        named.query("select id, code, created_by, unit_id, procedure_code from dossier where code in (:codes)",
                Map.of("codes", dossiers.stream().map(ImportedDossier::code).toList()),
                rs -> {
                    stored.put(rs.getString("code"), Map.of("id", rs.getLong("id"), "createdBy", rs.getString("created_by"),
                            "unit", rs.getLong("unit_id"), "procedure", rs.getString("procedure_code")));
                });
        Map<String, Long> ids = new LinkedHashMap<>();
        for (ImportedDossier d : dossiers) {
            var row = stored.get(d.code());
            if (row == null) throw new IllegalArgumentException("no dossier " + d.code());
            if (!d.createdBy().equals(row.get("createdBy"))) {
                throw new IllegalArgumentException("dossier " + d.code() + " was not written by " + d.createdBy());
            }
            if (!row.get("unit").equals(d.unitId()) || !row.get("procedure").equals(d.procedureCode())) {
                throw new IllegalArgumentException("dossier " + d.code() + " has another unit or procedure");
            }
            if (ids.put(d.code(), (Long) row.get("id")) != null) {
                throw new IllegalArgumentException("dossier code given twice: " + d.code());
            }
        }
        var idList = List.copyOf(ids.values());
        named.update("delete from dossier_event where dossier_id in (:ids)", Map.of("ids", idList));
        named.update("delete from dossier_rating where dossier_id in (:ids)", Map.of("ids", idList));
        named.update("delete from dossier_step where dossier_id in (:ids)", Map.of("ids", idList));
        named.update("delete from dossier_component_check where dossier_id in (:ids)", Map.of("ids", idList));
        Map<String, List<AuditEntry>> trails = trails(dossiers);
        jdbc.batchUpdate(UPDATE_DOSSIER, dossiers, dossiers.size(), (ps, d) -> {
            int i = 1;
            ps.setString(i++, d.channel().name());
            ps.setInt(i++, d.status().code());
            i = applicant(ps, i, d.applicant());
            i = dates(ps, i, d);
            text(ps, i++, AuditTrail.head(trails.get(d.code())));
            i = facts(ps, i, d);
            ps.setLong(i, ids.get(d.code()));
        });
        return writeDetails(dossiers, ids, trails);
    }

    /**
     * The code counters of the units for the receipt days from {@code from} to {@code to}: unit id → day → the last
     * sequence handed out. An import numbering new codes continues from these.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional(readOnly = true)
    public Map<Long, Map<LocalDate, Integer>> codeCounters(LocalDate from, LocalDate to) {
        Map<Long, Map<LocalDate, Integer>> result = new HashMap<>();
        jdbc.query("select unit_id, receipt_day, last_value from dossier_code_sequence where receipt_day between ? and ?",
                rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getObject(2, LocalDate.class), rs.getInt(3));
                }, from, to);
        return result;
    }

    /** How many dossiers exist (an import of demo data goes into an empty database only). */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional(readOnly = true)
    public long dossierCount() {
        Long n = jdbc.queryForObject("select count(*) from dossier", Long.class);
        return n == null ? 0 : n;
    }

    private void checkUnits(List<ImportedDossier> dossiers) {
        Map<Long, String> identifiers = new HashMap<>();
        named.query("select id, identifier from org_unit where id in (:ids)",
                Map.of("ids", dossiers.stream().map(ImportedDossier::unitId).distinct().toList()),
                rs -> { identifiers.put(rs.getLong(1), rs.getString(2)); });
        for (ImportedDossier d : dossiers) {
            String identifier = identifiers.get(d.unitId());
            if (identifier == null) throw new IllegalArgumentException("no unit " + d.unitId() + " for " + d.code());
            if (!identifier.equals(d.unitIdentifier())) {
                throw new IllegalArgumentException("dossier " + d.code() + " is not a code of unit " + identifier);
            }
        }
    }

    private Map<String, Long> ids(List<ImportedDossier> dossiers) {
        Map<String, Long> ids = new HashMap<>();
        named.query("select id, code from dossier where code in (:codes)",
                Map.of("codes", dossiers.stream().map(ImportedDossier::code).toList()),
                rs -> { ids.put(rs.getString("code"), rs.getLong("id")); });
        return ids;
    }

    private Map<String, List<AuditEntry>> trails(List<ImportedDossier> dossiers) {
        Map<String, List<AuditEntry>> trails = new HashMap<>();
        for (ImportedDossier d : dossiers) {
            trails.put(d.code(), audit.chain(d.events().stream().map(e -> new AuditTrail.Occurrence(e.at(), e.actor(),
                    e.channel().name(), e.action(), e.before() == null ? null : e.before().code(),
                    e.after() == null ? null : e.after().code(), e.detail())).toList()));
        }
        return trails;
    }

    /** The trails, steps, ratings and paper checks of dossiers that have none. */
    private int writeDetails(List<ImportedDossier> dossiers, Map<String, Long> ids, Map<String, List<AuditEntry>> trails) {
        Map<Long, List<AuditEntry>> byId = new LinkedHashMap<>();
        List<Object[]> ratings = new ArrayList<>();
        List<Object[]> steps = new ArrayList<>();
        List<Object[]> checks = new ArrayList<>();
        for (ImportedDossier d : dossiers) {
            long id = Objects.requireNonNull(ids.get(d.code()), d.code());
            byId.put(id, trails.get(d.code()));
            if (d.rating() != null) ratings.add(new Object[] {id, d.rating()});
            for (ImportedDossier.Step s : d.steps()) steps.add(new Object[] {id, s});
            for (CheckedComponent c : d.checkedComponents()) checks.add(new Object[] {id, c});
        }
        if (!checks.isEmpty()) {
            jdbc.batchUpdate("insert into dossier_component_check (dossier_id, component_code, checked_by, checked_at) values (?, ?, ?, ?)",
                    checks, checks.size(), (ps, r) -> {
                        var c = (CheckedComponent) r[1];
                        ps.setLong(1, (Long) r[0]);
                        ps.setString(2, c.componentCode());
                        ps.setString(3, c.checkedBy());
                        time(ps, 4, c.checkedAt());
                    });
        }
        int events = audit.writeTrails(byId);
        if (!ratings.isEmpty()) {
            jdbc.batchUpdate("insert into dossier_rating (dossier_id, score, complaint, comment, rated_at) values (?, ?, ?, ?, ?)",
                    ratings, ratings.size(), (ps, r) -> {
                        var rating = (ImportedDossier.Rating) r[1];
                        ps.setLong(1, (Long) r[0]);
                        ps.setInt(2, rating.score());
                        ps.setBoolean(3, rating.complaint());
                        text(ps, 4, rating.comment());
                        time(ps, 5, rating.at());
                    });
        }
        if (!steps.isEmpty()) {
            jdbc.batchUpdate("""
                            insert into dossier_step (dossier_id, task_id, step_key, step_name, actor, started_at, completed_at, data)
                            values (?, ?, ?, ?, ?, ?, ?, '{}')""", steps, steps.size(), (ps, r) -> {
                var s = (ImportedDossier.Step) r[1];
                ps.setLong(1, (Long) r[0]);
                ps.setString(2, s.taskId());
                ps.setString(3, s.key());
                ps.setString(4, s.name());
                ps.setString(5, s.actor());
                time(ps, 6, s.startedAt());
                time(ps, 7, s.completedAt());
            });
        }
        return events;
    }

    /** Moves each unit's counter of each receipt day up to the highest imported sequence, creating missing ones. */
    private void advanceCounters(List<ImportedDossier> dossiers) {
        record Key(long unit, LocalDate day) { }
        Map<Key, Integer> highest = new HashMap<>();
        for (ImportedDossier d : dossiers) highest.merge(new Key(d.unitId(), d.receiptDay()), d.sequence(), Math::max);
        LocalDate first = highest.keySet().stream().map(Key::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = highest.keySet().stream().map(Key::day).max(LocalDate::compareTo).orElseThrow();
        var existing = new HashSet<Key>();
        named.query("""
                        select unit_id, receipt_day from dossier_code_sequence
                        where unit_id in (:units) and receipt_day between :first and :last""",
                Map.of("units", highest.keySet().stream().map(Key::unit).distinct().toList(), "first", first, "last", last),
                rs -> { existing.add(new Key(rs.getLong(1), rs.getObject(2, LocalDate.class))); });
        List<Map.Entry<Key, Integer>> updates = new ArrayList<>();
        List<Map.Entry<Key, Integer>> inserts = new ArrayList<>();
        highest.entrySet().forEach(e -> (existing.contains(e.getKey()) ? updates : inserts).add(e));
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("update dossier_code_sequence set last_value = ? where unit_id = ? and receipt_day = ? and last_value < ?",
                    updates, updates.size(), (ps, e) -> {
                        ps.setInt(1, e.getValue());
                        ps.setLong(2, e.getKey().unit());
                        ps.setObject(3, e.getKey().day());
                        ps.setInt(4, e.getValue());
                    });
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into dossier_code_sequence (unit_id, receipt_day, last_value) values (?, ?, ?)",
                    inserts, inserts.size(), (ps, e) -> {
                        ps.setLong(1, e.getKey().unit());
                        ps.setObject(2, e.getKey().day());
                        ps.setInt(3, e.getValue());
                    });
        }
    }

    private static int applicant(PreparedStatement ps, int i, Applicant a) throws SQLException {
        ps.setString(i++, a.fullName());
        text(ps, i++, a.idNumber());
        text(ps, i++, a.phone());
        text(ps, i++, a.email());
        text(ps, i++, a.address());
        return i;
    }

    private static int dates(PreparedStatement ps, int i, ImportedDossier d) throws SQLException {
        var dates = d.dates();
        time(ps, i++, dates.receivedAt());
        time(ps, i++, dates.dueAt());
        time(ps, i++, dates.finishedAt());
        time(ps, i++, dates.returnedAt());
        return i;
    }

    /** From accepted_at to process_instance_id, as both statements list them. */
    private static int facts(PreparedStatement ps, int i, ImportedDossier d) throws SQLException {
        var f = d.facts();
        time(ps, i++, d.dates().acceptedAt());
        time(ps, i++, f.clockStoppedAt());
        ps.setLong(i++, f.stoppedSeconds());
        ps.setInt(i++, f.supplementCount());
        text(ps, i++, f.statusReason());
        time(ps, i++, d.dates().extendedDueAt());
        if (f.workingSeconds() == null) ps.setNull(i++, Types.BIGINT); else ps.setLong(i++, f.workingSeconds());
        ps.setBigDecimal(i++, f.feeAmount() == null ? BigDecimal.ZERO : f.feeAmount());
        text(ps, i++, f.paymentMethod());
        time(ps, i++, f.paidAt());
        text(ps, i++, d.processInstanceId());
        return i;
    }

    private static void time(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setObject(index, DossierRepository.utc(instant));
    }

    private static void text(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) ps.setNull(index, Types.VARCHAR); else ps.setString(index, value);
    }
}
