package vn.motcua.tasklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.shared.DeltaCounters;

/**
 * The worklists' read model ({@code work_item}): one row per open user task. Lists are the union of one index range
 * per "whose" branch (the caller's own steps, each of their groups' waiting steps), each already in the asked order
 * and cut at the page's end, so that the first page costs the same at 100 or 100,000 open steps.
 */
@Repository
class WorkItems implements DeltaCounters.Counted {
    /**
     * The open steps counted by who holds or waits for them, paused, who did them before a send-back, and the hour
     * they are due (null when paused).
     */
    static final DeltaCounters.Tally TALLY = new DeltaCounters.Tally("work_tally",
            List.of("assignee", "candidate_group", "unit_identifier", "paused", "returned_to", "due_hour"));

    static final String COLUMNS = """
            task_id, process_instance_id, dossier_code, step_key, name, form_key, procedure_code, candidate_group,
            unit_identifier, assignee, created_at, due_at, follow_up_at, returned_to, paused, dossier_status,
            applicant_name, received_at, channel""";

    /** What a row keeps from its dossier (written once, when the step is created). */
    record DossierSide(String procedureCode, String returnedTo, boolean paused, Integer dossierStatus,
                       String applicantName, Instant receivedAt, String channel, String searchText) { }

    /** One "whose" branch of a list: an SQL condition and its parameters. */
    record Branch(String condition, List<Object> params) { }

    private final JdbcClient jdbc;
    private final DeltaCounters counters;

    WorkItems(JdbcClient jdbc, DeltaCounters counters) {
        this.jdbc = jdbc;
        this.counters = counters;
    }

    @Override
    public DeltaCounters.Tally tally() { return TALLY; }

    /** What a counter reads: the tally's sum where it exists (PostgreSQL), else a count of the rows. */
    private String counted(boolean tallied) {
        return counters.counted(TALLY, "work_item", "w", tallied);
    }

    Optional<DossierSide> dossierSide(String taskId) {
        return jdbc.sql("""
                        select procedure_code, returned_to, paused, dossier_status, applicant_name, received_at, channel,
                               search_text from work_item where task_id = ?""")
                .param(taskId)
                .query((rs, n) -> new DossierSide(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        (Integer) rs.getObject(4), rs.getString(5), instant(rs, 6), rs.getString(7), rs.getString(8)))
                .optional();
    }

    void upsert(WorkItemFacts f, String unit, DossierSide d) {
        int updated = jdbc.sql("""
                        update work_item set name = ?, form_key = ?, candidate_group = ?, unit_identifier = ?, assignee = ?,
                          due_at = ?, follow_up_at = ? where task_id = ?""")
                .params(f.name(), f.formKey(), f.candidateGroup(), unit, f.assignee(), utc(f.dueAt()),
                        utc(f.followUpAt()), f.taskId())
                .update();
        if (updated > 0) return;
        jdbc.sql("insert into work_item (" + COLUMNS + ", search_text) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(f.taskId(), f.processInstanceId(), f.dossierCode(), f.stepKey(), f.name(), f.formKey(),
                        d.procedureCode(), f.candidateGroup(), unit, f.assignee(), utc(f.createdAt()), utc(f.dueAt()),
                        utc(f.followUpAt()), d.returnedTo(), d.paused(), d.dossierStatus(), d.applicantName(),
                        utc(d.receivedAt()), d.channel(), d.searchText())
                .update();
    }

    void delete(String taskId) { jdbc.sql("delete from work_item where task_id = ?").param(taskId).update(); }

    void dossierStatus(String dossierCode, int status, boolean paused) {
        jdbc.sql("update work_item set dossier_status = ?, paused = ? where dossier_code = ?")
                .params(status, paused, dossierCode).update();
    }

    /** A moved dossier's open steps offered to a unit's groups are offered to another unit's same groups. */
    int moveToUnit(String dossierCode, String fromUnit, String toUnit) {
        int moved = 0;
        for (WorkTask t : jdbc.sql("select " + COLUMNS + " from work_item where dossier_code = ? and unit_identifier = ?")
                .params(dossierCode, fromUnit).query(WorkItems::map).list()) {
            String group = t.candidateGroup();
            String role = group == null ? null : group.substring(0, group.length() - fromUnit.length() - 1);
            moved += jdbc.sql("update work_item set candidate_group = ?, unit_identifier = ? where task_id = ?")
                    .params(role == null ? null : role + "_" + toUnit, toUnit, t.id()).update();
        }
        return moved;
    }

