package vn.motcua.workflow;

import java.util.ArrayList;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine keeps the history of a finished process instance at most {@code motcua.history.time-to-live-days} days;
 * then its history cleanup (in the nightly window of {@code motcua.history.cleanup-window-start}/{@code -end}) removes
 * it. A definition deployed without a time to live gets that one (the engine's configuration, application.yml); a
 * process model that declares a longer {@code camunda:historyTimeToLive} is given this one as it is deployed; and once
 * the application has started, every process and decision definition already deployed without one, or with a longer
 * one, gets it too, so that lowering the setting takes effect at the next start. Instances that ended before keep the
 * removal time they were given when they ended.
 */
@Component
class HistoryRetention extends AbstractProcessEnginePlugin {
    private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

    private final RepositoryService repository;
    private final int timeToLiveDays;

    HistoryRetention(@Lazy RepositoryService repository, @Value("${motcua.history.time-to-live-days}") int timeToLiveDays) {
        if (timeToLiveDays < 1) {
            throw new IllegalArgumentException("motcua.history.time-to-live-days must be at least 1, not " + timeToLiveDays);
        }
        this.repository = repository;
        this.timeToLiveDays = timeToLiveDays;
    }

    private boolean exceeds(Integer days) { return days == null || days > timeToLiveDays; }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                if (exceeds(definition.getHistoryTimeToLive())) definition.setHistoryTimeToLive(timeToLiveDays);
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void capEveryDeployedDefinition() {
        int updated = 0;
        for (var definition : repository.createProcessDefinitionQuery().list()) {
            if (exceeds(definition.getHistoryTimeToLive())) {
                repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), timeToLiveDays);
                updated++;
            }
        }
        for (var definition : repository.createDecisionDefinitionQuery().list()) {
            if (exceeds(definition.getHistoryTimeToLive())) {
                repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), timeToLiveDays);
                updated++;
            }
        }
        if (updated > 0) log.info("History time to live of {} days given to {} deployed definitions", timeToLiveDays, updated);
    }
}
