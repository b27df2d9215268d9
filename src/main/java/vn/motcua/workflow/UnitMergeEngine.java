package vn.motcua.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossiersMoved;

/**
 * Dossiers moved to a successor unit take their processes along: the process variable naming the unit (which the
 * models' candidate groups, deadlines and timers read) names the successor, so that every step still to come goes to
 * the successor's people; the open steps offered to the old unit's groups are offered to the successor's same groups
 * (a step held by someone stays theirs: the merged unit's people moved with it). Steps of other units (the tax office)
 * stay where they are.
 */
@Component
class UnitMergeEngine {
    private final RuntimeService runtime;
    private final TaskService tasks;

    UnitMergeEngine(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @EventListener
    void on(DossiersMoved moved) {
        String oldSuffix = "_" + moved.fromUnit();
        int instances = 0;
        int steps = 0;
        for (String code : moved.codes()) {
            for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).list()) {
                Object unit = runtime.getVariable(instance.getId(), DossierProcess.VAR_UNIT);
                if (moved.fromUnit().equals(unit)) runtime.setVariable(instance.getId(), DossierProcess.VAR_UNIT, moved.toUnit());
                instances++;
                for (var task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
                    boolean changed = false;
                    for (var link : tasks.getIdentityLinksForTask(task.getId())) {
                        String group = link.getGroupId();
                        if (group != null && group.endsWith(oldSuffix)) {
                            String role = group.substring(0, group.length() - oldSuffix.length());
                            tasks.deleteCandidateGroup(task.getId(), group);
                            tasks.addCandidateGroup(task.getId(), role + "_" + moved.toUnit());
                            changed = true;
                        }
                    }
                    if (changed) steps++;
                }
            }
        }
        moved.count("processInstances", instances);
        moved.count("tasks", steps);
    }
}
