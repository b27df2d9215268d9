package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.ProcedureUploads;
import vn.motcua.MotCuaTest;
import vn.motcua.catalogue.ProcedureDesigns;

/**
 * Publishing a procedure's draft (issue 14): new dossiers start on the published version, a dossier in flight keeps
 * the version it started on, and re-publishing an earlier version makes new dossiers start on its content again.
 */
@MotCuaTest
class ProcedurePublishingTest extends ProcedureProcessTest {
    @Autowired ProcedureDesigns designs;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void restore() {
        ProcedureUploads.restore(designs, users, jdbc);
    }

    @Test
    void newDossiersStartOnThePublishedVersionWhileOneInFlightKeepsItsOwn() {
        var before = driver.receive("clerk", ProcedureUploads.CODE, DiplomaCopyFromRegisterProcessTest.intake());
        var oldDefinition = driver.instance(before.code(), ProcedureUploads.PROCESS_KEY).getProcessDefinitionId();

        users.signInAs("designer");
        designs.upload(ProcedureUploads.uploads(ProcedureUploads.revised()));
        var published = designs.publish(ProcedureUploads.CODE, "Đổi tên bước và hạn xử lý");
        var newDefinition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ProcedureUploads.PROCESS_KEY).latestVersion().singleResult();
        assertThat(newDefinition.getId()).isNotEqualTo(oldDefinition);
        assertThat(newDefinition.getDeploymentId()).isEqualTo(published.deploymentId());

        var after = driver.receive("clerk", ProcedureUploads.CODE, DiplomaCopyFromRegisterProcessTest.intake());
        assertThat(driver.instance(after.code(), ProcedureUploads.PROCESS_KEY).getProcessDefinitionId()).isEqualTo(newDefinition.getId());
        assertThat(driver.openTasks(after.code(), ProcedureUploads.PROCESS_KEY, ProcedureUploads.STEP))
                .singleElement().satisfies(task -> assertThat(task.getName()).isEqualTo(ProcedureUploads.REVISED_STEP_NAME));
        // The dossier in flight stays on its version and its step keeps its name
        assertThat(driver.instance(before.code(), ProcedureUploads.PROCESS_KEY).getProcessDefinitionId()).isEqualTo(oldDefinition);
        assertThat(driver.openTasks(before.code(), ProcedureUploads.PROCESS_KEY, ProcedureUploads.STEP))
                .singleElement().satisfies(task -> assertThat(task.getName()).isEqualTo("Đối chiếu sổ gốc, cấp bản sao"));
        // ...and finishes on it
        driver.complete("specialist", before.code(), Map.of("decision", "ISSUE", "registerEntry", "THCS-2019/0456", "copiesIssued", 2));
        assertThat(driver.openTasks(before.code(), ProcedureUploads.PROCESS_KEY, "Task_ReturnResult")).hasSize(1);

        // Rolling back: new dossiers start on the earlier content again
        users.signInAs("designer");
        designs.rollback(ProcedureUploads.CODE, published.number() - 1, "Quay lại");
        var third = driver.receive("clerk", ProcedureUploads.CODE, DiplomaCopyFromRegisterProcessTest.intake());
        assertThat(driver.openTasks(third.code(), ProcedureUploads.PROCESS_KEY, ProcedureUploads.STEP))
                .singleElement().satisfies(task -> assertThat(task.getName()).isEqualTo("Đối chiếu sổ gốc, cấp bản sao"));
    }
}
