package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.MotCuaTest;

/**
 * The counters' tallies (PostgreSQL) stay exact: after any mix of inserts, changes and deletions of open steps and
 * dossiers, in any number of concurrent transactions, with folding rounds running at the same time on several
 * threads (as on several nodes), every tally's sum per combination of its columns is the number of rows with those
 * values, and a fold leaves one non-zero row per combination. On H2 there are no tallies: the counters count rows.
 */
@MotCuaTest
class DeltaCountersTest {
    private static final String PREFIX = "tally-test-";
    private static final String WORK = "assignee, candidate_group, unit_identifier, paused, returned_to";
    private static final String WORK_TALLY = WORK + ", due_hour";
    /** What the tally keeps of a step: its columns and the hour it is due (none when paused). */
    private static final String WORK_COUNTED = WORK + ", work_tally_hour(paused, due_at)";

    @Autowired DeltaCounters counters;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired vn.motcua.dossier.DossierService dossiers;
    @Autowired vn.motcua.TestUsers users;

    @AfterEach
    void removeRows() {
        jdbc.update("delete from work_item where task_id like ?", PREFIX + "%");
    }

    private boolean tallies() {
        return counters.available(new DeltaCounters.Tally("work_tally", List.of()))
                && counters.available(new DeltaCounters.Tally("dossier_tally", List.of()));
    }

    @Autowired Database database;

    @Test
    void aTableIsFoundByItsExactNameOnEitherDatabase() {
        assertThat(database.hasTable("dossier")).isTrue();
        assertThat(database.hasTable("work_item")).isTrue();
        // an underscore is a letter of the name, not the metadata pattern's wildcard
        assertThat(database.hasTable("work_ite_")).isFalse();
        assertThat(database.hasTable("dossie%")).isFalse();
        assertThat(database.hasTable("no_such_table")).isFalse();
        assertThat(database.hasTable("work_tally")).isEqualTo(database.isPostgres());
    }

    @Test
    void onH2ThereAreNoTalliesAndOnPostgresBoth() {
        assertThat(tallies()).isEqualTo(jdbc.queryForObject("select count(*) from information_schema.tables "
                + "where table_schema = current_schema() and lower(table_name) = 'work_tally'", Long.class) > 0);
        assertThat(tallies()).isEqualTo(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
    }

    @Test
    void stepsInsertedChangedAndDeletedAreCountedExactlyAndFoldingKeepsEverySum() {
        if (!tallies()) return;
        var random = new SplittableRandom(7);
        for (int i = 0; i < 300; i++) insertStep(i, random);
        for (int i = 0; i < 300; i += 3) changeStep(i, random);
        // a change of a column the tally does not keep, or of the due time within its hour, appends nothing
        long before = jdbc.queryForObject("select count(*) from work_tally", Long.class);
        jdbc.update("update work_item set name = 'Đã đổi tên', due_at = due_at + interval '1 second' * "
                + "case when extract(second from due_at) < 30 then 1 else -1 end where task_id like ?", PREFIX + "%");
        assertThat(jdbc.queryForObject("select count(*) from work_tally", Long.class)).isEqualTo(before);
        // a due time moved to another hour moves the step in the tally
        jdbc.update("update work_item set due_at = due_at + interval '3 hours' where task_id like ? and not paused "
                + "and due_at is not null", PREFIX + "%");
        assertThat(jdbc.queryForObject("select count(*) from work_tally", Long.class)).isGreaterThan(before);
        jdbc.update("delete from work_item where task_id like ? and mod(cast(substring(task_id, 12) as integer), 5) = 0", PREFIX + "%");
        assertThat(workDifferences()).isZero();

        counters.fold();

        assertThat(workDifferences()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from (select 1 from work_tally group by " + WORK_TALLY
                + " having count(*) > 1 or sum(delta) = 0) x", Long.class)).as("one non-zero row per combination").isZero();
    }

    @Test
    void dossiersChangingStatusOrUnitAreCountedExactlyAlsoWhenTheChangeIsRolledBack() {
        if (!tallies()) return;
        users.signInAs("clerk");
        try {
            for (int i = 0; i < 3; i++) dossiers.receive(vn.motcua.BirthRegistrationSample.inPerson());
        } finally {
            users.signOut();
        }
        var template = new TransactionTemplate(transactions);
        template.executeWithoutResult(tx -> {
            jdbc.update("update dossier set status = case when status = 2 then 5 else 2 end where mod(id, 2) = 0");
            jdbc.update("update dossier set unit_id = (select min(id) from org_unit) where mod(id, 3) = 0");
            assertThat(dossierDifferences()).as("inside the writer's transaction").isZero();
            tx.setRollbackOnly();
        });
        assertThat(dossierDifferences()).isZero();
        counters.fold();
        assertThat(dossierDifferences()).isZero();
    }

    @Test
    void concurrentWritersAndFoldsOnSeveralThreadsKeepEverySumExact() throws Exception {
        if (!tallies()) return;
        for (int i = 0; i < 200; i++) insertStep(i, new SplittableRandom(i));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> work = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            work.add(pool.submit(() -> {
                var random = new SplittableRandom(100 + writer);
                var template = new TransactionTemplate(transactions);
                int done = 0;
                while (running.get()) {
                    int n = random.nextInt(200);
                    template.executeWithoutResult(tx -> {
                        changeStep(n, random);
                        if (random.nextInt(4) == 0) jdbc.update("delete from work_item where task_id = ?", PREFIX + (200 + writer * 100_000 + n));
                        else insertOrIgnore(200 + writer * 100_000 + n, random);
                        if (random.nextInt(10) == 0) tx.setRollbackOnly();
                    });
                    done++;
                }
                return done;
            }));
        }
        for (int f = 0; f < 2; f++) {
            work.add(pool.submit(() -> {
                int folds = 0;
                while (running.get()) {
                    counters.fold();
                    folds++;
                }
                return folds;
            }));
        }
        Thread.sleep(3000);
        running.set(false);
        for (var w : work) assertThat(w.get(30, TimeUnit.SECONDS)).isPositive();
        pool.shutdown();

        assertThat(workDifferences()).isZero();
        counters.fold();
        assertThat(workDifferences()).isZero();
    }

