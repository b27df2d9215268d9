package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.TestUsers;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierDocuments;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.paperwork.OfficialForm;
import vn.motcua.tasklist.TaskListService;

/**
 * A province that resumes stopped dossiers ({@code motcua.dossier.resume-stopped=true}): a stop (8) only stops the
 * clock, the lifecycle waits with the dossier's steps, and the leader resumes it (8 → 4), as before the setting
 * existed. Runs in its own JVM (Failsafe, *IT) on a database of its own: a second application context in the main
 * test JVM would share Spring Security's static context holder with the first.
 */
@SpringBootTest(properties = {
        "motcua.dossier.resume-stopped=true",
        "spring.datasource.url=jdbc:h2:mem:motcua-resume-stopped;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "motcua.data-dir=target/test-data-resume-stopped"})
@ActiveProfiles({"demo", "test"})
class ResumeStoppedDossiersIT {
    @Autowired ProcessEngine engine;
    @Autowired DossierService dossiers;
    @Autowired DossierDocuments documents;
    @Autowired TaskListService tasks;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers users;

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void withTheSettingOnAStopOnlyStopsTheClockAndTheLeaderResumesTheDossierWithItsSteps() {
        users.signInAs("clerk");
        var dossier = dossiers.receive(BirthRegistrationSample.inPerson());

        users.signInAs("leader");
        assertThat(dossiers.stoppingEnds()).isFalse();
        var stopped = dossiers.act(dossier.code(), DossierAction.STOP, "Chờ kết quả xác minh của công an");
        assertThat(stopped.status()).isEqualTo(DossierStatus.STOPPED);
        assertThat(stopped.finishedAt()).as("not ended: it may resume").isNull();
        assertThat(stopped.clockStoppedAt()).isNotNull();
        assertThat(stopped.resumable()).isTrue();
        assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(dossier.code())
                .activityId("Task_WaitClockResumed").count()).as("the lifecycle waits for the clock").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from work_item where dossier_code = ?").param(dossier.code())
                .query(Long.class).single()).as("the review stays, blocked while stopped").isEqualTo(1);
        assertThat(dossiers.availableActions(dossier.code())).contains(DossierAction.RESUME);
        assertThat(documents.available(dossier.code())).contains(OfficialForm.F05_STOP_NOTICE);

        var resumed = dossiers.act(dossier.code(), DossierAction.RESUME, null);
        assertThat(resumed.status()).isEqualTo(DossierStatus.IN_PROCESS);
        assertThat(resumed.clockStoppedAt()).isNull();
        assertThat(resumed.finishedAt()).isNull();
        assertThat(resumed.dueAt()).isAfterOrEqualTo(dossier.dueAt());
        assertThat(documents.available(dossier.code())).as("the stop notice stays after it resumes")
                .contains(OfficialForm.F05_STOP_NOTICE);
        assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(dossier.code())
                .activityId("Task_WaitClockResumed").count()).isZero();

        users.signInAs("specialist");
        var review = tasks.tasksOf(dossier.code()).stream().findFirst().orElseThrow();
        tasks.complete(review.id(), Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ hợp lệ sau khi tiếp tục"));
        users.signInAs("leader");
        assertThat(tasks.tasksOf(dossier.code())).extracting(t -> t.stepKey()).contains("Task_ApproveResult");
    }
}
