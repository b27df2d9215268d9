package vn.motcua.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Append-only, tamper-evident audit trail: each record's hash covers its content and the previous record's hash, and
 * the dossier row keeps the hash of the last record, so that altering, removing or truncating records is detected.
 * The one implementation of the chain: records appended one at a time as the dossier changes (at the application's
 * clock), and whole trails of imported dossiers chained and written in batches ({@link DossierImport}), verify alike.
 */
@Component
class AuditTrail {
    private static final String INSERT = """
            insert into dossier_event (dossier_id, seq, occurred_at, actor, channel, action, status_before,
              status_after, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** A record to be chained: what happened, when and by whom, with the status before and after. */
    record Occurrence(Instant at, String actor, String channel, String action, Integer before, Integer after,
                      String detail) { }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    void append(long dossierId, String actor, String channel, String action, DossierStatus before, DossierStatus after,
                String detail) {
        // The dossier row is locked by the caller's update/insert, so appends to one dossier are serialised.
        var last = jdbc.sql("select seq, hash from dossier_event where dossier_id = ? order by seq desc limit 1")
                .param(dossierId).query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)}).optional();
        int seq = last.map(l -> (Integer) l[0] + 1).orElse(1);
        String previous = last.map(l -> (String) l[1]).orElse(null);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEntry entry = link(seq, previous, new Occurrence(at, actor, channel, action,
                before == null ? null : before.code(), after == null ? null : after.code(), detail));
        jdbc.sql(INSERT).params(dossierId, entry.seq(), DossierRepository.utc(entry.occurredAt()), entry.actor(),
                entry.channel(), entry.action(), entry.statusBefore(), entry.statusAfter(), entry.detail(),
                entry.previousHash(), entry.hash()).update();
        jdbc.sql("update dossier set audit_head = ? where id = ?").params(entry.hash(), dossierId).update();
    }

    /**
     * A new trail, chained from its first record (1, no previous hash) in the order given: the records as they will
     * be stored (their instants to the microsecond, as the database keeps them), computed and not yet written. The
     * dossier keeps the last one's hash ({@link #head}).
     */
    List<AuditEntry> chain(List<Occurrence> occurrences) {
        List<AuditEntry> trail = new ArrayList<>(occurrences.size());
        String previous = null;
        for (Occurrence o : occurrences) {
            var stored = new Occurrence(o.at().truncatedTo(ChronoUnit.MICROS), o.actor(), o.channel(), o.action(),
                    o.before(), o.after(), o.detail());
            AuditEntry entry = link(trail.size() + 1, previous, stored);
            trail.add(entry);
            previous = entry.hash();
        }
        return trail;
    }

    /** The hash the dossier keeps: that of the trail's last record, null for none. */
    static String head(List<AuditEntry> trail) { return trail.isEmpty() ? null : trail.get(trail.size() - 1).hash(); }

    /**
     * Writes whole trails ({@link #chain}) of dossiers that have none yet, with JDBC batches, in the caller's
     * transaction; the caller keeps each dossier's {@link #head}. Answers the records written.
     */
    int writeTrails(Map<Long, List<AuditEntry>> trails) {
        List<Object[]> rows = new ArrayList<>();
        trails.forEach((dossierId, trail) -> trail.forEach(e -> rows.add(new Object[] {dossierId, e})));
        if (rows.isEmpty()) return 0;
        batch.batchUpdate(INSERT, rows, 1000, (ps, row) -> {
            var e = (AuditEntry) row[1];
            ps.setLong(1, (Long) row[0]);
            ps.setInt(2, e.seq());
            ps.setObject(3, DossierRepository.utc(e.occurredAt()));
            ps.setString(4, e.actor());
            ps.setString(5, e.channel());
            ps.setString(6, e.action());
            integer(ps, 7, e.statusBefore());
            integer(ps, 8, e.statusAfter());
            text(ps, 9, e.detail());
            text(ps, 10, e.previousHash());
            ps.setString(11, e.hash());
        });
        return rows.size();
    }

    List<AuditEntry> history(long dossierId) {
        return jdbc.sql("select * from dossier_event where dossier_id = ? order by seq").param(dossierId)
                .query((rs, n) -> new AuditEntry(rs.getInt("seq"), DossierRepository.instant(rs, "occurred_at"),
                        rs.getString("actor"), rs.getString("channel"), rs.getString("action"),
                        (Integer) rs.getObject("status_before"), (Integer) rs.getObject("status_after"),
                        rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash")))
                .list();
    }

    /** The first broken link of the chain, or null when the trail is intact. */
    String verify(long dossierId) {
        String previous = null;
        int expectedSeq = 1;
        for (AuditEntry e : history(dossierId)) {
            if (e.seq() != expectedSeq) return "record " + expectedSeq + " is missing";
            if (!Objects.equals(previous, e.previousHash())) return "record " + e.seq() + " does not follow record " + (e.seq() - 1);
            String expected = hash(e.seq(), e.occurredAt(), e.actor(), e.channel(), e.action(), e.statusBefore(),
                    e.statusAfter(), e.detail(), e.previousHash());
            if (!expected.equals(e.hash())) return "record " + e.seq() + " was altered";
            previous = e.hash();
            expectedSeq++;
        }
        String head = jdbc.sql("select audit_head from dossier where id = ?").param(dossierId).query(String.class).optional().orElse(null);
        if (!Objects.equals(head, previous)) return "the last records were removed";
        return null;
    }

    /** The record {@code seq} following the one whose hash is {@code previous}. */
    private static AuditEntry link(int seq, String previous, Occurrence o) {
        String hash = hash(seq, o.at(), o.actor(), o.channel(), o.action(), o.before(), o.after(), o.detail(), previous);
        return new AuditEntry(seq, o.at(), o.actor(), o.channel(), o.action(), o.before(), o.after(), o.detail(),
                previous, hash);
    }

    private static String hash(int seq, Instant at, String actor, String channel, String action, Integer before,
                               Integer after, String detail, String previous) {
        String canonical = String.join("\u001f", String.valueOf(seq), at.toString(), actor, channel, action,
                String.valueOf(before), String.valueOf(after), String.valueOf(detail), String.valueOf(previous));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void text(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) ps.setNull(index, Types.VARCHAR); else ps.setString(index, value);
    }

    private static void integer(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) ps.setNull(index, Types.INTEGER); else ps.setInt(index, value);
    }
}
