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
    private Instant acceptedAt;
    private Instant clockStoppedAt;
    private long stoppedSeconds;
    private int supplementCount;
    private String statusReason;
    private Instant extendedDueAt;
    private Long workingSeconds;
    private java.math.BigDecimal feeAmount = java.math.BigDecimal.ZERO;
    private String paymentMethod;
    private Instant paidAt;

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

    /** Restores the clock-stop and extension state read from storage. */
    void restoreClock(Instant acceptedAt, Instant clockStoppedAt, long stoppedSeconds, int supplementCount,
                      String statusReason, Instant extendedDueAt) {
        this.acceptedAt = acceptedAt;
        this.clockStoppedAt = clockStoppedAt;
        this.stoppedSeconds = stoppedSeconds;
        this.supplementCount = supplementCount;
        this.statusReason = statusReason;
        this.extendedDueAt = extendedDueAt;
    }

    /** Restores the facts kept for the indicators. */
    void restoreFacts(Long workingSeconds, java.math.BigDecimal feeAmount, String paymentMethod, Instant paidAt) {
        this.workingSeconds = workingSeconds;
        this.feeAmount = feeAmount == null ? java.math.BigDecimal.ZERO : feeAmount;
        this.paymentMethod = paymentMethod;
        this.paidAt = paidAt;
    }

    /** The processing time from receipt to the end, clock stops excluded (set when the dossier ends). */
    void recordWorkingTime(java.time.Duration workingTime) {
        this.workingSeconds = Math.max(0, workingTime.getSeconds() - stoppedSeconds);
    }

    /** The fee was paid, and how (ONLINE, CASH, BANK_TRANSFER). */
    void recordPayment(String method, Instant at) {
        this.paymentMethod = method;
        this.paidAt = at;
    }

    /** The instant the processing time counts from: acceptance for online submissions, else receipt. */
    public Instant startedAt() { return acceptedAt != null ? acceptedAt : receivedAt; }

    /** The statuses during which the processing clock does not run. */
    public static boolean clockStopped(DossierStatus status) {
        return status == DossierStatus.SUPPLEMENT_REQUESTED || status == DossierStatus.PAYMENT_REQUESTED
                || status == DossierStatus.STOPPED;
    }

    /** The desk accepts an online submission (1 → 2); the processing time counts from now. */
    public DossierEvents.DossierStatusChanged accept(Instant at, Instant due) {
        var event = moveTo(DossierStatus.RECEIVED, null);
        this.acceptedAt = at;
        this.dueAt = due;
        return event;
    }

    /** The desk refuses an online submission (1 → 3), with the reason given to the applicant. */
    public DossierEvents.DossierStatusChanged refuse(Instant at, String reason) {
        var event = moveTo(DossierStatus.REFUSED, reason);
        this.finishedAt = at;
        return event;
    }

    /** The applicant withdraws the dossier (→ 7): processing ends. */
    public DossierEvents.DossierStatusChanged withdraw(Instant at, String reason) {
        var event = moveTo(DossierStatus.WITHDRAWN, reason);
        this.finishedAt = at;
        this.clockStoppedAt = null;
        return event;
    }

    /**
     * The clock stops (→ 5 supplement, 6 payment, 8 stopped). A stop while the clock is already stopped (a dossier
     * waiting for a supplement is stopped) keeps the first stop's instant.
     */
    public DossierEvents.DossierStatusChanged stopClock(DossierStatus target, Instant at, String reason) {
        if (!clockStopped(target)) throw new IllegalArgumentException(target + " does not stop the clock");
        var event = moveTo(target, reason);
        if (clockStoppedAt == null) clockStoppedAt = at;
        if (target == DossierStatus.SUPPLEMENT_REQUESTED) supplementCount++;
        return event;
    }

    /**
     * The clock runs again (5, 6, 8 → 4): the due date moves by exactly the working time it was stopped.
     *
     * @param stoppedWorkingTime the working time between the stop and now, in the unit's calendar
     * @param newDue             the due date moved by that time
     */
    public DossierEvents.DossierStatusChanged resumeClock(java.time.Duration stoppedWorkingTime, Instant newDue) {
        if (!clockStopped(status)) {
            throw new BusinessRuleException("dossier.transition.illegal", code, status.code(), DossierStatus.IN_PROCESS.code());
        }
        var event = moveTo(DossierStatus.IN_PROCESS, null);
        this.stoppedSeconds += stoppedWorkingTime.getSeconds();
        this.clockStoppedAt = null;
        if (dueAt != null) this.dueAt = newDue;
        return event;
    }

    /** A later date promised to the applicant with an apology (form 04). */
    public void extend(Instant newDue, String reason) {
        if (finishedAt != null) throw new BusinessRuleException("dossier.extension.finished", code);
        this.extendedDueAt = newDue;
        this.statusReason = reason;
    }

    /** True when the rules allow going from {@code from} to {@code to}. */
    public static boolean allows(DossierStatus from, DossierStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** Processing starts (2 → 4). */
    public DossierEvents.DossierStatusChanged startProcessing() { return moveTo(DossierStatus.IN_PROCESS, null); }

    /** The result is ready (4 → 9): the processing time ends here. */
    public DossierEvents.DossierStatusChanged markProcessed(Instant at) {
        var event = moveTo(DossierStatus.PROCESSED, null);
        this.finishedAt = at;
        return event;
    }

    /** The result was handed to the applicant (9 → 10). */
    public DossierEvents.DossierStatusChanged returnResult(Instant at) {
        var event = moveTo(DossierStatus.RETURNED, null);
        this.returnedAt = at;
        return event;
    }

    private DossierEvents.DossierStatusChanged moveTo(DossierStatus target, String reason) {
        if (!allows(status, target)) {
            throw new BusinessRuleException("dossier.transition.illegal", code, status.code(), target.code());
        }
        var event = new DossierEvents.DossierStatusChanged(code, status, target);
        this.status = target;
        this.statusReason = reason;
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
    public Instant acceptedAt() { return acceptedAt; }
    /** When the clock stopped, while it is stopped; null while it runs. */
    public Instant clockStoppedAt() { return clockStoppedAt; }
    /** Working time the clock has been stopped in all, in seconds. */
    public long stoppedSeconds() { return stoppedSeconds; }
    /** How many times a supplement was requested (more than one makes the dossier late, Decision 766). */
    public int supplementCount() { return supplementCount; }
    /** The reason of the last refusal, supplement request, stop or withdrawal. */
    public String statusReason() { return statusReason; }
    /** The later date promised with an apology (form 04), or null. */
    public Instant extendedDueAt() { return extendedDueAt; }
    /** Working seconds from receipt to the end, clock stops excluded; null while unfinished. */
    public Long workingSeconds() { return workingSeconds; }
    public java.math.BigDecimal feeAmount() { return feeAmount; }
    /** How the fee was paid (ONLINE, CASH, BANK_TRANSFER), null when not (yet) paid. */
    public String paymentMethod() { return paymentMethod; }
    public Instant paidAt() { return paidAt; }

    @Override
    public String toString() { return "Dossier[" + code + ", status " + status.code() + "]"; }
}
