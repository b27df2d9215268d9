package vn.motcua.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.forms.FormOption;
import vn.motcua.workflow.DossierProcess;

/**
 * Real engine history for the bottleneck view: runs a generated dossier through its procedure's own process on the
 * embedded engine, with the engine's clock set (ClockUtil, here only, and always reset) to the instants of its past
 * life, completing each user task after a working time drawn for that step and that unit. The process's own service
 * tasks move the dossier's status as they always do; the generator then replaces the dossier's history through the
 * dossier module's import, so that its row, trail and steps tell exactly the life the engine recorded. Routing flags follow the shipped models' conventions: a step
 * whose form has the routing field {@code decision} takes its first option (approve, certify, sign...), or once in a
 * while {@code REWORK} where the form offers it; any other step gets {@code APPROVE}.
 * Runs as the system, outside any caller's transaction (each engine command commits on its own). Writes Camunda's
 * tables only (through the engine); the dossier's own records go through the dossier module. Demo profile only.
 */
@Component
@Profile("demo")
class EngineHistory {
    private static final Logger log = LoggerFactory.getLogger(EngineHistory.class);
    private static final int MAX_TASKS = 20;

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final WorkingCalendar calendar;
    private final JdbcTemplate jdbc;

    private final ProcedureCatalogue catalogue;

    EngineHistory(RuntimeService runtime, TaskService tasks, WorkingCalendar calendar, JdbcTemplate jdbc,
                  ProcedureCatalogue catalogue) {
        this.catalogue = catalogue;
        this.runtime = runtime;
        this.tasks = tasks;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    /**
     * Runs the dossier (already inserted in status 2, received in person) through {@code processKey}. On success the
     * plan holds the life the engine recorded (status, processing and return instants, working time, trail, steps)
     * and true is answered; on failure the instance is removed, the plan is left as it was and false is answered.
     *
     * @param allowedHours the dossier's processing time in working hours, to scale the steps' durations
     */
    boolean run(DossierPlan plan, String processKey, SplittableRandom rnd, double allowedHours, Instant now) {
        String instanceId = null;
        var steps = new java.util.ArrayList<DossierPlan.Step>();
        Instant processedAt = null;
        Instant returnedAt = null;
        double unitFactor = 0.6 + (Math.floorMod(plan.unitIdentifier.hashCode(), 100) / 100.0);
        boolean reworked = false;
        try {
            Instant t = plan.receivedAt;
            ClockUtil.setCurrentTime(Date.from(t));
            instanceId = runtime.startProcessInstanceByKey(processKey, plan.code,
                    Map.of(DossierProcess.VAR_UNIT, plan.unitIdentifier)).getId();
            for (int i = 0; i < MAX_TASKS; i++) {
                List<Task> open = tasks.createTaskQuery().processInstanceId(instanceId).active().list();
                if (open.isEmpty()) break;
                for (Task task : open) {
                    Instant created = task.getCreateTime().toInstant();
                    double mean = allowedHours * stepShare(processKey, task.getTaskDefinitionKey()) * unitFactor;
                    long seconds = Math.max(300, Math.round(Math.min(5, -Math.log(1 - rnd.nextDouble())) * mean * 3600));
                    Instant done = calendar.addWorkingTime(created.isAfter(t) ? created : t, Duration.ofSeconds(seconds),
                            plan.unitIdentifier).truncatedTo(ChronoUnit.SECONDS);
                    if (done.isAfter(now)) throw new IllegalStateException("the step would end in the future");
                    ClockUtil.setCurrentTime(Date.from(done));
                    Map<String, Object> variables = new HashMap<>();
                    List<Object> options = decisionOptions(plan.procedureCode, task.getTaskDefinitionKey());
                    boolean rework = options.contains(DossierProcess.DECISION_REWORK) && !reworked && rnd.nextDouble() < 0.12;
                    reworked |= rework;
                    variables.put(DossierProcess.VAR_DECISION, rework ? DossierProcess.DECISION_REWORK
                            : options.isEmpty() ? DossierProcess.DECISION_APPROVE : options.get(0));
                    tasks.complete(task.getId(), variables);
                    steps.add(new DossierPlan.Step(task.getId(), task.getTaskDefinitionKey(), task.getName(), created, done));
                    t = done;
                    Integer status = jdbc.queryForObject("select status from dossier where code = ?", Integer.class, plan.code);
                    if (processedAt == null && status != null && status >= 9) processedAt = done;
                    if (returnedAt == null && status != null && status == 10) returnedAt = done;
                }
            }
            if (processedAt == null) throw new IllegalStateException("the process did not produce a result");
        } catch (RuntimeException e) {
            log.warn("Demo history: dossier {} could not be run on process {}: {}", plan.code, processKey, e.getMessage());
            if (instanceId != null) {
                try {
                    if (runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
                        runtime.deleteProcessInstance(instanceId, "demo history aborted", true, true);
                    }
                } catch (RuntimeException ignored) {
                    // the instance is gone already
                }
            }
            return false;
        } finally {
            ClockUtil.reset();
        }
        plan.processInstanceId = instanceId;
        plan.events.clear();
        plan.event(plan.receivedAt, plan.channel, "RECEIVED", null, 2, plan.procedureCode);
        plan.event(plan.receivedAt, plan.channel, "PROCESSING_STARTED", 2, 4, null);
        plan.event(processedAt, plan.channel, "PROCESSED", 4, 9, null);
        plan.status = 9;
        plan.finishedAt = processedAt;
        plan.returnedAt = null;
        if (returnedAt != null) {
            plan.event(returnedAt, plan.channel, "RESULT_RETURNED", 9, 10, null);
            plan.status = 10;
            plan.returnedAt = returnedAt;
        }
        plan.workingSeconds = Math.max(0, calendar.workingTimeBetween(plan.receivedAt, processedAt, plan.unitIdentifier).getSeconds());
        plan.extendedDueAt = null;
        plan.statusReason = null;
        plan.steps.clear();
        plan.steps.addAll(steps);
        return true;
    }

    /**
     * The share of the processing time a step takes on average: drawn once per process and step from their names,
     * so that every run of the generator finds the same bottleneck.
     */
    /** The options of the routing field {@code decision} of the step's form, in form order; empty when it has none. */
    private List<Object> decisionOptions(String procedureCode, String stepKey) {
        return catalogue.stepForm(procedureCode, stepKey).stream()
                .flatMap(form -> form.allComponents().stream())
                .filter(c -> DossierProcess.VAR_DECISION.equals(c.key()))
                .flatMap(c -> c.values().stream()).map(FormOption::value).toList();
    }

    static double stepShare(String processKey, String taskKey) {
        int h = Math.floorMod((processKey + "/" + taskKey).hashCode(), 1000);
        return 0.08 + 0.5 * (h / 1000.0);
    }
}
