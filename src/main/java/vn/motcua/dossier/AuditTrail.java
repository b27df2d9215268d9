package vn.motcua.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Append-only, tamper-evident audit trail: each record's hash covers its content and the previous record's hash, and
 * the dossier row keeps the hash of the last record, so that altering, removing or truncating records is detected.
 */
@Component
class AuditTrail {
    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) { this.jdbc = jdbc; }

    void append(long dossierId, String actor, String channel, String action, DossierStatus before, DossierStatus after,
                String detail) {
        // The dossier row is locked by the caller's update/insert, so appends to one dossier are serialised.
        var last = jdbc.sql("select seq, hash from dossier_event where dossier_id = ? order by seq desc limit 1")
                .param(dossierId).query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)}).optional();
        int seq = last.map(l -> (Integer) l[0] + 1).orElse(1);
        String previous = last.map(l -> (String) l[1]).orElse(null);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Integer b = before == null ? null : before.code();
        Integer a = after == null ? null : after.code();
        String hash = hash(seq, at, actor, channel, action, b, a, detail, previous);
        jdbc.sql("""
                        insert into dossier_event (dossier_id, seq, occurred_at, actor, channel, action, status_before,
                          status_after, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierId, seq, DossierRepository.utc(at), actor, channel, action, b, a, detail, previous, hash)
                .update();
        jdbc.sql("update dossier set audit_head = ? where id = ?").params(hash, dossierId).update();
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
}
