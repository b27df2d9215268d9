package vn.motcua.dossier;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import vn.motcua.shared.BusinessRuleException;

/**
 * The case file. Its status changes only through its own methods, which refuse transitions the one-stop rules do not
 * allow and answer the event to record.
 */
public final class Dossier {
    private static final Map<DossierStatus, Set<DossierStatus>> ALLOWED = Map.of(
            DossierStatus.NEW, EnumSet.of(DossierStatus.RECEIVED, DossierStatus.REFUSED, DossierStatus.WITHDRAWN),
            DossierStatus.RECEIVED, EnumSet.of(DossierStatus.IN_PROCESS, DossierStatus.WITHDRAWN),
            DossierStatus.IN_PROCESS, EnumSet.of(DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.PAYMENT_REQUESTED,
                    DossierStatus.STOPPED, DossierStatus.PROCESSED, DossierStatus.WITHDRAWN),
            DossierStatus.SUPPLEMENT_REQUESTED, EnumSet.of(DossierStatus.IN_PROCESS, DossierStatus.WITHDRAWN, DossierStatus.STOPPED),
            DossierStatus.PAYMENT_REQUESTED, EnumSet.of(DossierStatus.IN_PROCESS, DossierStatus.WITHDRAWN),
            DossierStatus.STOPPED, EnumSet.of(DossierStatus.IN_PROCESS),
            DossierStatus.PROCESSED, EnumSet.of(DossierStatus.RETURNED),
            DossierStatus.REFUSED, EnumSet.noneOf(DossierStatus.class),
            DossierStatus.WITHDRAWN, EnumSet.noneOf(DossierStatus.class),
            DossierStatus.RETURNED, EnumSet.noneOf(DossierStatus.class));

    private final long id;
    private final String code;
    private final String procedureCode;
    private final long unitId;
    private final String unitIdentifier;
    private final String unitTreePath;
    private final Channel channel;
    private DossierStatus status;
    private final Applicant applicant;
    private final String ownerUsername;
    private final Map<String, Object> formData;
    private final Instant receivedAt;
    private Instant dueAt;
    private Instant finishedAt;
    private Instant returnedAt;
    private String processInstanceId;
    private String currentStep;
    private final String createdBy;
    private final int version;

    public Dossier(long id, String code, String procedureCode, long unitId, String unitIdentifier, String unitTreePath,
                   Channel channel, DossierStatus status, Applicant applicant, String ownerUsername,
                   Map<String, Object> formData, Instant receivedAt, Instant dueAt, Instant finishedAt,
                   Instant returnedAt, String processInstanceId, String currentStep, String createdBy, int version) {
        this.id = id;
        this.code = code;
        this.procedureCode = procedureCode;
        this.unitId = unitId;
        this.unitIdentifier = unitIdentifier;
        this.unitTreePath = unitTreePath;
        this.channel = channel;
        this.status = status;
        this.applicant = applicant;
        this.ownerUsername = ownerUsername;
        this.formData = Map.copyOf(formData);
        this.receivedAt = receivedAt;
        this.dueAt = dueAt;
        this.finishedAt = finishedAt;
        this.returnedAt = returnedAt;
        this.processInstanceId = processInstanceId;
        this.currentStep = currentStep;
        this.createdBy = createdBy;
        this.version = version;
    }

    /** True when the rules allow going from {@code from} to {@code to}. */
    public static boolean allows(DossierStatus from, DossierStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** Processing starts (2 → 4). */
    public DossierEvents.DossierStatusChanged startProcessing() { return moveTo(DossierStatus.IN_PROCESS, null); }

    /** The result is ready (4 → 9): the processing time ends here. */
    public DossierEvents.DossierStatusChanged markProcessed(Instant at) {
        var event = moveTo(DossierStatus.PROCESSED, at);
        this.finishedAt = at;
        return event;
    }

    /** The result was handed to the applicant (9 → 10). */
    public DossierEvents.DossierStatusChanged returnResult(Instant at) {
        var event = moveTo(DossierStatus.RETURNED, at);
        this.returnedAt = at;
        return event;
    }

    private DossierEvents.DossierStatusChanged moveTo(DossierStatus target, Instant at) {
        if (!allows(status, target)) {
            throw new BusinessRuleException("dossier.transition.illegal", code, status.code(), target.code());
        }
        var event = new DossierEvents.DossierStatusChanged(code, status, target);
        this.status = target;
        return event;
    }

    void attachProcess(String processInstanceId) { this.processInstanceId = processInstanceId; }

    void currentStep(String step) { this.currentStep = step; }

    public long id() { return id; }
    public String code() { return code; }
    public String procedureCode() { return procedureCode; }
    public long unitId() { return unitId; }
    public String unitIdentifier() { return unitIdentifier; }
    public String unitTreePath() { return unitTreePath; }
    public Channel channel() { return channel; }
    public DossierStatus status() { return status; }
    public Applicant applicant() { return applicant; }
    public String ownerUsername() { return ownerUsername; }
    public Map<String, Object> formData() { return formData; }
    public Instant receivedAt() { return receivedAt; }
    public Instant dueAt() { return dueAt; }
    public Instant finishedAt() { return finishedAt; }
    public Instant returnedAt() { return returnedAt; }
    public String processInstanceId() { return processInstanceId; }
    public String currentStep() { return currentStep; }
    public String createdBy() { return createdBy; }
    public int version() { return version; }

    @Override
    public String toString() { return "Dossier[" + code + ", status " + status.code() + "]"; }
}
