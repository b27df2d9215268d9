package vn.motcua.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import vn.motcua.dossier.DossierStatus;

/**
 * A designer's test run of a procedure as it stands now: the test dossier's status and dates, the steps open, the
 * timers waiting, the steps done with what they recorded, and the path taken on the procedure's diagram.
 *
 * @param key           the test dossier's reference (never a dossier code: {@code CHAY-THU-...})
 * @param fromDraft     true when the run follows the draft, false the published version (no draft)
 * @param unitIdentifier the unit the run receives in (its calendar, its groups)
 * @param dueAt         the due date the dossier was given at receipt, from the procedure's processing time
 * @param extendedDueAt the later date promised with an apology (form 04), null when none
 * @param ended         true when the lifecycle ended; {@code endedAs} then names its end event
 * @param passed        the procedure's elements passed, with how many times (a step sent back is passed twice)
 * @param current       the procedure's elements the run waits in (an automatic step stopped by a failure too)
 * @param stopped       the automatic steps that failed and wait, as a real dossier's would once its retries are spent
 */
public record TrialRun(String key, String code, String procedureName, boolean fromDraft, String unitIdentifier, String unitName,
                       DossierStatus status, Instant receivedAt, Instant dueAt, Instant extendedDueAt, boolean ended, String endedAs,
                       List<OpenStep> openSteps, List<DoneStep> doneSteps, List<StatusChange> statuses, List<Timer> timers,
                       Map<String, Integer> passed, List<String> current, String bpmnXml, List<Stopped> stopped) {

    /** An automatic step that failed and waits: its element, its name, the engine's reason. */
    public record Stopped(String elementId, String name, String reason) { }

    /**
     * A step waiting for someone.
     *
     * @param role      CLERK, SPECIALIST or LEADER (from the step's candidate group), null when it names none
     * @param lifecycle true for the lifecycle's own steps (nearly due, overdue), false for the procedure's
     */
    public record OpenStep(String taskId, String stepKey, String name, String role, String unitIdentifier, String unitName,
                           Instant createdAt, Instant dueAt, boolean lifecycle) { }

    /** A step done in the run, with its decision and opinion as the next step sees them. */
    public record DoneStep(String stepKey, String name, String role, String unitName, Instant startedAt, Instant endedAt,
                           Instant dueAt, String decision, String opinion) {
        /** True when it was done after its due date. */
        public boolean late() { return dueAt != null && endedAt != null && endedAt.isAfter(dueAt); }
    }

    /** A change of the test dossier's status ({@code from} null at receipt). */
    public record StatusChange(DossierStatus from, DossierStatus to, Instant at) { }

    /** A timer waiting: the nearly-due warning, the overdue escalation or a timer of the procedure's own. */
    public record Timer(String jobId, String elementId, String name, Instant dueAt) { }
}
