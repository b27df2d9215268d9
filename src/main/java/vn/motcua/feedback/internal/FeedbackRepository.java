package vn.motcua.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.feedback.Feedback;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.feedback.FeedbackVerdict;

/** The {@code feedback} tables: feedback, the day's reference counter. */
@Repository
public class FeedbackRepository {
    private static final String SELECT = """
            select id, reference, body, contact, owner_username, dossier_code, unit_id, unit_tree_path, status, received_at,
                   due_at, taken_by, taken_at, answer, answered_by, answered_at, verdict, judged_at from feedback""";

    /** Which feedback a caller may read: every one, a unit's subtree, one unit, one citizen's. */
    public record Scope(String treePrefix, Long unitId, String owner, boolean all) {
        public static Scope everything() { return new Scope(null, null, null, true); }
        public static Scope subtree(String treePath) { return new Scope(treePath, null, null, false); }
        public static Scope unit(long unitId) { return new Scope(null, unitId, null, false); }
        public static Scope owner(String username) { return new Scope(null, null, username, false); }

        public boolean includes(Feedback f) {
            if (all) return true;
            if (treePrefix != null) return f.unitTreePath().startsWith(treePrefix);
            if (unitId != null) return unitId == f.unitId();
            return owner != null && owner.equals(f.ownerUsername());
        }

        void appendTo(StringBuilder sql, List<Object> params) {
            if (all) return;
            if (treePrefix != null) { sql.append(" and unit_tree_path like ?"); params.add(treePrefix + "%"); }
            else if (unitId != null) { sql.append(" and unit_id = ?"); params.add(unitId); }
            else if (owner != null) { sql.append(" and owner_username = ?"); params.add(owner); }
            else sql.append(" and 1 = 0");
        }
    }

    private final JdbcClient jdbc;

    FeedbackRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** The next sequence number of the day, under the day's row lock until the transaction ends. */
    public int nextNumber(LocalDate day) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.sql("update feedback_counter set last_number = last_number + 1 where counter_day = ?").param(day).update();
            if (updated == 0) {
                try {
                    jdbc.sql("insert into feedback_counter (counter_day, last_number) values (?, 1)").params(day).update();
                    return 1;
                } catch (DuplicateKeyException concurrent) {
                    continue; // someone else started the day at the same moment: take the next number after theirs
                }
            }
            return jdbc.sql("select last_number from feedback_counter where counter_day = ?").param(day).query(Integer.class).single();
        }
        throw new IllegalStateException("no feedback number for " + day);
    }

    public long insert(String reference, String text, String contact, String contactKey, String owner, Long dossierId,
                       String dossierCode, long unitId, String unitTreePath, Instant receivedAt, Instant dueAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into feedback (reference, body, contact, contact_key, owner_username, dossier_id, dossier_code,
                          unit_id, unit_tree_path, status, received_at, due_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reference, text, contact, contactKey, owner, dossierId, dossierCode, unitId, unitTreePath,
                        FeedbackStatus.NEW.name(), utc(receivedAt), utc(dueAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Feedback> find(String reference) {
        return jdbc.sql(SELECT + " where reference = ?").param(reference).query(FeedbackRepository::map).optional();
    }

    /** The feedback of this reference, its row locked until the transaction ends. */
    public Optional<Feedback> lock(String reference) {
        return jdbc.sql(SELECT + " where reference = ? for update").param(reference).query(FeedbackRepository::map).optional();
    }

    /** The contact key kept for a public look-up, or empty (none, or no such reference). */
    public Optional<String> contactKey(String reference) {
        return jdbc.sql("select contact_key from feedback where reference = ?").param(reference).query(String.class)
                .optional();
    }

    public void take(long id, String username, Instant at) {
        jdbc.sql("update feedback set status = ?, taken_by = ?, taken_at = ? where id = ?")
                .params(FeedbackStatus.IN_PROGRESS.name(), username, utc(at), id).update();
    }

    public void answer(long id, String text, String username, Instant at) {
        jdbc.sql("""
                        update feedback set status = ?, answer = ?, answered_by = ?, answered_at = ?,
                          taken_by = coalesce(taken_by, ?), taken_at = coalesce(taken_at, ?) where id = ?""")
                .params(FeedbackStatus.ANSWERED.name(), text, username, utc(at), username, utc(at), id).update();
    }

    /** Records the sender's verdict on the answer unless one is recorded already: false then. */
    public boolean judge(long id, FeedbackVerdict verdict, Instant at) {
        return jdbc.sql("update feedback set verdict = ?, judged_at = ? where id = ? and verdict is null")
                .params(verdict.name(), utc(at), id).update() == 1;
    }

    /** A page of the scope's feedback, optionally of one status: oldest due first, then by id. */
    public List<Feedback> page(Scope scope, FeedbackStatus status, int page, int size) {
        var sql = new StringBuilder(SELECT).append(" where 1 = 1");
        var params = new ArrayList<Object>();
        scope.appendTo(sql, params);
        if (status != null) { sql.append(" and status = ?"); params.add(status.name()); }
        sql.append(status == FeedbackStatus.ANSWERED ? " order by answered_at desc, id desc" : " order by due_at, id");
        sql.append(" limit ? offset ?");
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql(sql.toString()).params(params).query(FeedbackRepository::map).list();
    }

    /** How many of the scope's feedback are in each status (every status present, 0 when none). */
    public Map<FeedbackStatus, Long> counts(Scope scope) {
        var sql = new StringBuilder("select status, count(*) from feedback where 1 = 1");
        var params = new ArrayList<Object>();
        scope.appendTo(sql, params);
        sql.append(" group by status");
        Map<FeedbackStatus, Long> counts = new EnumMap<>(FeedbackStatus.class);
        for (FeedbackStatus s : FeedbackStatus.values()) counts.put(s, 0L);
        jdbc.sql(sql.toString()).params(params).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> FeedbackStatus.ofKey(e.getKey()).ifPresent(s -> counts.put(s, e.getValue())));
        return counts;
    }

    /**
     * Feedback received in {@code [from, to)} at the units of this tree path's subtree (every unit when null), of a unit
     * of this level (any when null), about a dossier of these procedures (when not null; feedback about no dossier is
     * then left out): {@code [on time, all, handled well]}, on time being answered by its due date or, unanswered,
     * {@code to} still within it; handled well: on time and not judged unsatisfactory by its sender before {@code to}.
     */
    public long[] onTime(String treePrefix, Instant from, Instant to, List<String> procedureCodes, String level) {
        String onTime = "(f.answered_at is not null and f.answered_at <= f.due_at) or (f.answered_at is null and f.due_at >= ?)";
        var sql = new StringBuilder("select count(*) as total, coalesce(sum(case when " + onTime
                + " then 1 else 0 end), 0) as on_time, coalesce(sum(case when f.verdict = ? and f.judged_at < ? then 0 when "
                + onTime + " then 1 else 0 end), 0) as handled from feedback f where f.received_at >= ? and f.received_at < ?");
        var params = new ArrayList<Object>(List.of(utc(to), FeedbackVerdict.UNSATISFIED.name(), utc(to), utc(to), utc(from), utc(to)));
        if (treePrefix != null) { sql.append(" and f.unit_tree_path like ?"); params.add(treePrefix + "%"); }
        if (level != null) { sql.append(" and f.unit_id in (select u.id from org_unit u where u.unit_level = ?)"); params.add(level); }
        if (procedureCodes != null) {
            if (procedureCodes.isEmpty()) return new long[] {0, 0, 0};
            sql.append(" and f.dossier_id in (select d.id from dossier d where d.procedure_code in (")
                    .append(String.join(", ", java.util.Collections.nCopies(procedureCodes.size(), "?"))).append("))");
            params.addAll(procedureCodes);
        }
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new long[] {rs.getLong("on_time"), rs.getLong("total"), rs.getLong("handled")}).single();
    }

    public long count(Scope scope, FeedbackStatus status) {
        var sql = new StringBuilder("select count(*) from feedback where 1 = 1");
        var params = new ArrayList<Object>();
        scope.appendTo(sql, params);
        if (status != null) { sql.append(" and status = ?"); params.add(status.name()); }
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static Feedback map(ResultSet rs, int n) throws SQLException {
        return new Feedback(rs.getLong("id"), rs.getString("reference"), rs.getString("body"), rs.getString("contact"),
                rs.getString("owner_username"), rs.getString("dossier_code"), rs.getLong("unit_id"),
                rs.getString("unit_tree_path"), FeedbackStatus.valueOf(rs.getString("status")), instant(rs, "received_at"),
                instant(rs, "due_at"), rs.getString("taken_by"), instant(rs, "taken_at"), rs.getString("answer"),
                rs.getString("answered_by"), instant(rs, "answered_at"),
                rs.getString("verdict") == null ? null : FeedbackVerdict.valueOf(rs.getString("verdict")),
                instant(rs, "judged_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) { return at == null ? null : at.atOffset(ZoneOffset.UTC); }
}
