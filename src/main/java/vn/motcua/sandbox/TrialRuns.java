package vn.motcua.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.ProcedureDesigns;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.forms.FieldViolation;
import vn.motcua.forms.FormSchema;
import vn.motcua.forms.Forms;
import vn.motcua.forms.StepRecord;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.ForbiddenException;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;
import vn.motcua.workflow.Deadlines;
import vn.motcua.workflow.DossierProcess;

/**
 * Designers' test runs (chạy thử): a procedure's draft (or, without one, its published version) run in the sandbox
 * engine as a dossier would be, the designer acting as each role in turn through the steps' real forms, validated by
 * the same rules as the task list, the statuses moved by the dossier's own transition table, the due dates computed by
 * the working calendar of the unit chosen, the lifecycle's timers fired when the designer asks. Nothing of it reaches
 * the application's engine or database: no dossier, code, audit entry, indicator, search entry or notification.
 *
 * <p>A run belongs to the designer who started it, one per procedure (starting again replaces it); runs live in this
 * node's memory (a node restart ends them; sticky sessions keep a designer on one node) and end after a day unused.
 * Every method checks that the caller is a designer.
 */
@Service
public class TrialRuns implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(TrialRuns.class);
    /** How every test dossier's reference begins: never a dossier code. */
    public static final String KEY_PREFIX = "CHAY-THU-";
    /** A run unused for this long ends at the next start of any run. */
    static final Duration IDLE = Duration.ofHours(24);
    /** The most jobs (asynchronous steps) one action runs before it gives the loop up as endless. */
    private static final int MAX_JOBS_PER_ACTION = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProcedureDesigns designs;
    private final OrganisationService organisation;
    private final WorkingCalendar calendar;
    private final Forms forms;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final Clock clock;
    private final Deadlines deadlines;

    private SandboxEngine sandbox;
    /** owner + procedure code → run. */
    private final Map<String, Run> runs = new HashMap<>();
    /** test dossier reference → run, for the engine's beans. */
    private final Map<String, Run> byKey = new ConcurrentHashMap<>();
    /** deployment name → hash of the content last deployed under it (the version the lifecycle calls). */
    private final Map<String, String> deployed = new HashMap<>();

    TrialRuns(ProcedureDesigns designs, OrganisationService organisation, WorkingCalendar calendar, Forms forms,
              CurrentUser currentUser, Messages messages, Clock clock, Deadlines deadlines) {
        this.designs = designs;
        this.organisation = organisation;
        this.calendar = calendar;
        this.forms = forms;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    /**
     * What starting a run of the procedure needs: the procedure as the run would take it (draft or published), its
     * intake form and the units it may be received in (open units of the procedure's level, the caller's own first).
     */
    public record Setup(ProcedureDesigns.Trial trial, FormSchema intakeForm, List<Unit> units) { }

    /**
     * @throws NotFoundException                   when the code is not a procedure
     * @throws ProcedureDesigns.UploadRejected     when the draft does not pass the linter
     */
    public synchronized Setup setup(String code) {
        AuthenticatedUser user = requireDesigner();
        var trial = designs.trial(code);
        UnitLevel level = trial.procedure().level();
        List<Unit> units = organisation.units().stream().filter(Unit::active)
                .filter(u -> level == null || u.level() == level)
                .sorted(Comparator.comparing((Unit u) -> !u.identifier().equals(user.unitIdentifier()))
                        .thenComparing(Unit::identifier))
                .toList();
        return new Setup(trial, trial.form(trial.procedure().intakeForm()).orElse(null), units);
    }

    /**
     * Starts a test run of the procedure, received in the unit with the intake form's data (checked like a receipt);
     * it replaces the caller's previous run of the procedure.
     *
     * @throws InvalidInputException when the unit is unknown or closed, or the data break the intake form's rules
     *                               (400 naming {@code data.<field>}); nothing started
     * @throws BusinessRuleException when the model fails at its first steps (the engine's reason); nothing kept
     */
    public synchronized TrialRun start(String code, String unitIdentifier, Map<String, Object> intakeData) {
        AuthenticatedUser user = requireDesigner();
        var trial = designs.trial(code);
        Unit unit = unitIdentifier == null ? null : organisation.unitByIdentifier(unitIdentifier.strip()).filter(Unit::active).orElse(null);
        if (unit == null) throw new InvalidInputException("unit", messages.get("design.trial.unit.unknown", String.valueOf(unitIdentifier)));
        Map<String, Object> variables = new HashMap<>();
        FormSchema intake = trial.form(trial.procedure().intakeForm()).orElse(null);
        if (intake != null) variables.putAll(intake.processVariables(checked(intake, intakeData)));
        discardIdle();
        discard(user, trial.code());
        ProcessEngine engine = engine();
        deploy(engine, "_shared", trial.sharedHash(), trial.sharedResources());
        deploy(engine, trial.folder(), trial.contentHash(), trial.resources());

        Instant now = now();
        String key = KEY_PREFIX + Long.toString(Math.abs(RANDOM.nextLong()) % 2_176_782_336L, 36).toUpperCase(Locale.ROOT);
        Run run = new Run(key, user.username(), trial, unit, now,
                calendar.dueAt(now, trial.procedure().processingTime(false), unit.identifier()));
        byKey.put(key, run);
        variables.put(DossierProcess.VAR_UNIT, unit.identifier());
        variables.put(DossierProcess.VAR_PROCEDURE_PROCESS, trial.processKey());
        try {
            ProcessInstance root = engine.getRuntimeService().startProcessInstanceByKey(DossierProcess.LIFECYCLE, key, variables);
            run.rootId = root.getId();
            runJobs(engine, run);
        } catch (RuntimeException e) {
            byKey.remove(key);
            if (run.rootId != null) deleteInstances(engine, run);
            throw e instanceof StepFailed step ? failed(step.step, step.failure()) : failed(trial.procedure().name(Messages.locale()), e);
        }
        runs.put(owner(user, trial.code()), run);
        log.info("Procedure {}: test run {} started by {} ({})", trial.code(), key, user.username(), trial.fromDraft() ? "draft" : "published");
        return view(engine, run);
    }

    /** The caller's run of the procedure, if one is going on. */
    public synchronized Optional<TrialRun> current(String code) {
        AuthenticatedUser user = requireDesigner();
        Run run = runs.get(owner(user, code));
        if (run == null) return Optional.empty();
        run.usedAt = now();
        return Optional.of(view(engine(), run));
    }

    /** The form of an open step of the caller's run (null when the step has none). */
    public synchronized Optional<FormSchema> stepForm(String code, String taskId) {
        Run run = run(requireDesigner(), code);
        Task task = task(engine(), run, taskId);
        return formOf(run, task);
    }

    /**
     * Completes an open step of the caller's run with its form's data, as the role the step names: checked by the
     * form's rules (400 naming {@code data.<field>}, nothing done), its routing fields handed to the model, its decision
     * and opinion recorded for the next steps.
     *
     * @throws NotFoundException     when there is no run or the step is not open in it
     * @throws BusinessRuleException when the model fails on the way to the next wait (the engine's reason); the run
     *                               stays as it was
     */
    public synchronized TrialRun complete(String code, String taskId, Map<String, Object> data) {
        Run run = run(requireDesigner(), code);
        ProcessEngine engine = engine();
        Task task = task(engine, run, taskId);
        FormSchema form = formOf(run, task).orElse(null);
        Map<String, Object> stored = form == null ? Map.of() : checked(form, data);
        Map<String, Object> variables = form == null ? Map.of() : form.processVariables(stored);
        var group = group(engine, task);
        Locale locale = Messages.locale();
        var record = form == null ? StepRecord.NONE : StepRecord.of(form, stored, locale);
        Run.Snapshot before = run.snapshot();
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } catch (RuntimeException e) {
            run.restore(before);
            throw failed(task.getName(), e);
        }
        // The step is done (the engine committed it) whatever an automatic step after it does
        run.done.add(new TrialRun.DoneStep(task.getTaskDefinitionKey(), task.getName(), group.role(), unitName(group.unit(), locale),
                task.getCreateTime().toInstant(), now(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                record.decision(), record.opinion()));
        run.usedAt = now();
        try {
            runJobs(engine, run);
        } catch (StepFailed e) {
            throw failedAfter(task.getName(), e);
        }
        return view(engine, run);
    }

    /**
     * Fires a timer of the caller's run now (the nearly-due warning, the overdue escalation, a timer of the model), as
     * if its time had come.
     *
     * @throws NotFoundException     when there is no run or the timer is not one of its
     * @throws BusinessRuleException when the model fails on the way (the engine's reason); the run stays as it was
     */
    public synchronized TrialRun fireTimer(String code, String jobId) {
        Run run = run(requireDesigner(), code);
        ProcessEngine engine = engine();
        var ids = instanceIds(engine, run);
        Job job = jobId == null ? null : engine.getManagementService().createJobQuery().jobId(jobId).timers().singleResult();
        if (job == null || !ids.contains(job.getProcessInstanceId())) throw new NotFoundException("design.trial.noTimer", String.valueOf(jobId));
        String name = elementName(engine, job.getProcessDefinitionId(), activityOf(engine, job));
        Run.Snapshot before = run.snapshot();
        try {
            engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException e) {
            run.restore(before);
            throw failed(name, e);
        }
        run.usedAt = now();
        try {
            runJobs(engine, run);
        } catch (StepFailed e) {
            throw failedAfter(name, e);
        }
        return view(engine, run);
    }

    /** Ends the caller's run of the procedure, if any (to start over). */
    public synchronized void discard(String code) {
        discard(requireDesigner(), code);
    }

    @Override
    public synchronized void destroy() {
        if (sandbox != null) sandbox.close();
        sandbox = null;
    }

    // ---------------------------------------------------------------------------------------------------------

    private void discard(AuthenticatedUser user, String code) {
        Run run = runs.remove(owner(user, code));
        if (run == null) return;
        byKey.remove(run.key);
        if (sandbox != null) deleteInstances(sandbox.engine(), run);
    }

    private void discardIdle() {
        Instant limit = now().minus(IDLE);
        for (var entry : List.copyOf(runs.entrySet())) {
            if (entry.getValue().usedAt.isBefore(limit)) {
                runs.remove(entry.getKey());
                byKey.remove(entry.getValue().key);
                if (sandbox != null) deleteInstances(sandbox.engine(), entry.getValue());
            }
        }
    }

    private void deleteInstances(ProcessEngine engine, Run run) {
        try {
            if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(run.rootId).count() > 0) {
                engine.getRuntimeService().deleteProcessInstance(run.rootId, "test run ended", true, true);
            }
            var history = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(run.key).list()
                    .stream().map(HistoricProcessInstance::getId).toList();
            if (!history.isEmpty()) engine.getHistoryService().deleteHistoricProcessInstancesIfExists(history);
        } catch (ProcessEngineException e) {
            log.warn("Test run {}: its instances could not be removed from the sandbox engine: {}", run.key, e.getMessage());
        }
    }

    private synchronized ProcessEngine engine() {
        if (sandbox == null) sandbox = new SandboxEngine(beans());
        return sandbox.engine();
    }

    /** Deploys a folder's resources under its name when their content is not the one last deployed under it. */
    private void deploy(ProcessEngine engine, String name, String hash, Map<String, byte[]> resources) {
        if (hash.equals(deployed.get(name))) return;
        var builder = engine.getRepositoryService().createDeployment().name("trial:" + name);
        resources.forEach((resource, bytes) -> builder.addInputStream(resource, new java.io.ByteArrayInputStream(bytes)));
        builder.deploy();
        deployed.put(name, hash);
    }

    /** Runs the run's jobs that are due now (asynchronous steps; a timer only when the designer fires it). */
    private void runJobs(ProcessEngine engine, Run run) {
        var management = engine.getManagementService();
        for (int i = 0; i < MAX_JOBS_PER_ACTION; i++) {
            Job next = null;
            for (String id : instanceIds(engine, run)) {
                next = management.createJobQuery().processInstanceId(id).messages().executable().listPage(0, 1)
                        .stream().findFirst().orElse(null);
                if (next != null) break;
            }
            if (next == null) return;
            Run.Snapshot before = run.snapshot();
            try {
                management.executeJob(next.getId());
            } catch (RuntimeException e) {
                // The engine rolled the automatic step back; what it had told the run goes with it. The step then
                // waits as a real dossier's would once its retries are spent (an incident), rather than being
                // tried again at every action of the run.
                run.restore(before);
                management.setJobRetries(next.getId(), 0);
                throw new StepFailed(elementName(engine, next.getProcessDefinitionId(), activityOf(engine, next)), e);
            }
        }
        throw new BusinessRuleException("design.trial.endless", MAX_JOBS_PER_ACTION);
    }

    private static List<String> instanceIds(ProcessEngine engine, Run run) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(run.key).list()
                .stream().map(ProcessInstance::getId).toList();
    }

    private Task task(ProcessEngine engine, Run run, String taskId) {
        Task task = taskId == null ? null : engine.getTaskService().createTaskQuery().taskId(taskId)
                .processInstanceBusinessKey(run.key).initializeFormKeys().singleResult();
        if (task == null) throw new NotFoundException("design.trial.noStep", String.valueOf(taskId));
        return task;
    }

    private static Optional<FormSchema> formOf(Run run, Task task) {
        var ref = task.getCamundaFormRef();
        return ref == null ? Optional.empty() : run.trial.form(ref.getKey());
    }

    /** Checks data against a form's rules like the task list does: 400 naming {@code data.<field>}, else normalised. */
    private Map<String, Object> checked(FormSchema form, Map<String, Object> data) {
        Map<String, Object> input = data == null ? Map.of() : data;
        List<FieldViolation> violations = forms.validate(form, input, Messages.locale());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .map(v -> new InvalidInputException.Violation("data." + v.field(), v.message())).toList());
        }
        return forms.normalize(form, input);
    }

    /** The role and unit a step's candidate group names ({@code SPECIALIST_<unit identifier>}). */
    private record Group(String role, String unit) { }

    private static Group group(ProcessEngine engine, Task task) {
        for (var link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null) continue;
            String group = link.getGroupId();
            int cut = group.indexOf('_');
            if (cut <= 0) continue;
            String role = group.substring(0, cut);
            if (role.equals("CLERK") || role.equals("SPECIALIST") || role.equals("LEADER")) return new Group(role, group.substring(cut + 1));
        }
        return new Group(null, null);
    }

    private String unitName(String identifier, Locale locale) {
        if (identifier == null) return null;
        return organisation.unitByIdentifier(identifier).map(u -> u.displayName(locale)).orElse(identifier);
    }

    private TrialRun view(ProcessEngine engine, Run run) {
        Locale locale = Messages.locale();
        var runtime = engine.getRuntimeService();
        var history = engine.getHistoryService();
        var repository = engine.getRepositoryService();
        var ids = instanceIds(engine, run);

        List<TrialRun.OpenStep> open = new ArrayList<>();
        for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(run.key).orderByTaskCreateTime().asc().list()) {
            Group group = group(engine, task);
            boolean lifecycle = DossierProcess.LIFECYCLE.equals(repository.getProcessDefinition(task.getProcessDefinitionId()).getKey());
            open.add(new TrialRun.OpenStep(task.getId(), task.getTaskDefinitionKey(), task.getName(), group.role(), group.unit(),
                    unitName(group.unit(), locale), task.getCreateTime().toInstant(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant(), lifecycle));
        }

        List<TrialRun.Timer> timers = new ArrayList<>();
        for (String id : ids) {
            for (Job job : engine.getManagementService().createJobQuery().processInstanceId(id).timers().orderByJobDuedate().asc().list()) {
                String activity = activityOf(engine, job);
                timers.add(new TrialRun.Timer(job.getId(), activity, elementName(engine, job.getProcessDefinitionId(), activity),
                        job.getDuedate() == null ? null : job.getDuedate().toInstant()));
            }
        }
        timers.sort(Comparator.comparing(TrialRun.Timer::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));

        Map<String, Integer> passed = new LinkedHashMap<>();
        List<String> current = new ArrayList<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(run.key)
                .processDefinitionKey(run.trial.processKey()).list()) {
            for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
                if (activity.getEndTime() == null) current.add(activity.getActivityId());
                else if (!activity.isCanceled()) passed.merge(activity.getActivityId(), 1, Integer::sum);
            }
        }

        List<TrialRun.Stopped> stopped = new ArrayList<>();
        for (String id : ids) {
            for (Job job : engine.getManagementService().createJobQuery().processInstanceId(id).messages().noRetriesLeft().list()) {
                String activity = activityOf(engine, job);
                stopped.add(new TrialRun.Stopped(activity, elementName(engine, job.getProcessDefinitionId(), activity),
                        job.getExceptionMessage()));
                if (activity != null && !current.contains(activity)) current.add(activity);
            }
        }

        HistoricProcessInstance root = history.createHistoricProcessInstanceQuery().processInstanceId(run.rootId).singleResult();
        boolean ended = root != null && root.getEndTime() != null;
        String endedAs = ended ? elementName(engine, root.getProcessDefinitionId(), root.getEndActivityId()) : null;
        if (!ended && runtime.createProcessInstanceQuery().processInstanceId(run.rootId).count() == 0) ended = true;
        return new TrialRun(run.key, run.trial.code(), run.trial.procedure().name(locale), run.trial.fromDraft(), run.unit.identifier(),
                run.unit.displayName(locale), run.status, run.receivedAt, run.dueAt, run.extendedDueAt, ended, endedAs,
                List.copyOf(open), List.copyOf(run.done), List.copyOf(run.statuses), List.copyOf(timers), Map.copyOf(passed),
                List.copyOf(current), run.trial.bpmnXml(), List.copyOf(stopped));
    }

    private static String activityOf(ProcessEngine engine, Job job) {
        if (job.getJobDefinitionId() == null) return null;
        var definition = engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
        return definition == null ? null : definition.getActivityId();
    }

    private static String elementName(ProcessEngine engine, String processDefinitionId, String elementId) {
        if (processDefinitionId == null || elementId == null) return elementId;
        var element = engine.getRepositoryService().getBpmnModelInstance(processDefinitionId).getModelElementById(elementId);
        String name = element == null ? null : element.getAttributeValue("name");
        return name == null || name.isBlank() ? elementId : name;
    }

    /** A failure of the model in the run, in the user's language, with the engine's or the rule's reason. */
    private BusinessRuleException failed(String step, RuntimeException e) {
        String reason = reason(e);
        log.info("Test run: the model failed at {}: {}", step, reason);
        return new BusinessRuleException("design.trial.failed", step, reason);
    }

    /** Why the model failed, in the user's language: the model's own refusal, else the engine's message. */
    private String reason(RuntimeException e) {
        // the model's own refusal, also when the engine wrapped it
        Throwable cause = e;
        while (!(cause instanceof BusinessRuleException || cause instanceof InvalidInputException)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof BusinessRuleException rule ? messages.get(rule.messageKey(), rule.args())
                : cause instanceof InvalidInputException invalid
                ? invalid.violations().stream().map(InvalidInputException.Violation::message).reduce((a, b) -> a + "; " + b).orElse("")
                : String.valueOf(e.getMessage());
    }

    /**
     * An automatic step failed after the action itself was done (a step completed, a timer fired): the action stays
     * done, the automatic step waits, and the message says both.
     */
    private BusinessRuleException failedAfter(String action, StepFailed e) {
        String reason = reason(e.failure());
        log.info("Test run: {} done, then the model failed at {}: {}", action, e.step, reason);
        return new BusinessRuleException("design.trial.failedAfter", action, e.step, reason);
    }

    /** An automatic step (asynchronous, run as a job) of the run failed; the engine kept everything before it. */
    private static final class StepFailed extends RuntimeException {
        private final String step;

        StepFailed(String step, RuntimeException failure) {
            super(failure);
            this.step = step;
        }

        RuntimeException failure() { return (RuntimeException) getCause(); }
    }

    private Instant now() { return clock.instant().truncatedTo(ChronoUnit.MICROS); }

    private static String owner(AuthenticatedUser user, String code) { return user.username() + "|" + code; }

    private Run run(AuthenticatedUser user, String code) {
        Run run = runs.get(owner(user, code));
        if (run == null) throw new NotFoundException("design.trial.noRun", String.valueOf(code));
        return run;
    }

    private AuthenticatedUser requireDesigner() {
        AuthenticatedUser user = currentUser.require();
        if (!user.has(Role.DESIGNER)) throw new ForbiddenException("catalogue.design.forbidden");
        return user;
    }

    private Run runOf(DelegateExecution execution) {
        Run run = byKey.get(execution.getProcessBusinessKey());
        if (run == null) throw new BusinessRuleException("design.trial.noRun", execution.getProcessBusinessKey());
        return run;
    }

    /** The test versions of the beans the models may call. */
    private Map<Object, Object> beans() {
        Map<Object, Object> beans = new HashMap<>();
        beans.put(DossierProcess.BEAN_START_PROCESSING, (JavaDelegate) e -> runOf(e).move(Dossier.ProcessMove.START_PROCESSING, now()));
        beans.put(DossierProcess.BEAN_MARK_PROCESSED, (JavaDelegate) e -> runOf(e).move(Dossier.ProcessMove.MARK_PROCESSED, now()));
        beans.put(DossierProcess.BEAN_RETURN_RESULT, (JavaDelegate) e -> {
            Run run = runOf(e);
            if (run.status != DossierStatus.RETURNED) run.move(Dossier.ProcessMove.RETURN_RESULT, now());
        });
        beans.put(DossierProcess.BEAN_RECORD_EXTENSION, (JavaDelegate) this::recordExtension);
        beans.put(DossierProcess.BEAN_DEADLINES, deadlines);
        beans.put(DossierProcess.BEAN_DOSSIER_DEADLINES, new TrialDeadlines(this));
        return beans;
    }

    /** As the application's {@code recordExtension}: the new appointment is the end of that day's working hours. */
    private void recordExtension(DelegateExecution execution) {
        Run run = runOf(execution);
        LocalDate day = LocalDate.parse(String.valueOf(execution.getVariable(DossierProcess.VAR_NEW_DUE_DATE)));
        var hours = calendar.workingHours(run.unit.identifier());
        Instant newDue = day.atTime(hours.dayEnd()).atZone(WorkingCalendar.ZONE).toInstant();
        if (run.processed) throw new BusinessRuleException("dossier.extension.finished", run.key);
        Instant current = run.extendedDueAt != null ? run.extendedDueAt : run.dueAt;
        if (current != null && !newDue.isAfter(current)) throw new InvalidInputException("newDueDate", messages.get("dossier.extension.notLater"));
        run.extendedDueAt = newDue;
    }

    /** The lifecycle's timers of a test run, computed as {@code dossierDeadlines} computes them for a dossier. */
    public static final class TrialDeadlines {
        private final TrialRuns runs;

        TrialDeadlines(TrialRuns runs) { this.runs = runs; }

        public Date dueAt(DelegateExecution execution) {
            return Date.from(runs.runOf(execution).dueAt);
        }

        public Date warningAt(DelegateExecution execution) {
            Run run = runs.runOf(execution);
            Duration total = runs.calendar.workingTimeBetween(run.receivedAt, run.dueAt, run.unit.identifier());
            if (total.isNegative() || total.isZero()) return Date.from(run.dueAt);
            return Date.from(runs.calendar.addWorkingTime(run.receivedAt, total.multipliedBy(3).dividedBy(4), run.unit.identifier()));
        }
    }

    /** A test dossier: what the status steps and the extension change, kept beside the engine's instances. */
    private static final class Run {
        final String key;
        final String owner;
        final ProcedureDesigns.Trial trial;
        final Unit unit;
        final Instant receivedAt;
        final Instant dueAt;
        final List<TrialRun.StatusChange> statuses = new ArrayList<>();
        final List<TrialRun.DoneStep> done = new ArrayList<>();
        DossierStatus status = DossierStatus.RECEIVED;
        Instant extendedDueAt;
        boolean processed;
        String rootId;
        Instant usedAt;

        Run(String key, String owner, ProcedureDesigns.Trial trial, Unit unit, Instant receivedAt, Instant dueAt) {
            this.key = key;
            this.owner = owner;
            this.trial = trial;
            this.unit = unit;
            this.receivedAt = receivedAt;
            this.dueAt = dueAt;
            this.usedAt = receivedAt;
            statuses.add(new TrialRun.StatusChange(null, DossierStatus.RECEIVED, receivedAt));
        }

        /** A status step of the model, by the dossier's transition table (refused as a dossier would refuse it). */
        void move(Dossier.ProcessMove move, Instant at) {
            DossierStatus next = move.from(status)
                    .orElseThrow(() -> new BusinessRuleException("dossier.transition.illegal", key, status.code(), move.to().code()));
            statuses.add(new TrialRun.StatusChange(status, next, at));
            status = next;
            if (move == Dossier.ProcessMove.MARK_PROCESSED) processed = true;
        }

        record Snapshot(DossierStatus status, int statuses, Instant extendedDueAt, boolean processed) { }

        Snapshot snapshot() { return new Snapshot(status, statuses.size(), extendedDueAt, processed); }

        /** Back to a snapshot: the engine rolled its own changes back when the model failed. */
        void restore(Snapshot snapshot) {
            status = snapshot.status();
            while (statuses.size() > snapshot.statuses()) statuses.remove(statuses.size() - 1);
            extendedDueAt = snapshot.extendedDueAt();
            processed = snapshot.processed();
        }
    }
}
