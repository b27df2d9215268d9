package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;

/**
 * The desk queues' counters, per unit for a supervisor and for one unit, are the numbers of dossiers each queue lists:
 * statuses from the tally on PostgreSQL (from the rows on H2), overdue and nearly due from the dossiers' due dates at
 * the moment asked, here with dossiers overdue, nearly due and due later in one ward.
 */
@MotCuaTest
class DeskCountersTest {
    @Autowired DossierService dossiers;
    @Autowired DossierQueries queries;
    @Autowired NearlyDue nearlyDue;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestUsers users;
    @Autowired Clock clock;
    @Autowired vn.motcua.security.CurrentUser currentUser;

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void everyUnitsCountersAreTheNumbersOfDossiersItsQueuesList() {
        users.signInAs("clerk");
        var codes = new ArrayList<String>();
        for (int i = 0; i < 4; i++) codes.add(dossiers.receive(BirthRegistrationSample.inPerson()).code());
        Instant now = clock.instant();
        // one overdue, one due within the nearly-due window, the others later
        jdbc.update("update dossier set due_at = ? where code = ?", Timestamp.from(now.minus(Duration.ofHours(5))), codes.get(0));
        jdbc.update("update dossier set due_at = ? where code = ?", Timestamp.from(now.plus(Duration.ofMinutes(30))), codes.get(1));

        users.signInAs("supervisor");
        var units = queries.countsByUnit();
        assertThat(units).isNotEmpty();
        String supervisorUnit = currentUser.require().unitIdentifier();
        boolean sawOverdue = false;
        for (var u : units) {
            Instant at = clock.instant();
            // the window is the supervisor's unit's working hours
            Instant before = nearlyDue.before(at, supervisorUnit);
            Map<DeskQueue, Long> counts = u.counts();
            long id = u.unit().id();
            assertThat(counts.get(DeskQueue.AWAITING_ACCEPTANCE)).as(u.unit().identifier()).isEqualTo(rows(id, "d.status = 1"));
            assertThat(counts.get(DeskQueue.IN_PROCESSING)).isEqualTo(rows(id, "d.status in (2, 4)"));
            assertThat(counts.get(DeskQueue.AWAITING_SUPPLEMENT)).isEqualTo(rows(id, "d.status = 5"));
            assertThat(counts.get(DeskQueue.AWAITING_PAYMENT)).isEqualTo(rows(id, "d.status = 6"));
            assertThat(counts.get(DeskQueue.TO_RETURN)).isEqualTo(rows(id, "d.status = 9"));
            assertThat(counts.get(DeskQueue.OVERDUE)).isEqualTo(rows(id, "d.status in (2, 4) and d.due_at < ?", at));
            sawOverdue |= counts.get(DeskQueue.OVERDUE) > 0;
            long nearly = counts.get(DeskQueue.NEARLY_DUE);
            assertThat(nearly).isEqualTo(rows(id, "d.status in (2, 4) and d.due_at >= ? and d.due_at < ?", at, before));
        }
        assertThat(sawOverdue).as("the overdue dossier is counted in its unit").isTrue();

        users.signInAs("clerk");
        Map<DeskQueue, Long> desk = queries.counts(null);
        long ward = jdbc.queryForObject("select unit_id from dossier where code = ?", Long.class, codes.get(0));
        assertThat(desk.get(DeskQueue.IN_PROCESSING)).isEqualTo(rows(ward, "d.status in (2, 4)"));
        assertThat(desk.get(DeskQueue.OVERDUE)).isEqualTo(rows(ward, "d.status in (2, 4) and d.due_at < ?", clock.instant()));
        assertThat(desk.get(DeskQueue.OVERDUE)).isPositive();
    }

    private long rows(long unitId, String condition, Instant... at) {
        var params = new ArrayList<Object>(List.of(unitId));
        for (Instant i : at) params.add(Timestamp.from(i));
        return jdbc.queryForObject("select count(*) from dossier d where d.unit_id = ? and " + condition, Long.class, params.toArray());
    }
}
