package vn.motcua.tasklist;

import java.util.ArrayList;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Keeps the worklists' read model in step with the engine: every user task of every process, when it is created,
 * taken, given back, re-dated, completed or cancelled, writes its row in the same transaction as the engine's own
 * task row. Nothing else writes {@code work_item} (besides the start-up reconciliation).
 */
@Component
class WorkItemPlugin extends AbstractProcessEnginePlugin {
    private final WorkItemWriter writer;

    WorkItemPlugin(@Lazy WorkItemWriter writer) { this.writer = writer; }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener changed = task -> writer.write(facts(task));
        TaskListener gone = task -> writer.remove(task.getId());
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    var definition = behavior.getTaskDefinition();
                    definition.addTaskListener(TaskListener.EVENTNAME_CREATE, changed);
                    definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, changed);
                    definition.addTaskListener(TaskListener.EVENTNAME_UPDATE, changed);
                    definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, gone);
                    definition.addTaskListener(TaskListener.EVENTNAME_DELETE, gone);
                }
            }
        });
    }

    static WorkItemFacts facts(DelegateTask task) {
        String formKey = null;
        if (task instanceof TaskEntity entity) {
            entity.initializeFormKey();
            if (entity.getCamundaFormRef() != null) formKey = entity.getCamundaFormRef().getKey();
        }
        String group = task.getCandidates().stream().map(link -> link.getGroupId()).filter(g -> g != null)
                .sorted().findFirst().orElse(null);
        String definitionId = task.getProcessDefinitionId();
        return new WorkItemFacts(task.getId(), task.getProcessInstanceId(),
                task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(),
                task.getTaskDefinitionKey(), task.getName(), formKey,
                definitionId == null ? null : definitionId.split(":")[0], group, task.getAssignee(),
                instant(task.getCreateTime()), instant(task.getDueDate()), instant(task.getFollowUpDate()));
    }

    private static java.time.Instant instant(Date date) { return date == null ? null : date.toInstant(); }
}
