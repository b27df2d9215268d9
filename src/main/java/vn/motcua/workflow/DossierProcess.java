package vn.motcua.workflow;

/**
 * Names every procedure's process shares with the application: variables (references and routing flags only; the
 * case data lives in the dossier) and the beans the models call. Beans named in BPMN expressions are a public API:
 * renaming one breaks running instances of older versions.
 */
public final class DossierProcess {
    private DossierProcess() { }

    /** Variable: the receiving unit's identifier, for candidate groups ({@code SPECIALIST_${unit}}) and deadlines. */
    public static final String VAR_UNIT = "unit";
    /** Variable: the leader's decision, a routing flag set from the approval form. */
    public static final String VAR_APPROVED = "approved";

    /** Bean: status 2 → 4 when processing starts. */
    public static final String BEAN_START_PROCESSING = "startProcessing";
    /** Bean: status 4 → 9 when the result is ready. */
    public static final String BEAN_MARK_PROCESSED = "markProcessed";
    /** Bean: status 9 → 10 when the result was handed over. */
    public static final String BEAN_RETURN_RESULT = "returnResult";
    /** Bean: step deadlines in working time, e.g. {@code ${deadlines.workingHours(execution, 4)}}. */
    public static final String BEAN_DEADLINES = "deadlines";
}
