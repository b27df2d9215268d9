package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.MotCuaTest;

/**
 * The engine's history does not grow for ever: every definition has a time to live (motcua.history.time-to-live-days,
 * 3650 by default, as the procedures' models declare), the cleanup runs in the nightly window (motcua.history.cleanup-window-start/-end), and the cleanup
 * removes the history of instances that ended longer ago than the time to live, and only those.
 */
@MotCuaTest
class HistoryCleanupTest {
    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;

    @Test
    void theEngineRunsWithTheHistorySettings() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryTimeToLive()).isEqualTo("3650");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
    }

    @Test
    void everyDeployedDefinitionHasATimeToLive() {
        assertThat(repository.createProcessDefinitionQuery().list()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
        assertThat(repository.createDecisionDefinitionQuery().list()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
    }

    @Test
    void theCleanupRemovesFinishedHistoryOlderThanTheTimeToLiveAndKeepsTheRest() {
        // A process that ends at once, deployed without a time to live of its own: it gets the configured one
        var deployment = repository.createDeployment().name("history-cleanup-probe")
                .addModelInstance("history-cleanup-probe.bpmn", Bpmn.createExecutableProcess("history-cleanup-probe")
                        .camundaHistoryTimeToLiveString(null).startEvent().endEvent().done())
                .deploy();
        try {
            var definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
            assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);

            try {
                ClockUtil.setCurrentTime(Date.from(Instant.now().minus(3651, ChronoUnit.DAYS)));
                String endedTooLongAgo = runtime.startProcessInstanceById(definition.getId()).getId();
                ClockUtil.setCurrentTime(Date.from(Instant.now().minus(3649, ChronoUnit.DAYS)));
                String recentEnough = runtime.startProcessInstanceById(definition.getId()).getId();
                ClockUtil.reset();
                String today = runtime.startProcessInstanceById(definition.getId()).getId();
                assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(endedTooLongAgo).count())
                        .as("history recorded").isEqualTo(1);

                var job = history.cleanUpHistoryAsync(true);
                try {
                    management.executeJob(job.getId());
                } catch (OptimisticLockingException takenByTheJobExecutor) {
                    // the job executor ran it meanwhile
                }
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        history.createHistoricProcessInstanceQuery().processInstanceId(endedTooLongAgo).count())
                        .as("the instance that ended 3651 days ago").isZero());
                assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(recentEnough).count())
                        .as("the instance that ended 3649 days ago").isEqualTo(1);
                assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(today).count())
                        .as("the instance that ended today").isEqualTo(1);
                assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(endedTooLongAgo).count())
                        .as("the steps of the instance that ended 3651 days ago").isZero();
            } finally {
                ClockUtil.reset();
            }
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aModelThatAsksForLongerIsGivenTheConfiguredTimeToLive() {
        var deployment = repository.createDeployment().name("history-cap-probe")
                .addModelInstance("history-cap-probe.bpmn", Bpmn.createExecutableProcess("history-cap-probe")
                        .camundaHistoryTimeToLive(5000).startEvent().endEvent().done())
                .deploy();
        try {
            var definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
            assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
