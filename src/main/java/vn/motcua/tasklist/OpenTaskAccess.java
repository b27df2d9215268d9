package vn.motcua.tasklist;

import java.util.ArrayList;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.WorkAccess;
import vn.motcua.security.AuthenticatedUser;

/** A user with an open step of a dossier (assigned, or in one of its candidate groups) may see that dossier. */
@Component
class OpenTaskAccess implements WorkAccess {
    private final TaskService tasks;

    OpenTaskAccess(TaskService tasks) { this.tasks = tasks; }

    @Override
    public boolean worksOn(AuthenticatedUser user, String dossierCode) {
        var query = tasks.createTaskQuery().processInstanceBusinessKey(dossierCode).or().taskAssignee(user.username());
        if (!user.candidateGroups().isEmpty()) query.taskCandidateGroupIn(new ArrayList<>(user.candidateGroups()));
        return query.endOr().count() > 0;
    }

    @Override
    public boolean worksOnStep(AuthenticatedUser user, String dossierCode, String taskId) {
        if (taskId == null) return false;
        var query = tasks.createTaskQuery().taskId(taskId).processInstanceBusinessKey(dossierCode)
                .or().taskAssignee(user.username());
        if (!user.candidateGroups().isEmpty()) query.taskCandidateGroupIn(new ArrayList<>(user.candidateGroups()));
        return query.endOr().count() > 0;
    }
}