    Optional<WorkTask> find(String taskId) {
        return jdbc.sql("select " + COLUMNS + " from work_item where task_id = ?").param(taskId)
                .query(WorkItems::map).optional();
    }

    /**
     * Locks a step's row until the transaction ends: a second completion or claim of the same step waits, then finds
     * it gone (completed) or taken. Empty when the step is no longer open.
     */
    Optional<WorkTask> lock(String taskId) {
        return jdbc.sql("select " + COLUMNS + " from work_item where task_id = ? for update").param(taskId)
                .query(WorkItems::map).optional();
    }

    boolean anyOpen(String dossierCode, List<Branch> branches) {
        for (Branch b : branches) {
            var params = new ArrayList<Object>();
            params.add(dossierCode);
            params.addAll(b.params());
            boolean found = jdbc.sql("select count(*) from work_item w where w.dossier_code = ? and " + b.condition())
                    .params(params).query(Long.class).single() > 0;
            if (found) return true;
        }
        return false;
    }

    /** A page of the union of the branches, each narrowed by the same filter. */
    List<WorkTask> page(List<Branch> branches, String filter, List<Object> filterParams, String orderBy, long offset, int size) {
        if (branches.isEmpty()) return List.of();
        long cut = offset + size;
        var sql = new StringBuilder("select * from (");
        var params = new ArrayList<Object>();
        for (int i = 0; i < branches.size(); i++) {
            if (i > 0) sql.append(" union all ");
            sql.append("select * from (select ").append(COLUMNS).append(" from work_item w where ")
                    .append(branches.get(i).condition()).append(filter).append(" order by ").append(orderBy)
                    .append(" limit ").append(cut).append(") b").append(i);
            params.addAll(branches.get(i).params());
            params.addAll(filterParams);
        }
        sql.append(") w order by ").append(orderBy).append(" limit ").append(size).append(" offset ").append(offset);
        return jdbc.sql(sql.toString()).params(params).query(WorkItems::map).list();
    }

    /**
     * How many steps the branches hold, narrowed by the filter; {@code tallied}: the branches and the filter select
     * only by columns of the tally (see {@link TaskFilter#tallied()}), so that the tally's sum answers.
     */
    long count(List<Branch> branches, String filter, List<Object> filterParams, boolean tallied) {
        long total = 0;
        for (Branch b : branches) {
            var params = new ArrayList<Object>(b.params());
            params.addAll(filterParams);
            total += jdbc.sql("select " + counted(tallied) + " where " + b.condition() + filter)
                    .params(params).query(Long.class).single();
        }
        return total;
    }

    /** One part of a counter: the tally's sum or a count of the steps, with a condition added to every branch. */
    private record Term(boolean tallied, String condition, List<Object> params) {
        Term(boolean tallied, String condition, Object... params) { this(tallied, condition, List.of(params)); }
    }

