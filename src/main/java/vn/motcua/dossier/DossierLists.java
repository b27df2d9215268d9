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
    static final String OPEN_STATUSES = "1, 2, 4, 5, 6, 9";

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
        return tallied && counters.available(TALLY) ? "coalesce(sum(d.delta), 0) from dossier_tally d" : "count(*) from dossier d";
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
        var queues = new LinkedHashMap<DeskQueue, String>();
        queues.put(DeskQueue.AWAITING_ACCEPTANCE, "d.status = 1");
        queues.put(DeskQueue.IN_PROCESSING, "d.status in (2, 4)");
        queues.put(DeskQueue.AWAITING_SUPPLEMENT, "d.status = 5");
        queues.put(DeskQueue.AWAITING_PAYMENT, "d.status = 6");
        queues.put(DeskQueue.TO_RETURN, "d.status = 9");
        queues.put(DeskQueue.OVERDUE, "d.status in (2, 4) and d.due_at < ?");
        queues.put(DeskQueue.NEARLY_DUE, "d.status in (2, 4) and d.due_at >= ? and d.due_at < ?");
        var sql = new StringBuilder("select ");
        var all = new ArrayList<Object>();
        for (var q : queues.entrySet()) {
            if (q.getKey() != DeskQueue.AWAITING_ACCEPTANCE) sql.append(", ");
            boolean byStatus = q.getKey() != DeskQueue.OVERDUE && q.getKey() != DeskQueue.NEARLY_DUE;
            sql.append("(select ").append(counted(byUnit && byStatus)).append(" where ").append(q.getValue()).append(where).append(")");
            if (q.getKey() == DeskQueue.OVERDUE) all.add(utc(now));
            if (q.getKey() == DeskQueue.NEARLY_DUE) {
                all.add(utc(now));
                all.add(utc(nearlyDueBefore));
            }
            all.addAll(params);
        }
        var result = new EnumMap<DeskQueue, Long>(DeskQueue.class);
        jdbc.sql(sql.toString()).params(all).query(rs -> {
            int i = 1;
            for (DeskQueue q : queues.keySet()) result.put(q, rs.getLong(i++));
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
                        DeskQueue queue = switch (rs.getInt(2)) {
                            case 1 -> DeskQueue.AWAITING_ACCEPTANCE;
                            case 5 -> DeskQueue.AWAITING_SUPPLEMENT;
                            case 6 -> DeskQueue.AWAITING_PAYMENT;
                            case 9 -> DeskQueue.TO_RETURN;
                            default -> DeskQueue.IN_PROCESSING;
                        };
                        counts.merge(queue, rs.getLong(3), Long::sum);
                    });
            var clock = new ArrayList<Object>(List.of(utc(now), utc(now), utc(nearlyDueBefore)));
            clock.addAll(params);
            jdbc.sql("""
                            select d.unit_id, coalesce(sum(case when d.due_at < ? then 1 else 0 end), 0),
                                   coalesce(sum(case when d.due_at >= ? then 1 else 0 end), 0)
                            from dossier d where d.status in (2, 4) and d.due_at < ?""" + where + " group by d.unit_id")
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

    private static final String COUNTS = """
            select coalesce(sum(case when d.status = 1 then 1 else 0 end), 0),
                   coalesce(sum(case when d.status in (2, 4) then 1 else 0 end), 0),
                   coalesce(sum(case when d.status = 5 then 1 else 0 end), 0),
                   coalesce(sum(case when d.status = 6 then 1 else 0 end), 0),
                   coalesce(sum(case when d.status = 9 then 1 else 0 end), 0),
                   coalesce(sum(case when d.status in (2, 4) and d.due_at < ? then 1 else 0 end), 0),
                   coalesce(sum(case when d.status in (2, 4) and d.due_at >= ? and d.due_at < ? then 1 else 0 end), 0)""";

    private static List<Object> countParams(List<Object> params, Instant now, Instant nearlyDueBefore) {
        var all = new ArrayList<Object>(List.of(utc(now), utc(now), utc(nearlyDueBefore)));
        all.addAll(params);
        return all;
    }

    private static void read(java.sql.ResultSet rs, int first, Map<DeskQueue, Long> into) throws java.sql.SQLException {
        int i = first;
        for (DeskQueue q : DeskQueue.values()) into.put(q, rs.getLong(i++));
    }

    static OffsetDateTime utc(Instant instant) { return instant == null ? null : instant.atOffset(ZoneOffset.UTC); }
}
