package vn.motcua.tasklist;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.WorkAccess;
import vn.motcua.security.AuthenticatedUser;

/** A user with an open step of a dossier (held, or waiting in one of their groups) may see that dossier. */
@Component
class OpenTaskAccess implements WorkAccess {
    private final WorkItems items;

    OpenTaskAccess(WorkItems items) { this.items = items; }

    @Override
    public boolean worksOn(AuthenticatedUser user, String dossierCode) {
        return items.anyOpen(dossierCode, TaskListService.branches(user, TaskFilter.none()));
    }

    @Override
    public boolean worksOnStep(AuthenticatedUser user, String dossierCode, String taskId) {
        if (taskId == null) return false;
        return items.find(taskId).filter(t -> dossierCode.equals(t.dossierCode()))
                .filter(t -> user.username().equals(t.assignee())
                        || (t.candidateGroup() != null && user.candidateGroups().contains(t.candidateGroup())))
                .isPresent();
    }
}
