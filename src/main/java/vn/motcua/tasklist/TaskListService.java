package vn.motcua.tasklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.forms.FieldViolation;
import vn.motcua.forms.FormSchema;
import vn.motcua.forms.Forms;
import vn.motcua.monitoring.IndicatorSettings;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.UserAccount;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.AdministrativeChange;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.ResultPage;

/**
 * The civil servant's work: the steps they hold and those waiting for a group they belong to (one group per role at
 * their unit), in tabs with counters, paged, sorted and filtered in the database (the read model {@code work_item}).
 * A step outside the caller's groups is "not found". A step is taken before it is completed (completing a waiting
 * step takes it in the same transaction); a step somebody else holds, or that somebody completes or takes at the
 * same moment, answers 409.
 */
@Service
public class TaskListService {
    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identity;
    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final CurrentUser currentUser;
    private final Forms forms;
    private final WorkItems items;
    private final WorkingCalendar calendar;
    private final IndicatorSettings settings;
    private final OrganisationService organisation;
    private final Clock clock;
    private final Messages messages;
    private final org.springframework.context.ApplicationEventPublisher events;

    /** The variable of every step form holding the dossier's files, for a document preview ({@code =dossierDocuments}). */
    public static final String DOSSIER_DOCUMENTS = "dossierDocuments";
    private final vn.motcua.attachment.AttachmentService attachments;
    private final vn.motcua.attachment.StagedUploadService stagedUploads;

    TaskListService(TaskService tasks, HistoryService history, IdentityService identity, DossierService dossiers,
                    ProcedureCatalogue catalogue, CurrentUser currentUser, Forms forms, WorkItems items,
                    WorkingCalendar calendar, IndicatorSettings settings, OrganisationService organisation, Clock clock,
                    Messages messages, org.springframework.context.ApplicationEventPublisher events,
                    vn.motcua.attachment.AttachmentService attachments,
                    vn.motcua.attachment.StagedUploadService stagedUploads) {
        this.attachments = attachments;
        this.stagedUploads = stagedUploads;
        this.tasks = tasks;
        this.history = history;
        this.identity = identity;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.forms = forms;
        this.items = items;
        this.calendar = calendar;
        this.settings = settings;
        this.organisation = organisation;
        this.clock = clock;
        this.messages = messages;
        this.events = events;
    }

    /**
     * A page of the caller's tasks: a tab and filters, sorted by a column (ties by creation then id, so that pages
     * never overlap nor skip), {@code page} from 0, {@code size} 1..1000 (400 otherwise). The total counts the whole
     * list.
     */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional(readOnly = true)
    public ResultPage<WorkTask> page(TaskFilter filter, TaskSort sort, boolean ascending, int page, int size) {
        if (page < 0) throw new InvalidInputException("page", messages.get("error.field.range", "page", 0, Integer.MAX_VALUE));
        if (size < 1 || size > ResultPage.MAX_SIZE) {
            throw new InvalidInputException("size", messages.get("error.field.range", "size", 1, ResultPage.MAX_SIZE));
        }
        AuthenticatedUser user = currentUser.require();
        TaskFilter f = filter == null ? TaskFilter.none() : filter;
        var branches = branches(user, f);
        var params = new ArrayList<Object>();
        String where = filterSql(user, f, params);
        String order = orderBy(sort == null ? TaskSort.DUE_AT : sort, ascending);
        var found = items.page(branches, where, params, order, ResultPage.offset(page, size), size);
        long total = items.count(branches, where, params, f.tallied());
        return new ResultPage<>(found, total, page, size);
    }

    /** The caller's tab counters. */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional(readOnly = true)
    public Map<WorkTab, Long> counts() {
        AuthenticatedUser user = currentUser.require();
        Instant now = clock.instant();
        return items.counts(branches(user, TaskFilter.none()), user.username(), now, nearlyDueBefore(user, now));
    }