    /**
     * The counter of every tab over the branches. Where the tally exists (PostgreSQL): all, mine, taken (unassigned is
     * all minus taken), paused and returned are sums of a few tally rows; overdue adds the whole hours before this one
     * from the tally and counts the steps due earlier in this hour, nearly due counts the steps due in the rest of this
     * hour and in the window's last hour and adds the whole hours between from the tally; follow-up (a small index of
     * its own) counts the steps. Without the tally every counter counts index ranges read alone, one per branch.
     */
    Map<WorkTab, Long> counts(List<Branch> branches, String me, Instant now, Instant nearlyDueBefore) {
        var result = new EnumMap<WorkTab, Long>(WorkTab.class);
        for (WorkTab tab : WorkTab.values()) result.put(tab, 0L);
        if (branches.isEmpty()) return result;
        boolean tally = counters.available(TALLY);
        String waiting = " and w.paused = false and w.due_at >= ? and w.due_at < ?";
        List<List<Term>> counted = new ArrayList<>();
        counted.add(List.of(new Term(true, "")));
        counted.add(List.of(new Term(true, " and w.assignee = ?", me)));
        counted.add(List.of(new Term(true, " and w.assignee is not null")));
        counted.add(List.of(new Term(true, " and w.paused = true")));
        if (tally) {
            long hour = hour(now);
            long lastHour = hour(nearlyDueBefore);
            Instant nextHour = startOf(hour + 1);
            counted.add(List.of(new Term(true, " and w.due_hour < ?", hour),
                    new Term(false, waiting, utc(startOf(hour)), utc(now))));
            counted.add(List.of(new Term(false, waiting, utc(now), utc(min(nearlyDueBefore, nextHour))),
                    new Term(true, " and w.due_hour >= ? and w.due_hour < ?", hour + 1, lastHour),
                    new Term(false, waiting, utc(max(startOf(lastHour), nextHour)), utc(nearlyDueBefore))));
        } else {
            counted.add(List.of(new Term(false, " and w.paused = false and w.due_at < ?", utc(now))));
            counted.add(List.of(new Term(false, waiting, utc(now), utc(nearlyDueBefore))));
        }
        counted.add(List.of(new Term(true, " and w.returned_to = ?", me)));
        counted.add(List.of(new Term(false, " and w.follow_up_at <= ?", utc(now))));
        var params = new ArrayList<Object>();
        var sql = new StringBuilder("select ");
        for (int i = 0; i < counted.size(); i++) {
            if (i > 0) sql.append(", ");
            // a sum of one count per branch and term: each a plain index range, never a parallel scan of their union
            String plus = "";
            for (Term term : counted.get(i)) {
                for (Branch branch : branches) {
                    sql.append(plus).append("(select ").append(counted(term.tallied())).append(" where ")
                            .append(branch.condition()).append(term.condition()).append(")");
                    params.addAll(branch.params());
                    params.addAll(term.params());
                    plus = " + ";
                }
            }
        }
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            result.put(WorkTab.ALL, rs.getLong(1));
            result.put(WorkTab.MINE, rs.getLong(2));
            result.put(WorkTab.UNASSIGNED, rs.getLong(1) - rs.getLong(3));
            result.put(WorkTab.PAUSED, rs.getLong(4));
            result.put(WorkTab.OVERDUE, rs.getLong(5));
            result.put(WorkTab.NEARLY_DUE, rs.getLong(6));
            result.put(WorkTab.RETURNED, rs.getLong(7));
            result.put(WorkTab.FOLLOW_UP, rs.getLong(8));
        });
        return result;
    }

    /** Hours since 1970 (UTC), as the tally's {@code due_hour} keeps them. */
    static long hour(Instant instant) { return Math.floorDiv(instant.getEpochSecond(), 3600); }

    static Instant startOf(long hour) { return Instant.ofEpochSecond(hour * 3600); }

    private static Instant min(Instant a, Instant b) { return a.isBefore(b) ? a : b; }

    private static Instant max(Instant a, Instant b) { return a.isAfter(b) ? a : b; }

    /** The open steps a person holds (to hand them over), oldest first. */
    List<WorkTask> heldBy(String username) {
        return jdbc.sql("select " + COLUMNS + " from work_item where assignee = ? order by created_at, task_id")
                .param(username).query(WorkItems::map).list();
    }

    /** How many of these steps have their row. */
    long countPresent(List<String> taskIds) {
        if (taskIds.isEmpty()) return 0;
        return jdbc.sql("select count(*) from work_item where task_id in (" + String.join(", ", taskIds.stream().map(t -> "?").toList()) + ")")
                .params(new ArrayList<Object>(taskIds)).query(Long.class).single();
    }

    long size() { return jdbc.sql("select count(*) from work_item").query(Long.class).single(); }

    List<String> taskIds(int offset, int limit) {
        return jdbc.sql("select task_id from work_item order by task_id limit ? offset ?").params(limit, offset)
                .query(String.class).list();
    }

    static WorkTask map(ResultSet rs, int row) throws SQLException {
        return new WorkTask(rs.getString("task_id"), rs.getString("name"), rs.getString("step_key"),
                rs.getString("dossier_code"), rs.getString("procedure_code"), instant(rs, "created_at"),
                instant(rs, "due_at"), rs.getString("assignee"), rs.getString("form_key"), rs.getString("candidate_group"),
                rs.getString("unit_identifier"), instant(rs, "follow_up_at"), rs.getString("returned_to"),
                rs.getBoolean("paused"), (Integer) rs.getObject("dossier_status"), rs.getString("applicant_name"),
                instant(rs, "received_at"), rs.getString("channel"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant instant) { return instant == null ? null : instant.atOffset(ZoneOffset.UTC); }

}
