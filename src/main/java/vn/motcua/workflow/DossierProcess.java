package vn.motcua.workflow;

/**
 * Names every procedure's process shares with the application: variables (references and routing flags only; the
 * case data lives in the dossier) and the beans the models call. Beans named in BPMN expressions are a public API:
 * renaming one breaks running instances of older versions.
 */
public final class DossierProcess {
    private DossierProcess() { }

    /** The process wrapping every procedure's process: withdrawal, clock stops, nearly-due and overdue. */
    public static final String LIFECYCLE = "dossier-lifecycle";
    /** Variable of the lifecycle: the id of the procedure's process it calls. */
    public static final String VAR_PROCEDURE_PROCESS = "procedureProcess";
    /** Messages the lifecycle waits for, correlated by business key. */
    public static final String MESSAGE_WITHDRAWN = "DossierWithdrawn";
    public static final String MESSAGE_CLOCK_STOPPED = "DossierClockStopped";
    public static final String MESSAGE_CLOCK_RESUMED = "DossierClockResumed";
    /** The dossier's processing was stopped and the stop ended it: the lifecycle ends, with all it still waits for. */
    public static final String MESSAGE_STOPPED = "DossierStopped";
    /** The return step every procedure names so (the desk's return-result action completes it). */
    public static final String TASK_RETURN_RESULT = "Task_ReturnResult";
    /** Variables of the delay decision form (form 04). */
    public static final String VAR_NEW_DUE_DATE = "newDueDate";
    public static final String VAR_APOLOGY_REASON = "apologyReason";
    /** Bean: records the apology and new date (form 04). */
    public static final String BEAN_RECORD_EXTENSION = "recordExtension";
    /** Bean: the lifecycle's timers, {@code ${dossierDeadlines.warningAt(execution)}}, {@code dueAt(execution)}. */
    public static final String BEAN_DOSSIER_DEADLINES = "dossierDeadlines";

    /** Variable: the receiving unit's identifier, for candidate groups ({@code SPECIALIST_${unit}}) and deadlines. */
    public static final String VAR_UNIT = "unit";
    /**
     * Variable: the routing flag a deciding step sets from its form's field {@code decision} (marked as a process
     * variable); its values are the field's options, e.g. {@link #DECISION_APPROVE} or {@link #DECISION_REWORK} (back
     * to the specialist) at the leader's approval, {@code CERTIFY}/{@code REFUSE} at a certification.
     */
    public static final String VAR_DECISION = "decision";
    public static final String DECISION_APPROVE = "APPROVE";
    public static final String DECISION_REWORK = "REWORK";

    /** Bean: status 2 → 4 when processing starts. */
    public static final String BEAN_START_PROCESSING = "startProcessing";
    /** Bean: status 4 → 9 when the result is ready. */
    public static final String BEAN_MARK_PROCESSED = "markProcessed";
    /** Bean: status 9 → 10 when the result was handed over. */
    public static final String BEAN_RETURN_RESULT = "returnResult";
    /** Bean: step deadlines in working time, e.g. {@code ${deadlines.workingHours(execution, 4)}}. */
    public static final String BEAN_DEADLINES = "deadlines";
}
