package vn.motcua.workflow;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierService;
import vn.motcua.security.SystemAccess;

/**
 * Every user task of every procedure tells its dossier which step it waits in, without each model saying so.
 */
@Component
class CurrentStepPlugin extends AbstractProcessEnginePlugin {
    private final DossierService dossiers;

    CurrentStepPlugin(@Lazy DossierService dossiers) { this.dossiers = dossiers; }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener onCreate = task -> {
            String code = task.getExecution().getProcessBusinessKey();
            if (code != null) SystemAccess.run(() -> dossiers.recordCurrentStep(code, task.getName()));
        };
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                // The lifecycle's own tasks (warnings to the leader) are not steps of the procedure
                if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        && DossierProcess.LIFECYCLE.equals(definition.getKey())) return;
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
                }
            }
        });
    }
}
