package vn.motcua.dossier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.shared.DeltaCounters;

/**
 * Dossier lists and the desk's counters in SQL: a page in the asked order with its total, and every queue's counter.
 * Totals and counters that select by unit and status only are sums of the tally {@code dossier_tally} where it exists
 * (PostgreSQL, see {@link DeltaCounters}), else counts of ranges of the index {@code (unit_id, status, due_at, id)}
 * (PostgreSQL reads the index only).
 */
@Repository
class DossierLists implements DeltaCounters.Counted {
    /** Dossiers counted by unit and status. */
    static final DeltaCounters.Tally TALLY = new DeltaCounters.Tally("dossier_tally", List.of("unit_id", "status"));

    private static final String SELECT = DossierRepository.SELECT + " where 1 = 1";
    private static final String OPEN_STATUSES = DeskQueue.openStatuses();

    private final JdbcClient jdbc;
    private final DossierRepository repository;
    private final DeltaCounters counters;

    DossierLists(JdbcClient jdbc, DossierRepository repository, DeltaCounters counters) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.counters = counters;
    }

    @Override
    public DeltaCounters.Tally tally() { return TALLY; }

    /** What a counter reads: the tally's sum where it exists, else a count of the dossiers. */
    private String counted(boolean tallied) {
        return counters.counted(TALLY, "dossier", "d", tallied);
    }

    List<Dossier> page(String where, List<Object> params, String orderBy, long offset, int size) {
        return jdbc.sql(SELECT + where + " order by " + orderBy + " limit " + size + " offset " + offset)
                .params(params).query(repository::map).list();
    }

    /** How many dossiers the condition selects; {@code tallied}: it selects by unit and status only. */
    long count(String where, List<Object> params, boolean tallied) {
        return jdbc.sql("select " + counted(tallied) + " where 1 = 1" + where).params(params).query(Long.class).single();
    }

    /**
     * Every desk queue's counter over the dossiers the condition selects: the queues of statuses are sums of the
     * tally where it exists and {@code byUnit} (the condition selects by unit only), else counts of a range of the
     * index {@code (unit_id, status, due_at, id)} read alone (PostgreSQL counts index entries only), as are overdue and
     * nearly due (due-date ranges, which move with the clock). At 100,000 open dossiers in a unit counting ranges is
     * several times cheaper than one pass summing a case expression per queue, and the tally cheaper still
     * (WorklistBenchmark).
     */
    Map<DeskQueue, Long> counts(String where, List<Object> params, boolean byUnit, Instant now, Instant nearlyDueBefore) {
        var sql = new StringBuilder("select ");
        var all = new ArrayList<Object>();
        for (DeskQueue q : DeskQueue.values()) {
            if (q.ordinal() > 0) sql.append(", ");
            sql.append("(select ").append(counted(byUnit && !q.movesWithClock())).append(" where ").append(q.condition())
                    .append(where).append(")");
            all.addAll(q.clock(now, nearlyDueBefore));
            all.addAll(params);
        }
        var result = new EnumMap<DeskQueue, Long>(DeskQueue.class);
        jdbc.sql(sql.toString()).params(all).query(rs -> {
            int i = 1;
            for (DeskQueue q : DeskQueue.values()) result.put(q, rs.getLong(i++));
        });
        return result;
    }

    /**
     * The same counters per unit, for supervisors: unit id → counters, for the units with open dossiers. Where the tally
     * exists (the condition selects by unit only) the queues of statuses are its sums by unit, and overdue and nearly
     * due count the dossiers in processing due before the window's end; else one pass over the open dossiers.
     */
    Map<Long, Map<DeskQueue, Long>> countsByUnit(String where, List<Object> params, Instant now, Instant nearlyDueBefore) {
        var result = new LinkedHashMap<Long, Map<DeskQueue, Long>>();
        if (counters.available(TALLY)) {
            jdbc.sql("select d.unit_id, d.status, sum(d.delta) from dossier_tally d where d.status in (" + OPEN_STATUSES + ")"
                            + where + " group by d.unit_id, d.status having sum(d.delta) <> 0 order by d.unit_id, d.status")
                    .params(params)
                    .query(rs -> {
                        var counts = result.computeIfAbsent(rs.getLong(1), id -> zero());
                        counts.merge(DeskQueue.ofStatus(rs.getInt(2)), rs.getLong(3), Long::sum);
                    });
            // overdue and nearly due: the dossiers in processing due before the window's end, one range of the index
            var clock = new ArrayList<Object>();
            clock.addAll(DeskQueue.OVERDUE.clock(now, nearlyDueBefore));
            clock.addAll(DeskQueue.NEARLY_DUE.clock(now, nearlyDueBefore));
            clock.add(utc(nearlyDueBefore));
            clock.addAll(params);
            jdbc.sql("select d.unit_id, " + sum(DeskQueue.OVERDUE) + ", " + sum(DeskQueue.NEARLY_DUE) + " from dossier d where "
                            + DeskQueue.NEARLY_DUE.statusCondition() + " and d.due_at < ?" + where + " group by d.unit_id")
                    .params(clock)
                    .query(rs -> {
                        var counts = result.computeIfAbsent(rs.getLong(1), id -> zero());
                        counts.put(DeskQueue.OVERDUE, rs.getLong(2));
                        counts.put(DeskQueue.NEARLY_DUE, rs.getLong(3));
                    });
            return result;
        }
        jdbc.sql(COUNTS + ", d.unit_id from dossier d where d.status in (" + OPEN_STATUSES + ")" + where
                        + " group by d.unit_id order by d.unit_id")
                .params(countParams(params, now, nearlyDueBefore))
                .query(rs -> {
                    var counts = new EnumMap<DeskQueue, Long>(DeskQueue.class);
                    read(rs, 1, counts);
                    result.put(rs.getLong(DeskQueue.values().length + 1), counts);
                });
        return result;
    }

    private static Map<DeskQueue, Long> zero() {
        var counts = new EnumMap<DeskQueue, Long>(DeskQueue.class);
        for (DeskQueue q : DeskQueue.values()) counts.put(q, 0L);
        return counts;
    }

    /** Every queue's counter as a sum of a case expression, in the queues' order. */
    private static final String COUNTS = "select " + java.util.Arrays.stream(DeskQueue.values())
            .map(DossierLists::sum).collect(java.util.stream.Collectors.joining(", "));

    /** How many of the rows read are in the queue: a sum of its condition. */
    private static String sum(DeskQueue q) {
        return "coalesce(sum(case when " + q.condition() + " then 1 else 0 end), 0)";
    }

    private static List<Object> countParams(List<Object> params, Instant now, Instant nearlyDueBefore) {
        var all = new ArrayList<Object>();
        for (DeskQueue q : DeskQueue.values()) all.addAll(q.clock(now, nearlyDueBefore));
        all.addAll(params);
        return all;
    }

    private static void read(java.sql.ResultSet rs, int first, Map<DeskQueue, Long> into) throws java.sql.SQLException {
        int i = first;
        for (DeskQueue q : DeskQueue.values()) into.put(q, rs.getLong(i++));
    }

    static OffsetDateTime utc(Instant instant) { return instant == null ? null : instant.atOffset(ZoneOffset.UTC); }
}
