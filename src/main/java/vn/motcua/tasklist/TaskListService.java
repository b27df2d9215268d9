package vn.motcua.tasklist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.DossierService;
import vn.motcua.forms.FieldViolation;
import vn.motcua.forms.FormSchema;
import vn.motcua.forms.Forms;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;

/**
 * The civil servant's work: the tasks assigned to them and those waiting for a group they belong to (one group per
 * role at their unit), the most urgent first. A task outside the caller's groups is "not found".
 */
@Service
public class TaskListService {
    private static final int MAX_TASKS = 1000;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final CurrentUser currentUser;
    private final Forms forms;

    TaskListService(TaskService tasks, RuntimeService runtime, IdentityService identity, DossierService dossiers,
                    ProcedureCatalogue catalogue, CurrentUser currentUser, Forms forms) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.forms = forms;
    }

    /** The caller's tasks: assigned to them, or unassigned in their groups; earliest due first, undated last. */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional(readOnly = true)
    public List<WorkTask> myTasks() {
        AuthenticatedUser user = currentUser.require();
        var query = tasks.createTaskQuery().initializeFormKeys().or().taskAssignee(user.username());
        if (!user.candidateGroups().isEmpty()) query.taskCandidateGroupIn(new ArrayList<>(user.candidateGroups()));
        List<Task> found = query.endOr().orderByTaskCreateTime().asc().listPage(0, MAX_TASKS);
        return toWorkTasks(found).stream()
                .sorted(Comparator.comparing(WorkTask::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(WorkTask::createdAt))
                .toList();
    }

    /** One task the caller may work on. */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional(readOnly = true)
    public WorkTask task(String taskId) {
        return toWorkTasks(List.of(visible(taskId))).get(0);
    }

    /** The open tasks of a dossier the caller may work on. */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional(readOnly = true)
    public List<WorkTask> tasksOf(String dossierCode) {
        return myTasks().stream().filter(t -> dossierCode.equals(t.dossierCode())).toList();
    }

    /** The form to complete a task with, if its step has one. */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    public Optional<FormSchema> form(WorkTask task) {
        return task.formKey() == null ? Optional.empty() : catalogue.form(task.formKey());
    }

    /**
     * What the step's form may show besides its own fields: the process's simple variables (a fee computed by a
     * decision table, the routing flags), for its text templates and conditions.
     */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional(readOnly = true)
    public Map<String, Object> formContext(String taskId) {
        Task task = visible(taskId);
        Map<String, Object> context = new HashMap<>();
        tasks.getVariables(task.getId()).forEach((name, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) context.put(name, value);
        });
        return context;
    }

    /** Takes a waiting task; refuses one somebody else already took. */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional
    public WorkTask claim(String taskId) {
        Task task = visible(taskId);
        String me = currentUser.require().username();
        refuseIfTakenByOther(task, me);
        if (task.getAssignee() == null) tasks.claim(taskId, me);
        return task(taskId);
    }

    /** Gives a task back to its groups. */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional
    public void release(String taskId) {
        Task task = visible(taskId);
        if (!currentUser.require().username().equals(task.getAssignee())) throw new BusinessRuleException("task.notYours", task.getName());
        tasks.setAssignee(taskId, null);
    }

    /**
     * Completes a step with its form's data: validated by the same rules as the screen (400 naming the field, nothing
     * changed), stored with the dossier, and the routing flags the form declares handed to the process.
     */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional
    public void complete(String taskId, Map<String, Object> data) {
        Task task = visible(taskId);
        String me = currentUser.require().username();
        refuseIfTakenByOther(task, me);
        WorkTask work = toWorkTasks(List.of(task)).get(0);
        var dossier = dossiers.get(work.dossierCode());
        if (vn.motcua.dossier.Dossier.clockStopped(dossier.status()) && !isLifecycleTask(task)) {
            throw new BusinessRuleException("task.clockStopped", dossier.code(), dossier.status().code());
        }
        Map<String, Object> input = data == null ? Map.of() : data;
        Map<String, Object> stored = input;
        Map<String, Object> variables = new HashMap<>();
        FormSchema form = form(work).orElse(null);
        if (form != null) {
            List<FieldViolation> violations = forms.validate(form, input, Messages.locale());
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations.stream()
                        .map(v -> new InvalidInputException.Violation("data." + v.field(), v.message())).toList());
            }
            stored = forms.normalize(form, input);
            variables.putAll(form.processVariables(stored));
        }
        if (task.getAssignee() == null) tasks.claim(taskId, me);
        dossiers.recordStep(work.dossierCode(), taskId, work.stepKey(), work.name(), work.createdAt(), stored);
        identity.setAuthenticatedUserId(me);
        try {
            tasks.complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** A task somebody else took is theirs until they give it back (409). */
    private static void refuseIfTakenByOther(Task task, String me) {
        if (task.getAssignee() != null && !task.getAssignee().equals(me)) {
            throw new BusinessRuleException("task.takenByOther", task.getName());
        }
    }

    /** The lifecycle's own tasks (nearly-due, overdue) go on while the clock is stopped. */
    private static boolean isLifecycleTask(Task task) {
        return task.getProcessDefinitionId() != null && task.getProcessDefinitionId().startsWith("dossier-lifecycle:");
    }

    private Task visible(String taskId) {
        AuthenticatedUser user = currentUser.require();
        Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) throw new NotFoundException("task.notFound", taskId);
        if (user.username().equals(task.getAssignee())) return task;
        Set<String> groups = user.candidateGroups();
        boolean candidate = !groups.isEmpty() && tasks.createTaskQuery().taskId(taskId)
                .taskCandidateGroupIn(new ArrayList<>(groups)).includeAssignedTasks().count() > 0;
        if (!candidate) throw new NotFoundException("task.notFound", taskId);
        return task;
    }

    private List<WorkTask> toWorkTasks(List<Task> found) {
        if (found.isEmpty()) return List.of();
        var instanceIds = found.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        Map<String, String> businessKeys = new HashMap<>();
        runtime.createProcessInstanceQuery().processInstanceIds(Set.of(instanceIds)).list()
                .forEach(pi -> businessKeys.put(pi.getId(), pi.getBusinessKey()));
        Map<String, String> procedureOfProcess = new HashMap<>();
        catalogue.procedures().forEach(p -> procedureOfProcess.put(p.processKey(), p.code()));
        List<WorkTask> result = new ArrayList<>();
        for (Task t : found) {
            String processKey = t.getProcessDefinitionId() == null ? null : t.getProcessDefinitionId().split(":")[0];
            String formKey = t.getCamundaFormRef() != null ? t.getCamundaFormRef().getKey() : null;
            result.add(new WorkTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), businessKeys.get(t.getProcessInstanceId()),
                    procedureOfProcess.get(processKey), t.getCreateTime().toInstant(),
                    t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getAssignee(), formKey));
        }
        return result;
    }
}
