package vn.motcua.organisation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitKind;
import vn.motcua.organisation.UnitLevel;

@Repository
public class UnitRepository {
    private static final String COLUMNS = "id, identifier, name, name_en, unit_level, parent_id, tree_path, active, kind, closed_on";
    private final JdbcClient jdbc;

    public UnitRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    public List<Unit> findAll() {
        return jdbc.sql("select " + COLUMNS + " from org_unit order by tree_path").query(UnitRepository::map).list();
    }

    public Optional<Unit> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where id = ?").param(id).query(UnitRepository::map).optional();
    }

    public Optional<Unit> findByIdentifier(String identifier) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where identifier = ?").param(identifier)
                .query(UnitRepository::map).optional();
    }

    public Unit insert(String identifier, String name, String nameEn, UnitLevel level, UnitKind kind, Unit parent) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (identifier, name, name_en, unit_level, kind, parent_id, tree_path, active) values (?, ?, ?, ?, ?, ?, ?, true)")
                .params(identifier, name, nameEn, level.name(), kind.name(), parent == null ? null : parent.id(), "/")
                .update(keys, "id");
        long id = keys.getKey().longValue();
        String path = (parent == null ? "/" : parent.treePath()) + id + "/";
        jdbc.sql("update org_unit set tree_path = ? where id = ?").params(path, id).update();
        return findById(id).orElseThrow();
    }

    /** Changes a unit's names, level and kind, and moves it (with its subtree) under {@code parent}. */
    public Unit update(Unit unit, String name, String nameEn, UnitLevel level, UnitKind kind, Unit parent) {
        jdbc.sql("update org_unit set name = ?, name_en = ?, unit_level = ?, kind = ?, parent_id = ? where id = ?")
                .params(name, nameEn, level.name(), kind.name(), parent == null ? null : parent.id(), unit.id()).update();
        String newPath = (parent == null ? "/" : parent.treePath()) + unit.id() + "/";
        if (!newPath.equals(unit.treePath())) {
            // every unit of the subtree keeps its path below the moved unit
            jdbc.sql("update org_unit set tree_path = ? || substring(tree_path from ?) where tree_path like ?")
                    .params(newPath, unit.treePath().length() + 1, unit.treePath() + "%").update();
        }
        return findById(unit.id()).orElseThrow();
    }

    public void close(long id, LocalDate on) {
        jdbc.sql("update org_unit set active = false, closed_on = ? where id = ?").params(on, id).update();
    }

    public void reopen(long id) {
        jdbc.sql("update org_unit set active = true, closed_on = null, successor_id = null where id = ?").param(id).update();
    }

    /** Closes a merged unit on its day, with the unit that carries on its work. */
    public void closeInto(long id, long successorId, LocalDate on) {
        jdbc.sql("update org_unit set active = false, closed_on = ?, successor_id = ? where id = ?")
                .params(on, successorId, id).update();
    }

    /** The unit a merged unit's work went to, if it was merged. */
    public Optional<Unit> successorOf(long id) {
        return jdbc.sql("select s.id from org_unit u join org_unit s on s.id = u.successor_id where u.id = ?").param(id)
                .query(Long.class).optional().flatMap(this::findById);
    }

    /**
     * Moves every user of a unit to another one, those appointed there and those who also work there; returns their
     * usernames. A person who worked for both works for the other one once.
     */
    public List<String> moveUsers(long from, long to) {
        var names = jdbc.sql("""
                        select username from app_user where unit_id = ?
                        union select username from app_user_unit where unit_id = ? order by username""")
                .params(from, from).query(String.class).list();
        jdbc.sql("update app_user set unit_id = ? where unit_id = ?").params(to, from).update();
        jdbc.sql("""
                delete from app_user_unit where unit_id = ?
                  and (username in (select username from app_user where unit_id = ?)
                    or username in (select o.username from app_user_unit o where o.unit_id = ?))""")
                .params(from, to, to).update();
        jdbc.sql("update app_user_unit set unit_id = ? where unit_id = ?").params(to, from).update();
        jdbc.sql("delete from app_user_unit where unit_id = ? and username in (select username from app_user where unit_id = ?)")
                .params(to, to).update();
        return names;
    }

    public void recordMerge(long unitId, long successorId, LocalDate on, java.time.Instant at, String by, String report) {
        jdbc.sql("insert into unit_merge (unit_id, successor_id, effective_on, merged_at, merged_by, report) values (?, ?, ?, ?, ?, ?)")
                .params(unitId, successorId, on, at.atOffset(java.time.ZoneOffset.UTC), by, report).update();
    }

    /** A merge planned for a day to come, and what became of it. */
    public record ScheduledMergeRow(long id, long unitId, String unit, long successorId, String successor, LocalDate effectiveOn,
                                    String scheduledBy, java.time.Instant scheduledAt, String state, String outcome,
                                    java.time.Instant doneAt) { }

    /** A planned merge with the identifiers of its two units ({@code m} the plan, {@code u} the unit, {@code s} its successor). */
    private static final String SCHEDULED = "select m.id, m.unit_id, u.identifier as unit_identifier, m.successor_id, "
            + "s.identifier as successor_identifier, m.effective_on, m.scheduled_by, m.scheduled_at, m.state, m.outcome, m.done_at "
            + "from unit_merge_scheduled m "
            + "join org_unit u on u.id = m.unit_id join org_unit s on s.id = m.successor_id";

    public void scheduleMerge(long unitId, long successorId, LocalDate on, String by, java.time.Instant at) {
        jdbc.sql("insert into unit_merge_scheduled (unit_id, successor_id, effective_on, scheduled_by, scheduled_at, state) "
                        + "values (?, ?, ?, ?, ?, 'PENDING')")
                .params(unitId, successorId, on, by, at.atOffset(java.time.ZoneOffset.UTC)).update();
    }

    /** The unit's merge still waiting for its day, if any. */
    public java.util.Optional<ScheduledMergeRow> pendingMerge(long unitId) {
        return jdbc.sql(SCHEDULED + " where m.unit_id = ? and m.state = 'PENDING'")
                .param(unitId).query((rs, n) -> scheduled(rs)).optional();
    }

    /** Every planned merge, the latest day first. */
    public List<ScheduledMergeRow> scheduledMerges() {
        return jdbc.sql(SCHEDULED + " order by m.effective_on desc, m.id desc")
                .query((rs, n) -> scheduled(rs)).list();
    }

    /** The merges whose day has come, in the order of their days. */
    public List<ScheduledMergeRow> dueMerges(LocalDate today) {
        return jdbc.sql(SCHEDULED + " where m.state = 'PENDING' and m.effective_on <= ? order by m.effective_on, m.id").param(today).query((rs, n) -> scheduled(rs)).list();
    }

    /**
     * Ends a planned merge (DONE, FAILED or CANCELLED) if it is still waiting: one atomic update, which only one
     * node wins. True when this caller ended it.
     */
    public boolean endScheduledMerge(long id, String state, String outcome, java.time.Instant at) {
        return jdbc.sql("update unit_merge_scheduled set state = ?, outcome = ?, done_at = ? where id = ? and state = 'PENDING'")
                .params(state, outcome == null || outcome.length() <= 1000 ? outcome : outcome.substring(0, 1000),
                        at.atOffset(java.time.ZoneOffset.UTC), id).update() == 1;
    }

    /** What a planned merge that was carried out moved. */
    public void setScheduledOutcome(long id, String outcome) {
        jdbc.sql("update unit_merge_scheduled set outcome = ? where id = ?")
                .params(outcome == null || outcome.length() <= 1000 ? outcome : outcome.substring(0, 1000), id).update();
    }

    private static ScheduledMergeRow scheduled(java.sql.ResultSet rs) throws java.sql.SQLException {
        var done = rs.getObject("done_at", java.time.OffsetDateTime.class);
        return new ScheduledMergeRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_identifier"),
                rs.getLong("successor_id"), rs.getString("successor_identifier"), rs.getObject("effective_on", LocalDate.class),
                rs.getString("scheduled_by"),
                rs.getObject("scheduled_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("state"),
                rs.getString("outcome"), done == null ? null : done.toInstant());
    }

    public void delete(long id) {
        jdbc.sql("delete from org_unit where id = ?").param(id).update();
    }

    public int countChildren(long id) {
        return jdbc.sql("select count(*) from org_unit where parent_id = ?").param(id).query(Integer.class).single();
    }

    /** Open units below {@code unit} (not the unit itself). */
    public int countOpenBelow(Unit unit) {
        return jdbc.sql("select count(*) from org_unit where active = true and id <> ? and tree_path like ?")
                .params(unit.id(), unit.treePath() + "%").query(Integer.class).single();
    }

    public int countUsers(long id) {
        return jdbc.sql("select (select count(*) from app_user where unit_id = ?) + (select count(*) from app_user_unit where unit_id = ?)")
                .params(id, id).query(Integer.class).single();
    }

    private static Unit map(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        var closed = rs.getObject("closed_on", LocalDate.class);
        return new Unit(rs.getLong("id"), rs.getString("identifier"), rs.getString("name"), rs.getString("name_en"),
                UnitLevel.valueOf(rs.getString("unit_level")), parentId, rs.getString("tree_path"), rs.getBoolean("active"),
                UnitKind.valueOf(rs.getString("kind")), closed);
    }
}