    private void insertStep(int n, SplittableRandom random) {
        jdbc.update("insert into work_item (task_id, process_instance_id, step_key, name, created_at, due_at, " + WORK
                        + ") values (?, 'p', 'Task_Test', 'Bước thử', ?, ?, ?, ?, ?, ?, ?)",
                PREFIX + n, Timestamp.from(Instant.now()), due(random), assignee(random), group(random), "000.01.15.H33",
                random.nextBoolean(), random.nextInt(3) == 0 ? "specialist" : null);
    }

    private void insertOrIgnore(int n, SplittableRandom random) {
        if (jdbc.queryForObject("select count(*) from work_item where task_id = ?", Long.class, PREFIX + n) == 0) {
            insertStep(n, random);
        }
    }

    private void changeStep(int n, SplittableRandom random) {
        jdbc.update("update work_item set assignee = ?, candidate_group = ?, paused = ?, returned_to = ?, due_at = ? where task_id = ?",
                assignee(random), group(random), random.nextBoolean(), random.nextInt(3) == 0 ? "leader" : null, due(random), PREFIX + n);
    }

    /** A due time within two days either side of now, to the millisecond, or none. */
    private static Timestamp due(SplittableRandom random) {
        if (random.nextInt(8) == 0) return null;
        return Timestamp.from(Instant.now().plusMillis(random.nextLong(-172_800_000L, 172_800_000L)));
    }

    private static String assignee(SplittableRandom random) {
        return switch (random.nextInt(3)) { case 0 -> null; case 1 -> "specialist"; default -> "specialist2"; };
    }

    private static String group(SplittableRandom random) {
        return random.nextInt(4) == 0 ? null : (random.nextBoolean() ? "SPECIALIST_000.01.15.H33" : "LEADER_000.01.15.H33");
    }

    /** Combinations whose tally sum is not the number of open steps with those values (one statement: one snapshot). */
    private long workDifferences() {
        return differences("work_item", WORK_COUNTED, "work_tally", WORK_TALLY);
    }

    private long dossierDifferences() {
        return differences("dossier", "unit_id, status", "dossier_tally", "unit_id, status");
    }

    private long differences(String table, String columns, String tally, String tallyColumns) {
        String counted = "select " + columns + ", cast(count(*) as numeric) n from " + table + " group by " + columns;
        String summed = "select " + tallyColumns + ", sum(delta) n from " + tally + " group by " + tallyColumns + " having sum(delta) <> 0";
        return jdbc.queryForObject("select count(*) from ((" + counted + " except " + summed + ") union all ("
                + summed + " except " + counted + ")) x", Long.class);
    }
}
