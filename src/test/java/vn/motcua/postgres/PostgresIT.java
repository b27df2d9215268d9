package vn.motcua.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.TestUsers;
import vn.motcua.dossier.ConcurrentReceipts;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.tasklist.TaskListService;

/**
 * The application on PostgreSQL 127.0.0.1:5432/motcua_test, whatever database the rest of the suite uses. Runs in
 * its own JVM (Failsafe, *IT): a second application context in the main test JVM would share Spring Security's
 * static context holder with the first.
 */
@RequiresPostgres
@SpringBootTest(properties = {
        "spring.datasource.url=${" + RequiresPostgres.URL_PROPERTY + ":" + RequiresPostgres.DEFAULT_URL + "}",
        "spring.datasource.username=" + RequiresPostgres.USER,
        "spring.datasource.password="})
@ActiveProfiles({"demo", "test"})
class PostgresIT {
    @Autowired JdbcClient jdbc;
    @Autowired DossierService dossiers;
    @Autowired TaskListService tasks;
    @Autowired TestUsers users;

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void theSchemaIsMigratedOnPostgresql() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from org_unit where identifier = '000.00.00.H33'").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aDossierIsReceivedProcessedAndKeepsItsVietnameseTextIntact() {
        users.signInAs("clerk");
        var dossier = dossiers.receive(BirthRegistrationSample.inPerson());
        assertThat(dossiers.get(dossier.code()).formData()).containsEntry("childFullName", "Nguyễn Thị Hồng Nhung");
        assertThat(dossiers.get(dossier.code()).applicant().fullName()).isEqualTo("Trần Thị Mỹ Lệ");

        users.signInAs("specialist");
        var review = tasks.tasksOf(dossier.code()).stream().findFirst().orElseThrow();
        tasks.complete(review.id(), Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ hợp lệ, đề nghị phê duyệt"));
        users.signInAs("leader");
        var approval = tasks.tasksOf(dossier.code()).stream().findFirst().orElseThrow();
        tasks.complete(approval.id(), Map.of("decision", "APPROVE"));

        users.signInAs("clerk");
        assertThat(dossiers.get(dossier.code()).status()).isEqualTo(DossierStatus.PROCESSED);
        assertThat(dossiers.steps(dossier.code()).get(0).data()).containsEntry("reviewOpinion", "Hồ sơ hợp lệ, đề nghị phê duyệt");
    }

    @Test
    void twoHundredParallelReceiptsGetTwoHundredDistinctConsecutiveCodesOnPostgresql() throws Exception {
        ConcurrentReceipts.assertDistinctConsecutiveCodes(dossiers, users, 200);
    }
}
