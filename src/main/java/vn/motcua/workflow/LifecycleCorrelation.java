package vn.motcua.workflow;


import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierEvents.ClockResumed;
import vn.motcua.dossier.DossierEvents.ClockStopped;
import vn.motcua.dossier.DossierEvents.DossierStopped;
import vn.motcua.dossier.DossierEvents.DossierWithdrawn;
import vn.motcua.dossier.DossierEvents.ResultReturned;

/**
 * Tells a dossier's lifecycle process what happened to the dossier (messages correlated by the dossier code), in the
 * transaction of the action: withdrawal ends the procedure's process; a stop that ends the dossier ends the whole
 * lifecycle, with every step and timer; a clock stop and restart are waited for; when the clock runs again, every
 * open step's due date and every timer of the dossier move by the stopped working time.
 */
@Component
class LifecycleCorrelation {
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final WorkingCalendar calendar;

    LifecycleCorrelation(RuntimeService runtime, TaskService tasks, ManagementService management,
                         IdentityService identity, WorkingCalendar calendar) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.calendar = calendar;
    }

    @EventListener
    void on(ClockStopped event) {
        runtime.createMessageCorrelation(DossierProcess.MESSAGE_CLOCK_STOPPED).processInstanceBusinessKey(event.code()).correlateAll();
    }

    @EventListener
    void on(ClockResumed event) {
        var instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(event.code()).list();
        if (!event.stoppedWorkingTime().isZero()) {
            for (var instance : instances) {
                String unit = String.valueOf(runtime.getVariable(instance.getId(), DossierProcess.VAR_UNIT));
                for (var task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
                    if (task.getDueDate() == null) continue;
                    task.setDueDate(java.util.Date.from(calendar.addWorkingTime(task.getDueDate().toInstant(), event.stoppedWorkingTime(), unit)));
                    tasks.saveTask(task);
                }
                for (var job : management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
                    if (job.getDuedate() == null) continue;
                    management.setJobDuedate(job.getId(), java.util.Date.from(
                            calendar.addWorkingTime(job.getDuedate().toInstant(), event.stoppedWorkingTime(), unit)));
                }
            }
        }
        runtime.createMessageCorrelation(DossierProcess.MESSAGE_CLOCK_RESUMED).processInstanceBusinessKey(event.code()).correlateAll();
    }

    @EventListener
    void on(DossierWithdrawn event) {
        runtime.createMessageCorrelation(DossierProcess.MESSAGE_WITHDRAWN).processInstanceBusinessKey(event.code()).correlateAll();
    }

    /**
     * The stop ended the dossier: the lifecycle's boundary event ends the procedure's process and its terminate end
     * event everything else (the wait for the clock, the nearly-due and overdue timers and steps). An instance of a
     * lifecycle deployed before that event existed does not take the message: it is deleted, with its procedure's
     * process, so that no step of an ended dossier stays open.
     */
    @EventListener
    void on(DossierStopped event) {
        var ended = runtime.createMessageCorrelation(DossierProcess.MESSAGE_STOPPED)
                .processInstanceBusinessKey(event.code()).correlateAllWithResult();
        if (!ended.isEmpty()) return;
        for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(event.code())
                .processDefinitionKey(DossierProcess.LIFECYCLE).list()) {
            runtime.deleteProcessInstance(instance.getId(), "Dừng xử lý hồ sơ (trạng thái 8): hồ sơ kết thúc");
        }
    }

    /** The desk handed the result over with the action: the process's return step is done by the same person. */
    @EventListener
    void on(ResultReturned event) {
        for (var task : tasks.createTaskQuery().processInstanceBusinessKey(event.code())
                .taskDefinitionKey(DossierProcess.TASK_RETURN_RESULT).list()) {
            identity.setAuthenticatedUserId(event.actor());
            try {
                tasks.complete(task.getId());
            } finally {
                identity.clearAuthentication();
            }
        }
    }
}
