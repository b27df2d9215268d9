package vn.motcua.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

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

    private double received() {
        var counter = registry.find("motcua.dossiers.received").tag("unit", BirthRegistrationSample.WARD)
                .tag("procedure", BirthRegistrationSample.PROCEDURE).counter();
        return counter == null ? 0 : counter.count();
    }
}
