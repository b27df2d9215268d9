package vn.motcua.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.DossierService;

/** The operations centre's meters: counters on receipt, gauges per unit and of the job executor; no personal data. */
@MotCuaTest
class OperationsMetricsTest {
    @Autowired MeterRegistry registry;
    @Autowired DossierService dossiers;
    @Autowired TestUsers users;
    @Autowired vn.motcua.monitoring.internal.OperationsMetrics metrics;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void receivingADossierCountsItAndTheGaugesShowTheUnitsWork() {
        double before = received();
        users.signInAs("clerk");
        dossiers.receive(BirthRegistrationSample.inPerson());
        assertThat(received()).isEqualTo(before + 1);

        var open = registry.find("motcua.dossiers.open").tag("unit", BirthRegistrationSample.WARD).gauge();
        assertThat(open).isNotNull();
        assertThat(open.value()).isGreaterThanOrEqualTo(1);
        assertThat(registry.find("motcua.dossiers.overdue").tag("unit", BirthRegistrationSample.WARD).gauge()).isNotNull();
        assertThat(registry.find("motcua.tasks.open").tag("unit", BirthRegistrationSample.WARD).gauge().value())
                .as("the specialist's review waits at the ward").isGreaterThanOrEqualTo(1);
        assertThat(registry.find("motcua.jobs.backlog").gauge().value()).isGreaterThanOrEqualTo(0);
        assertThat(registry.find("motcua.jobs.failed").gauge()).isNotNull();
        registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("motcua."))
                .flatMap(m -> m.getId().getTags().stream())
                .forEach(tag -> assertThat(tag.getKey()).as("tags name units, procedures and outcomes only")
                        .isIn("unit", "procedure", "outcome"));
    }

    @Test
    void theGaugesReadFromTheDatabaseAreExportedByOneNodeOnlySoThatASumOverNodesCountsEachDossierOnce() {
        assertThat(metrics.follow()).as("alone, this node exports them").isTrue();
        // a node joining now does not take over
        jdbc.update("insert into cluster_node (node_id, instance_id, started_at, heartbeat_at) values (?, ?, ?, ?)",
                "000-another-node", "test", Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        assertThat(metrics.follow()).as("a newcomer never exports beside the node that does").isTrue();
        // another node, alive, that has run longer than this one
        jdbc.update("update cluster_node set started_at = ? where node_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(1))), "000-another-node");
        try {
            assertThat(metrics.follow()).isFalse();
            assertThat(registry.find("motcua.dossiers.open").gauges()).as("withdrawn while the other node reports").isEmpty();
            assertThat(registry.find("motcua.tasks.open").gauges()).isEmpty();
            assertThat(registry.find("motcua.jobs.backlog").gauge()).isNull();

            // that node stops: this one takes over
            jdbc.update("update cluster_node set heartbeat_at = ? where node_id = ?",
                    Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))), "000-another-node");
            assertThat(metrics.follow()).isTrue();
            assertThat(registry.find("motcua.dossiers.open").tag("unit", BirthRegistrationSample.WARD).gauge()).isNotNull();
            assertThat(registry.find("motcua.jobs.backlog").gauge()).isNotNull();
        } finally {
            jdbc.update("delete from cluster_node where node_id = ?", "000-another-node");
            metrics.follow();
        }
    }

    private double received() {
        var counter = registry.find("motcua.dossiers.received").tag("unit", BirthRegistrationSample.WARD)
                .tag("procedure", BirthRegistrationSample.PROCEDURE).counter();
        return counter == null ? 0 : counter.count();
    }
}
