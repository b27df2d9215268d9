package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.workflow.DossierProcess;

/** Process versions: what runs on which, and moving running instances to another version, administrators only. */
@MotCuaTest
class ProcessVersionsTest {
    static final String KEY = "catalogue-migration-demo";
    static final String DEPLOYMENT = "catalogue-test:migration";

    @Autowired ProcessVersions versions;
    @Autowired ProcessEngine engine;
    @Autowired TestUsers users;

    @AfterEach
    void cleanUp() {
        users.signOut();
        var repository = engine.getRepositoryService();
        repository.createDeploymentQuery().deploymentName(DEPLOYMENT).list().forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    @Test
    void everyProcedureAndTheSharedLifecycleAreListedWithTheirRunningInstances() {
        users.signInAs("admin");

        var processes = versions.processes();

        var birth = processes.stream().filter(p -> "1.001193".equals(p.procedureCode())).findFirst().orElseThrow();
        assertThat(birth.processKey()).isEqualTo("birth-registration");
        assertThat(birth.procedureName().vi()).isEqualTo("Thủ tục đăng ký khai sinh");
        assertThat(birth.versions()).isNotEmpty();
        assertThat(birth.versions().get(0).latest()).isTrue();
        assertThat(birth.versions()).extracting(ProcessVersion::version).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(birth.versions()).filteredOn(ProcessVersion::latest).hasSize(1);
        assertThat(birth.versions()).allSatisfy(v -> assertThat(v.deployedAt()).isNotNull());
        long running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("birth-registration").count();
        assertThat(birth.versions().stream().mapToLong(ProcessVersion::runningInstances).sum()).isEqualTo(running);
        assertThat(processes).filteredOn(VersionedProcess::shared).extracting(VersionedProcess::processKey)
                .containsExactly(DossierProcess.LIFECYCLE);
    }

    @Test
    void runningInstancesMoveToTheNewVersionAndOneThatCannotStaysWithItsReason() {
        var v1 = deploy("catalogue-fixtures/migration/catalogue-migration-demo-v1.bpmn");
        var runtime = engine.getRuntimeService();
        var tasks = engine.getTaskService();
        var first = runtime.startProcessInstanceById(v1.getId());
        var second = runtime.startProcessInstanceById(v1.getId());
        var ahead = runtime.startProcessInstanceById(v1.getId());
        tasks.complete(tasks.createTaskQuery().processInstanceId(ahead.getId()).singleResult().getId());
        var v2 = deploy("catalogue-fixtures/migration/catalogue-migration-demo-v2.bpmn");
        assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);

        users.signInAs("admin");
        var report = versions.migrate(v1.getId(), v2.getId());

        assertThat(report.processKey()).isEqualTo(KEY);
        assertThat(report.sourceVersion()).isEqualTo(v1.getVersion());
        assertThat(report.targetVersion()).isEqualTo(v2.getVersion());
        assertThat(report.planProblems()).isEmpty();
        assertThat(report.migrated()).extracting(MigrationReport.Instance::processInstanceId)
                .containsExactlyInAnyOrder(first.getId(), second.getId());
        assertThat(report.notMigrated()).singleElement().satisfies(failure -> {
            assertThat(failure.instance().processInstanceId()).isEqualTo(ahead.getId());
            assertThat(failure.instance().label()).isEqualTo(ahead.getId());
            assertThat(failure.reasons()).anySatisfy(reason -> {
                assertThat(reason.activityId()).isEqualTo("Task_Second");
                assertThat(reason.message()).isNotBlank();
            });
        });
        assertThat(report.complete()).isFalse();

        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v2.getId()).count()).isEqualTo(2);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isEqualTo(1);
        // The moved instances go on along the new version
        tasks.complete(tasks.createTaskQuery().processInstanceId(first.getId()).singleResult().getId());
        assertThat(tasks.createTaskQuery().processInstanceId(first.getId()).singleResult().getTaskDefinitionKey()).isEqualTo("Task_Third");
        // The one left behind finishes on its own version
        tasks.complete(tasks.createTaskQuery().processInstanceId(ahead.getId()).singleResult().getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(ahead.getId()).count()).isZero();
    }

    @Test
    void nothingToMoveIsAReportToo() {
        var v1 = deploy("catalogue-fixtures/migration/catalogue-migration-demo-v1.bpmn");
        var v2 = deploy("catalogue-fixtures/migration/catalogue-migration-demo-v2.bpmn");
        users.signInAs("admin");

        var report = versions.migrate(v1.getId(), v2.getId());

        assertThat(report.migrated()).isEmpty();
        assertThat(report.notMigrated()).isEmpty();
        assertThat(report.complete()).isTrue();
    }

    @Test
    void versionsMoveOnlyWithinOneProcessAndBetweenExistingVersions() {
        var v1 = deploy("catalogue-fixtures/migration/catalogue-migration-demo-v1.bpmn");
        var birth = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("birth-registration").latestVersion().singleResult();
        users.signInAs("admin");

        assertThatThrownBy(() -> versions.migrate(v1.getId(), v1.getId())).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.messageKey()).isEqualTo("catalogue.versions.error.sameVersion"));
        assertThatThrownBy(() -> versions.migrate(v1.getId(), birth.getId())).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.messageKey()).isEqualTo("catalogue.versions.error.otherProcess"));
        assertThatThrownBy(() -> versions.migrate("no-such-definition", v1.getId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyAnAdministratorSeesOrMovesVersions() {
        var v1 = deploy("catalogue-fixtures/migration/catalogue-migration-demo-v1.bpmn");
        for (String user : List.of("clerk", "leader", "supervisor", "designer")) {
            users.signInAs(user);
            assertThatThrownBy(() -> versions.processes()).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> versions.migrate(v1.getId(), v1.getId())).as(user).isInstanceOf(AccessDeniedException.class);
        }
        users.signOut();
        assertThatThrownBy(() -> versions.processes()).isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
    }

    private ProcessDefinition deploy(String resource) {
        var repository = engine.getRepositoryService();
        var deployment = repository.createDeployment().name(DEPLOYMENT)
                .addClasspathResource(resource).deploy();
        return repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
    }
}
