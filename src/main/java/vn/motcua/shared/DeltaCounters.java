package vn.motcua.shared;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exact counters that cost the same at any volume, on PostgreSQL: a tally table counts the rows of a table by some of
 * its columns as delta rows that the table's triggers append in the writer's own transaction (+1 for a row's new
 * values, -1 for its old ones; migration {@code db/vendor/postgresql/V64}). A counter is the sum of the tally's rows
 * that match the same condition as the rows it counts, since the tally has those columns under the same names. Every
 * {@link #INTERVAL} (and once at start) each node folds the deltas into one row per combination; folding takes its
 * rows with {@code for update skip locked}, so two nodes folding at once fold disjoint rows and every sum stays exact.
 * On H2 (the embedded first-run database) there are no tallies: {@link #available} is false and the modules count
 * the rows themselves.
 */
@Component
public class DeltaCounters extends ScheduledRounds {
    private static final Logger log = LoggerFactory.getLogger(DeltaCounters.class);
    static final Duration INTERVAL = Duration.ofSeconds(20);
    static final int BATCH = 20_000;

    /** A tally table and the columns it counts by. */
    public record Tally(String table, List<String> dimensions) { }

    /** A module's table counted by a tally. */
    public interface Counted {
        Tally tally();
    }

    private final JdbcClient jdbc;
    private final Database database;
    private final ObjectProvider<Counted> counted;
    private final TransactionTemplate transactions;
    private final Map<String, Boolean> present = new ConcurrentHashMap<>();

    DeltaCounters(JdbcClient jdbc, Database database, ObjectProvider<Counted> counted, PlatformTransactionManager manager) {
        super("delta-counters");
        this.jdbc = jdbc;
        this.database = database;
        this.counted = counted;
        this.transactions = new TransactionTemplate(manager);
    }

    /** Whether the tally exists here: PostgreSQL with its migration. */
    public boolean available(Tally tally) {
        return present.computeIfAbsent(tally.table(), table -> database.isPostgres() && database.hasTable(table));
    }

    /**
     * What a counter reads after {@code select}: the tally's sum where it exists and the counter selects by the tally's
     * dimensions only ({@code tallied}), else a count of the rows; both under the same alias, so the caller's condition
     * reads either.
     */
    public String counted(Tally tally, String rows, String alias, boolean tallied) {
        return tallied && available(tally) ? "coalesce(sum(" + alias + ".delta), 0) from " + tally.table() + " " + alias
                : "count(*) from " + rows + " " + alias;
    }

    /** Folds every tally's deltas now; answers how many delta rows were folded. */
    public int fold() {
        int folded = 0;
        for (Counted c : counted.orderedStream().toList()) {
            if (available(c.tally())) folded += fold(c.tally());
        }
        return folded;
    }

    private int fold(Tally tally) {
        String columns = String.join(", ", tally.dimensions());
        String table = tally.table();
        boolean worth = jdbc.sql("select count(*) from (select 1 from " + table + " group by " + columns
                        + " having count(*) > 1 or sum(delta) = 0 limit 1) w")
                .query(Long.class).single() > 0;
        if (!worth) return 0;
        int total = 0;
        while (true) {
            Integer moved = transactions.execute(s -> jdbc.sql("with moved as (delete from " + table + " where id in (select id from "
                            + table + " order by id limit " + BATCH + " for update skip locked) returning " + columns + ", delta), "
                            + "folded as (insert into " + table + " (" + columns + ", delta) select " + columns + ", sum(delta) from moved"
                            + " group by " + columns + " having sum(delta) <> 0) "
                            // a data-modifying WITH runs to its end whether or not the query reads it
                            + "select count(*) from moved")
                    .query(Integer.class).single());
            total += moved == null ? 0 : moved;
            if (moved == null || moved < BATCH) return total;
        }
    }

    @Override
    protected Duration firstRoundAfter() { return Duration.ZERO; }

    @Override
    protected Duration interval() { return INTERVAL; }

    @Override
    protected void round() {
        int folded = fold();
        if (folded > 0) log.debug("Counters: {} delta rows folded", folded);
    }
}
