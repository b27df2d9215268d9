package vn.motcua.monitoring;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.monitoring.internal.Figures;

/**
 * The indicator rules written the naive way, independently of the SQL: every dossier of the units read into Java, its
 * end taken from the audit trail (the first record entering 9), each rule applied row by row. A cross-check of
 * {@code IndicatorQueries} on generated data, and the baseline of the benchmark.
 */
final class NaiveIndicators {
    private NaiveIndicators() { }

    /**
     * The figures of the dossiers of the units whose tree path starts with {@code treePath} for the period
     * [{@code from}, {@code asOf}), electronic results and attachments left out (procedure-dependent).
     */
    static Figures figures(JdbcTemplate jdbc, String treePath, Instant from, Instant asOf) {
        Map<Long, Instant> firstProcessed = new HashMap<>();
        jdbc.query("""
                select e.dossier_id, e.occurred_at from dossier_event e join dossier d on d.id = e.dossier_id
                join org_unit u on u.id = d.unit_id where e.status_after = 9 and u.tree_path like ?""", rs -> {
            Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
            firstProcessed.merge(rs.getLong(1), at, (a, b) -> a.isBefore(b) ? a : b);
        }, treePath + "%");
        Map<Long, int[]> ratings = new HashMap<>();
        jdbc.query("""
                select r.dossier_id, r.score, r.complaint from dossier_rating r join dossier d on d.id = r.dossier_id
                join org_unit u on u.id = d.unit_id where u.tree_path like ?""",
                rs -> { ratings.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getBoolean(3) ? 1 : 0}); }, treePath + "%");
        long[] f = new long[16];
        Set<Long> seen = new HashSet<>();
        jdbc.query("""
                select d.* from dossier d join org_unit u on u.id = d.unit_id where u.tree_path like ?""", rs -> {
            long id = rs.getLong("id");
            if (!seen.add(id)) return;
            int status = rs.getInt("status");
            if (status == 1) return;
            Instant received = time(rs.getObject("received_at", OffsetDateTime.class));
            Instant accepted = time(rs.getObject("accepted_at", OffsetDateTime.class));
            Instant due = time(rs.getObject("due_at", OffsetDateTime.class));
            Instant finished = time(rs.getObject("finished_at", OffsetDateTime.class));
            Instant returned = time(rs.getObject("returned_at", OffsetDateTime.class));
            Instant stopped = time(rs.getObject("clock_stopped_at", OffsetDateTime.class));
            Instant paid = time(rs.getObject("paid_at", OffsetDateTime.class));
            Instant start = accepted != null ? accepted : received;
            Instant result = status == 9 || status == 10
                    ? (firstProcessed.containsKey(id) ? firstProcessed.get(id) : finished != null ? finished : returned)
                    : status == 3 || status == 7 ? finished : null;
            Instant end = result != null ? result : status == 8 ? stopped : null;
            if (!start.isBefore(asOf) || (end != null && end.isBefore(from))) return;
            int supplements = rs.getInt("supplement_count");
            boolean onTime;
            if (supplements > 1) onTime = false;
            else if (result != null && result.isBefore(asOf)) onTime = due == null || !result.isAfter(due);
            else if (stopped != null && stopped.isBefore(asOf)) onTime = due == null || !stopped.isAfter(due);
            else onTime = due == null || !due.isBefore(asOf);
            long working = rs.getLong("working_seconds");
            boolean hasWorking = !rs.wasNull();
            boolean processed = (status == 9 || status == 10) && hasWorking && result != null && !result.isBefore(from)
                    && result.isBefore(asOf);
            boolean feePaid = rs.getBigDecimal("fee_amount").signum() > 0 && paid != null && paid.isBefore(asOf);
            int[] rating = ratings.get(id);
            f[0]++;
            if (!start.isBefore(from)) f[1]++;
            if (onTime) f[2]++;
            if (end != null && end.isBefore(asOf)) f[3]++;
            if (processed) { f[4]++; f[5] += working; }
            if ("ONLINE".equals(rs.getString("channel"))) f[6]++;
            if (rs.getBigDecimal("fee_amount").signum() > 0) f[7]++;
            if (feePaid && "ONLINE".equals(rs.getString("payment_method"))) f[8]++;
            if (returned != null && returned.isBefore(asOf)) f[9]++;
            if (rating != null) f[13]++;
            if (rating != null && (rating[1] == 1 || rating[0] <= 2)) f[14]++;
            if (supplements > 1) f[15]++;
        }, treePath + "%");
        return new Figures(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], 0, 0, 0, f[13], f[14], f[15]);
    }

    /** The same figures without what the naive pass leaves out (electronic results, attachments). */
    static Figures comparable(Figures f) {
        return new Figures(f.dossiers(), f.received(), f.onTime(), f.ended(), f.processed(), f.workingSeconds(), f.online(),
                f.feeDue(), f.paidOnline(), f.returned(), 0, 0, 0, f.rated(), f.negative(), f.supplementedTwice());
    }

    private static Instant time(OffsetDateTime value) { return value == null ? null : value.toInstant(); }

    static OffsetDateTime utc(Instant instant) { return instant.atOffset(ZoneOffset.UTC); }
}