    /** The open steps of a dossier the caller may work on, earliest due first. */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional(readOnly = true)
    public List<WorkTask> tasksOf(String dossierCode) {
        AuthenticatedUser user = currentUser.require();
        var params = new ArrayList<Object>();
        params.add(dossierCode);
        return items.page(branches(user, TaskFilter.none()), " and w.dossier_code = ?", params,
                orderBy(TaskSort.DUE_AT, true), 0, ResultPage.MAX_SIZE);
    }

    /** One task the caller may work on. */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional(readOnly = true)
    public WorkTask task(String taskId) {
        return visible(taskId == null ? Optional.empty() : items.find(taskId), taskId, currentUser.require());
    }

    /** The form to complete a task with, if its step has one. */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    public Optional<FormSchema> form(WorkTask task) {
        return task.formKey() == null ? Optional.empty() : catalogue.form(task.formKey());
    }

    /**
     * What the step's form may show besides its own fields: the process's simple variables (a fee computed by a
     * decision table, the routing flags), for its text templates and conditions, and the dossier's files under
     * {@link #DOSSIER_DOCUMENTS} for a document preview.
     */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional(readOnly = true)
    public Map<String, Object> formContext(String taskId) {
        WorkTask task = task(taskId);
        Map<String, Object> context = new HashMap<>();
        tasks.getVariables(task.id()).forEach((name, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) context.put(name, value);
        });
        context.put(DOSSIER_DOCUMENTS, task.dossierCode() == null ? List.of() : attachments.formDocuments(task.dossierCode()));
        return context;
    }

    /** Takes a waiting task; refuses one somebody else already took, or completed meanwhile (409). */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional
    public WorkTask claim(String taskId) {
        String me = currentUser.require().username();
        WorkTask task = locked(taskId);
        refuseIfTakenByOther(task, me);
        if (task.assignee() == null) engine(() -> tasks.claim(taskId, me));
        return items.find(taskId).orElseThrow();
    }

    /** Gives a task the caller holds back to its group. */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional
    public void release(String taskId) {
        WorkTask task = locked(taskId);
        if (!currentUser.require().username().equals(task.assignee())) throw new BusinessRuleException("task.notYours", task.name());
        engine(() -> tasks.setAssignee(taskId, null));
    }

    /**
     * A leader hands a step of their unit to someone of the step's group (an enabled user with the group's role at
     * the group's unit), or gives it back to the group ({@code username} null). Written to the administrators' log.
     */
    @PreAuthorize("hasRole('LEADER')")
    @Transactional
    public WorkTask reassign(String taskId, String username) {
        AuthenticatedUser leader = currentUser.require();
        WorkTask task = lockedForLeader(taskId, leader);
        String target = username == null || username.isBlank() ? null : username.trim();
        if (target != null) requireMember(target, task);
        if (java.util.Objects.equals(target, task.assignee())) return task;
        engine(() -> tasks.setAssignee(taskId, target));
        events.publishEvent(new AdministrativeChange("TASK_REASSIGNED", task.dossierCode(),
                task.name() + ": " + (task.assignee() == null ? "-" : task.assignee()) + " → " + (target == null ? "-" : target)));
        return items.find(taskId).orElseThrow();
    }

    /**
     * A leader hands every open step an absent person holds in the leader's unit to someone else of the same group
     * (or back to the group when {@code to} is null). All or nothing: a step the other person may not take refuses
     * the whole hand-over (400 naming it). Returns how many steps moved.
     */
    @PreAuthorize("hasRole('LEADER')")
    @Transactional
    public int handOver(String from, String to) {
        AuthenticatedUser leader = currentUser.require();
        if (from == null || from.isBlank()) throw new InvalidInputException("from", messages.get("error.field.required", "from"));
        String target = to == null || to.isBlank() ? null : to.trim();
        int moved = 0;
        for (WorkTask held : items.heldBy(from.trim())) {
            if (held.unitIdentifier() == null || !held.unitIdentifier().equals(leader.unitIdentifier())) continue;
            WorkTask task = lockedForLeader(held.id(), leader);
            if (target != null) requireMember(target, task);
            engine(() -> tasks.setAssignee(task.id(), target));
            moved++;
        }
        if (moved > 0) {
            events.publishEvent(new AdministrativeChange("TASKS_HANDED_OVER", from.trim(),
                    moved + " → " + (target == null ? "-" : target)));
        }
        return moved;
    }

    /** Sets (or clears, with null) the day the caller wants to look at a step again; it shows in "follow-up" then. */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional
    public WorkTask followUp(String taskId, LocalDate day) {
        WorkTask task = locked(taskId);
        var entity = tasks.createTaskQuery().taskId(task.id()).singleResult();
        if (entity == null) throw new BusinessRuleException("task.alreadyDone", task.name());
        entity.setFollowUpDate(day == null ? null : Date.from(day.atStartOfDay(WorkingCalendar.ZONE).toInstant()));
        engine(() -> tasks.saveTask(entity));
        return items.find(taskId).orElseThrow();
    }

    /**
     * Completes a step with its form's data: validated by the same rules as the screen (400 naming the field, nothing
     * changed), stored with the dossier, and the routing flags the form declares handed to the process. A waiting
     * step is taken by the caller in the same transaction, so that the record says who did it.
     */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    @Transactional
    public void complete(String taskId, Map<String, Object> data) {
        String me = currentUser.require().username();
        WorkTask work = locked(taskId);
        refuseIfTakenByOther(work, me);
        if (work.dossierCode() != null) {
            Dossier dossier = dossiers.get(work.dossierCode());
            if (Dossier.clockStopped(dossier.status()) && !isLifecycleTask(taskId)) {
                throw new BusinessRuleException("task.clockStopped", dossier.code(), dossier.status().code());
            }
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
            // files picked in the form become the dossier's attachments in this transaction, the data keeps what they are
            FormSchema schema = form;
            forms.resolveFilePicks(form, stored, pick -> {
                String field = "data." + pick.field();
                if (work.dossierCode() == null) {
                    throw new InvalidInputException(field, messages.get("error.field.invalid", schema.labelOf(pick.field())));
                }
                return stagedUploads.filePicked(work.dossierCode(), field, pick.component().accept(), pick.references());
            });
            variables.putAll(form.processVariables(stored));
        }
        if (work.assignee() == null) engine(() -> tasks.claim(taskId, me));
        if (work.dossierCode() != null) {
            dossiers.recordStep(work.dossierCode(), taskId, work.stepKey(), work.name(), work.createdAt(), work.dueAt(), stored);
        }
        identity.setAuthenticatedUserId(me);
        try {
            engine(() -> tasks.complete(taskId, variables));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The people a leader may hand a step to: enabled users with the step's role at the step's unit. */
    @PreAuthorize("hasRole('LEADER')")
    @Transactional(readOnly = true)
    public List<UserAccount> candidatesFor(String taskId) {
        AuthenticatedUser leader = currentUser.require();
        WorkTask task = items.find(taskId).filter(t -> t.unitIdentifier() != null && t.unitIdentifier().equals(leader.unitIdentifier()))
                .orElseThrow(() -> new NotFoundException("task.notFound", taskId));
        return organisation.users().stream().filter(u -> member(u, task)).toList();
    }

    /** Nearly due: within the dashboard's nearly-due window of working hours, in the caller's unit's calendar. */
    Instant nearlyDueBefore(AuthenticatedUser user, Instant now) {
        return calendar.addWorkingTime(now, Duration.ofHours(settings.getNearlyDueWorkingHours()), user.unitIdentifier());
    }

    /** The caller's "whose" branches: their own steps and, per group, the group's waiting steps. */
    static List<WorkItems.Branch> branches(AuthenticatedUser user, TaskFilter f) {
        var result = new ArrayList<WorkItems.Branch>();
        var groups = user.candidateGroups().stream().sorted().toList();
        String me = user.username();
        String assignee = f.assignee() == null || f.assignee().isBlank() ? null : f.assignee().trim();
        if (assignee != null && !assignee.equals(me)) {
            // A leader looks at the work a colleague of their unit holds (to hand it over); others within their groups
            if (user.has(Role.LEADER) && user.unitIdentifier() != null) {
                result.add(new WorkItems.Branch("w.unit_identifier = ? and w.assignee = ?", List.of(user.unitIdentifier(), assignee)));
                return result;
            }
            for (String g : groups) result.add(new WorkItems.Branch("w.candidate_group = ? and w.assignee = ?", List.of(g, assignee)));
            return result;
        }
        WorkTab tab = f.tab() == null ? WorkTab.ALL : f.tab();
        if (tab != WorkTab.UNASSIGNED) result.add(new WorkItems.Branch("w.assignee = ?", List.of(me)));
        if (tab != WorkTab.MINE && assignee == null) {
            for (String g : groups) result.add(new WorkItems.Branch("w.candidate_group = ? and w.assignee is null", List.of(g)));
        }
        return result;
    }

    private String filterSql(AuthenticatedUser user, TaskFilter f, List<Object> params) {
        var sql = new StringBuilder();
        Instant now = clock.instant();
        switch (f.tab() == null ? WorkTab.ALL : f.tab()) {
            case RETURNED -> { sql.append(" and w.returned_to = ?"); params.add(user.username()); }
            case PAUSED -> sql.append(" and w.paused = true");
            case OVERDUE -> { sql.append(" and w.paused = false and w.due_at < ?"); params.add(WorkItems.utc(now)); }
            case NEARLY_DUE -> {
                sql.append(" and w.paused = false and w.due_at >= ? and w.due_at < ?");
                params.add(WorkItems.utc(now));
                params.add(WorkItems.utc(nearlyDueBefore(user, now)));
            }
            case FOLLOW_UP -> { sql.append(" and w.follow_up_at <= ?"); params.add(WorkItems.utc(now)); }
            default -> { }
        }
        if (f.q() != null && !f.q().isBlank()) {
            for (String word : vn.motcua.shared.TextSearch.fold(vn.motcua.shared.PlainText.nfc(f.q())).trim().split("\\s+")) {
                if (word.isEmpty()) continue;
                sql.append(" and w.search_text like ? escape '\\'");
                params.add(vn.motcua.shared.SqlPatterns.containing(word));
            }
        }
        if (f.procedure() != null && !f.procedure().isBlank()) {
            sql.append(" and w.procedure_code = ?");
            params.add(f.procedure().trim());
        }
        if (f.sector() != null && !f.sector().isBlank()) {
            var codes = catalogue.procedures().stream().filter(p -> p.sector() != null && f.sector().trim().equalsIgnoreCase(p.sector().name()))
                    .map(p -> p.code()).toList();
            if (codes.isEmpty()) {
                sql.append(" and 1 = 0");
            } else {
                sql.append(" and w.procedure_code in (").append(String.join(", ", codes.stream().map(c -> "?").toList())).append(")");
                params.addAll(codes);
            }
        }
        if (f.status() != null) { sql.append(" and w.dossier_status = ?"); params.add(f.status()); }
        if (f.channel() != null && !f.channel().isBlank()) { sql.append(" and w.channel = ?"); params.add(f.channel().trim()); }
        if (f.receivedFrom() != null) { sql.append(" and w.received_at >= ?"); params.add(vn.motcua.shared.SqlPatterns.startOf(f.receivedFrom())); }
        if (f.receivedTo() != null) { sql.append(" and w.received_at < ?"); params.add(vn.motcua.shared.SqlPatterns.startOf(f.receivedTo().plusDays(1))); }
        if (f.dueFrom() != null) { sql.append(" and w.due_at >= ?"); params.add(vn.motcua.shared.SqlPatterns.startOf(f.dueFrom())); }
        if (f.dueTo() != null) { sql.append(" and w.due_at < ?"); params.add(vn.motcua.shared.SqlPatterns.startOf(f.dueTo().plusDays(1))); }
        sql.append(vn.motcua.shared.SqlPatterns.allWordsIn("w.applicant_name", f.applicant(), params));
        if (Boolean.TRUE.equals(f.overdue())) { sql.append(" and w.paused = false and w.due_at < ?"); params.add(WorkItems.utc(now)); }
        if (Boolean.FALSE.equals(f.overdue())) {
            sql.append(" and (w.paused = true or w.due_at is null or w.due_at >= ?)");
            params.add(WorkItems.utc(now));
        }
        return sql.toString();
    }

    static String orderBy(TaskSort sort, boolean ascending) {
        String direction = ascending ? " asc" : " desc";
        String first = "w." + sort.column + direction + " nulls last";
        if (sort == TaskSort.DUE_AT) return first + ", w.created_at" + direction + ", w.task_id" + direction;
        return first + ", w.due_at asc nulls last, w.created_at asc, w.task_id asc";
    }

    /** The step's row, locked until the transaction ends; 404 when the caller may not see it, 409 when it is done. */
    private WorkTask locked(String taskId) {
        AuthenticatedUser user = currentUser.require();
        Optional<WorkTask> row;
        try {
            row = taskId == null ? Optional.empty() : items.lock(taskId);
        } catch (ConcurrencyFailureException e) {
            throw new BusinessRuleException("task.concurrent", taskId);
        }
        if (row.isEmpty() && taskId != null
                && history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0) {
            throw new BusinessRuleException("task.alreadyDone", taskId);
        }
        return visible(row, taskId, user);
    }

    /** A step of the leader's own unit, locked; 404 for any other. */
    private WorkTask lockedForLeader(String taskId, AuthenticatedUser leader) {
        Optional<WorkTask> row;
        try {
            row = taskId == null ? Optional.empty() : items.lock(taskId);
        } catch (ConcurrencyFailureException e) {
            throw new BusinessRuleException("task.concurrent", taskId);
        }
        WorkTask task = row.orElseThrow(() -> new NotFoundException("task.notFound", taskId));
        if (task.unitIdentifier() == null || !task.unitIdentifier().equals(leader.unitIdentifier())) {
            throw new NotFoundException("task.notFound", taskId);
        }
        return task;
    }

    private static WorkTask visible(Optional<WorkTask> row, String taskId, AuthenticatedUser user) {
        WorkTask task = row.orElseThrow(() -> new NotFoundException("task.notFound", taskId));
        if (user.username().equals(task.assignee())) return task;
        if (task.candidateGroup() != null && user.candidateGroups().contains(task.candidateGroup())) return task;
        throw new NotFoundException("task.notFound", taskId);
    }

    /** Engine calls that lose a race (the step completed or changed meanwhile) answer 409, never 500. */
    private static void engine(Runnable call) {
        try {
            call.run();
        } catch (OptimisticLockingException | ConcurrencyFailureException e) {
            throw new BusinessRuleException("task.concurrent", "");
        } catch (org.camunda.bpm.engine.exception.NullValueException e) {
            throw new BusinessRuleException("task.alreadyDone", "");
        }
    }

    private static void refuseIfTakenByOther(WorkTask task, String me) {
        if (task.assignee() != null && !task.assignee().equals(me)) {
            throw new BusinessRuleException("task.takenByOther", task.name());
        }
    }


    private void requireMember(String username, WorkTask task) {
        var user = organisation.user(username).orElse(null);
        if (user == null || !member(user, task)) {
            throw new InvalidInputException("username", messages.get("task.reassign.notMember", username, task.name()));
        }
    }

    private boolean member(UserAccount user, WorkTask task) {
        if (!user.enabled() || task.candidateGroup() == null) return false;
        // at any unit the person works for (a person may work for two)
        for (Long unitId : user.unitIds()) {
            var unit = organisation.unit(unitId).orElse(null);
            if (unit == null) continue;
            for (Role role : user.roles()) {
                if (role.groupAt(unit.identifier()).equals(task.candidateGroup())) return true;
            }
        }
        return false;
    }

    /** The lifecycle's own tasks (nearly-due, overdue) go on while the clock is stopped. */
    private boolean isLifecycleTask(String taskId) {
        var t = tasks.createTaskQuery().taskId(taskId).singleResult();
        return t != null && t.getProcessDefinitionId() != null && t.getProcessDefinitionId().startsWith("dossier-lifecycle:");
    }
}
