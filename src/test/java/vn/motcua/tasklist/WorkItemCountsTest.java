package vn.motcua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.MotCuaTest;

/**
 * Every tab counter is the number of steps its tab lists, for any moment and any nearly-due window: on PostgreSQL
 * overdue and nearly due add whole hours from the tally and count the steps of the hours at the window's edges, so
 * the moments checked sit on an hour's start, just before its end and inside it, with steps due exactly at the
 * moment, at the window's end and on hour boundaries. On H2 the counters count the rows, and the same rule holds.
 */
@MotCuaTest
class WorkItemCountsTest {
    private static final String PREFIX = "counts-test-";
    private static final String GROUP = "SPECIALIST_000.99.99.H33";
    private static final String ME = "counts-tester";

    @Autowired WorkItems items;
    @Autowired JdbcTemplate jdbc;

    private final Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
    private final List<Instant> moments = List.of(base, base.plusMillis(3_600_000 - 1), base.plus(Duration.ofMinutes(17)).plusMillis(345));

    @BeforeEach
    void steps() {
        var random = new SplittableRandom(11);
        var due = new ArrayList<Instant>();
        for (Instant m : moments) {
            for (Duration window : windows()) {
                due.add(m);
                due.add(m.plus(window));
                due.add(m.plus(window).minusMillis(1));
                due.add(m.minusMillis(1));
            }
        }
        for (int h = -6; h <= 8; h++) due.add(base.plus(Duration.ofHours(h)));
        for (int i = 0; i < 400; i++) due.add(base.plusMillis(random.nextLong(-30 * 3_600_000L, 30 * 3_600_000L)));
        int n = 0;
        for (Instant at : due) {
            boolean mine = random.nextInt(4) == 0;
            jdbc.update("""
                            insert into work_item (task_id, process_instance_id, step_key, name, created_at, due_at, candidate_group,
                              unit_identifier, assignee, paused, returned_to, follow_up_at)
                            values (?, 'p', 'Task_Test', 'Bước thử', ?, ?, ?, '000.99.99.H33', ?, ?, ?, ?)""",
                    PREFIX + n++, Timestamp.from(base), Timestamp.from(at), GROUP, mine ? ME : null, random.nextInt(6) == 0,
                    random.nextInt(5) == 0 ? ME : null, random.nextInt(7) == 0 ? Timestamp.from(at) : null);
        }
        jdbc.update("insert into work_item (task_id, process_instance_id, step_key, name, created_at, candidate_group, unit_identifier) "
                + "values (?, 'p', 'Task_Test', 'Không hạn', ?, ?, '000.99.99.H33')", PREFIX + "undated", Timestamp.from(base), GROUP);
    }

    @AfterEach
    void removeSteps() {
        jdbc.update("delete from work_item where task_id like ?", PREFIX + "%");
    }

    private static List<Duration> windows() {
        return List.of(Duration.ZERO, Duration.ofMinutes(20), Duration.ofMinutes(59), Duration.ofHours(1),
                Duration.ofHours(3).plusMinutes(7), Duration.ofHours(27));
    }

    @Test
    void everyCounterIsTheNumberOfStepsItsTabListsAtAnyMomentAndWindow() {
        var branches = List.of(new WorkItems.Branch("w.assignee = ?", List.of(ME)),
                new WorkItems.Branch("w.candidate_group = ? and w.assignee is null", List.of(GROUP)));
        for (Instant now : moments) {
            for (Duration window : windows()) {
                Instant before = now.plus(window);
                Map<WorkTab, Long> counts = items.counts(branches, ME, now, before);
                String scope = " and (w.assignee = '" + ME + "' or (w.candidate_group = '" + GROUP + "' and w.assignee is null))";
                assertThat(counts.get(WorkTab.ALL)).isEqualTo(rows(scope, null, null));
                assertThat(counts.get(WorkTab.MINE)).isEqualTo(rows(scope + " and w.assignee = '" + ME + "'", null, null));
                assertThat(counts.get(WorkTab.UNASSIGNED)).isEqualTo(rows(scope + " and w.assignee is null", null, null));
                assertThat(counts.get(WorkTab.PAUSED)).isEqualTo(rows(scope + " and w.paused = true", null, null));
                assertThat(counts.get(WorkTab.RETURNED)).isEqualTo(rows(scope + " and w.returned_to = '" + ME + "'", null, null));
                assertThat(counts.get(WorkTab.OVERDUE)).as("overdue at %s", now)
                        .isEqualTo(rows(scope + " and w.paused = false and w.due_at < ?", now, null));
                assertThat(counts.get(WorkTab.NEARLY_DUE)).as("nearly due at %s within %s", now, window)
                        .isEqualTo(rows(scope + " and w.paused = false and w.due_at >= ? and w.due_at < ?", now, before));
                assertThat(counts.get(WorkTab.FOLLOW_UP)).isEqualTo(rows(scope + " and w.follow_up_at <= ?", now, null));
            }
        }
        assertThat(rows(" and w.candidate_group = '" + GROUP + "' and w.paused = false and w.due_at < ?", moments.get(2), null))
                .as("the steps reach both sides of the moments").isPositive();
    }

    /** The plain count of the steps, as a list's rows are selected. */
    private long rows(String condition, Instant first, Instant second) {
        var params = new ArrayList<Object>();
        if (first != null) params.add(Timestamp.from(first));
        if (second != null) params.add(Timestamp.from(second));
        return jdbc.queryForObject("select count(*) from work_item w where 1 = 1" + condition, Long.class, params.toArray());
    }
}
