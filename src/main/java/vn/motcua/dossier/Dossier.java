package vn.motcua.dossier;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import vn.motcua.organisation.Unit;
import vn.motcua.shared.BusinessRuleException;

/**
 * The case file, an aggregate: it owns every change of its status. There is one method per thing that happens to a
 * dossier (received or submitted online, accepted, refused, processing started, supplement requested and received,
 * payment requested and confirmed, stopped (for good, or to be resumed), resumed, withdrawn, processed, result
 * returned); each checks the
 * transition table ({@link Move}), changes the dossier and registers the events that say what happened, in the order
 * the listeners get them. A move the table does not allow throws {@code dossier.transition.illegal} and changes
 * nothing. The application service ({@link DossierService}) stores the dossier, appends the audit record and publishes
 * exactly the events the dossier registered ({@link #pullEvents()}).
 *
 * <p>Other modules read dossiers; only this package changes them (the methods that do are package-private).
 */
public final class Dossier {

    /**
     * The transition table of the one-stop rules: every move a dossier makes, the status it leads to and the statuses
     * it may be made from. Nothing else changes a dossier's status.
     */
    private enum Move {
        ACCEPT(DossierStatus.RECEIVED, DossierStatus.NEW),
        REFUSE(DossierStatus.REFUSED, DossierStatus.NEW),
        START_PROCESSING(DossierStatus.IN_PROCESS, DossierStatus.RECEIVED),
        REQUEST_SUPPLEMENT(DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.IN_PROCESS),
        RECEIVE_SUPPLEMENT(DossierStatus.IN_PROCESS, DossierStatus.SUPPLEMENT_REQUESTED),
        REQUEST_PAYMENT(DossierStatus.PAYMENT_REQUESTED, DossierStatus.IN_PROCESS),
        CONFIRM_PAYMENT(DossierStatus.IN_PROCESS, DossierStatus.PAYMENT_REQUESTED),
        STOP(DossierStatus.STOPPED, DossierStatus.IN_PROCESS, DossierStatus.SUPPLEMENT_REQUESTED),
        RESUME(DossierStatus.IN_PROCESS, DossierStatus.STOPPED),
        WITHDRAW(DossierStatus.WITHDRAWN, DossierStatus.NEW, DossierStatus.RECEIVED, DossierStatus.IN_PROCESS,
                DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.PAYMENT_REQUESTED),
        MARK_PROCESSED(DossierStatus.PROCESSED, DossierStatus.IN_PROCESS),
        RETURN_RESULT(DossierStatus.RETURNED, DossierStatus.PROCESSED);

        private final DossierStatus to;
        private final Set<DossierStatus> from;

        Move(DossierStatus to, DossierStatus first, DossierStatus... others) {
            this.to = to;
            this.from = Collections.unmodifiableSet(EnumSet.of(first, others));
        }

        static Move of(DossierAction action) {
            return switch (action) {
                case ACCEPT -> ACCEPT;
                case REFUSE -> REFUSE;
                case REQUEST_SUPPLEMENT -> REQUEST_SUPPLEMENT;
                case RECEIVE_SUPPLEMENT -> RECEIVE_SUPPLEMENT;
                case REQUEST_PAYMENT -> REQUEST_PAYMENT;
                case CONFIRM_PAYMENT -> CONFIRM_PAYMENT;
                case STOP -> STOP;
                case RESUME -> RESUME;
                case WITHDRAW -> WITHDRAW;
                case RETURN_RESULT -> RETURN_RESULT;
            };
        }
    }

    /** The moves the procedures' models make through their status steps ({@code ${startProcessing}}...). */
    public enum ProcessMove {
        START_PROCESSING(Move.START_PROCESSING), MARK_PROCESSED(Move.MARK_PROCESSED), RETURN_RESULT(Move.RETURN_RESULT);

        private final Move move;

        ProcessMove(Move move) { this.move = move; }

        /** The status the move leads to. */
        public DossierStatus to() { return move.to; }

        /**
         * The status a dossier in {@code from} takes by this move, by the transition table above; empty when the move
         * is not allowed from there. For the designers' test runs, which follow a model without a dossier.
         */
        public java.util.Optional<DossierStatus> from(DossierStatus from) {
            return move.from.contains(from) ? java.util.Optional.of(move.to) : java.util.Optional.empty();
        }
    }

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
    private final BigDecimal feeAmount;
    private String paymentMethod;
    private Instant paidAt;
    private final List<Object> events = new ArrayList<>();

    private Dossier(Stored s) {
        this.id = s.id;
        this.code = Objects.requireNonNull(s.code, "code");
        this.procedureCode = Objects.requireNonNull(s.procedureCode, "procedureCode");
        this.unitId = s.unitId;
        this.unitIdentifier = s.unitIdentifier;
        this.unitTreePath = s.unitTreePath;
        this.channel = Objects.requireNonNull(s.channel, "channel");
        this.status = Objects.requireNonNull(s.status, "status");
        this.applicant = s.applicant;
        this.ownerUsername = s.ownerUsername;
        this.formData = Map.copyOf(s.formData);
        this.receivedAt = Objects.requireNonNull(s.receivedAt, "receivedAt");
        this.dueAt = s.dueAt;
        this.finishedAt = s.finishedAt;
        this.returnedAt = s.returnedAt;
        this.processInstanceId = s.processInstanceId;
        this.currentStep = s.currentStep;
        this.createdBy = s.createdBy;
        this.version = s.version;
        this.acceptedAt = s.acceptedAt;
        this.clockStoppedAt = s.clockStoppedAt;
        this.stoppedSeconds = s.stoppedSeconds;
        this.supplementCount = s.supplementCount;
        this.statusReason = s.statusReason;
        this.extendedDueAt = s.extendedDueAt;
        this.workingSeconds = s.workingSeconds;
        this.feeAmount = s.feeAmount == null ? BigDecimal.ZERO : s.feeAmount;
        this.paymentMethod = s.paymentMethod;
        this.paidAt = s.paidAt;
    }

    // --- Creation

    /**
     * What the desk or the applicant hands in, from which a new dossier starts: its code (already allocated), its
     * procedure and fee, the receiving unit, the channel, the applicant, the intake form's data, when and by whom, and
     * the files staged before the dossier existed.
     */
    record Intake(String code, String procedureCode, BigDecimal fee, Unit unit, Channel channel, Applicant applicant,
                  Map<String, Object> formData, Instant at, String by, List<String> stagedFiles) {
        Intake {
            stagedFiles = stagedFiles == null ? List.of() : List.copyOf(stagedFiles);
        }
    }

    /**
     * The desk receives a dossier (→ 2) due at {@code due}. Registers {@link DossierEvents.StagedFilesSubmitted} when
     * files were staged (first, so that a listener that cannot take them undoes the receipt), then
     * {@link DossierEvents.DossierCreated} and {@link DossierEvents.DossierReceived} (its process starts).
     */
    static Dossier receive(Intake intake, Instant due) {
        Dossier d = created(intake, DossierStatus.RECEIVED, null, due);
        d.registerStagedFiles(intake);
        d.events.add(new DossierEvents.DossierCreated(d.code, d.status));
        d.events.add(new DossierEvents.DossierReceived(d.code, d.procedureCode, d.unitIdentifier));
        return d;
    }

    /**
     * The applicant submits a dossier online (→ 1); it is theirs and waits for the desk (no due date yet). Registers
     * {@link DossierEvents.StagedFilesSubmitted} when files were staged, then {@link DossierEvents.DossierCreated}.
     */
    static Dossier submitOnline(Intake intake) {
        Dossier d = created(intake, DossierStatus.NEW, intake.by(), null);
        d.registerStagedFiles(intake);
        d.events.add(new DossierEvents.DossierCreated(d.code, d.status));
        return d;
    }

    private static Dossier created(Intake intake, DossierStatus status, String owner, Instant due) {
        return stored().code(intake.code()).procedureCode(intake.procedureCode()).feeAmount(intake.fee())
                .unit(intake.unit().id(), intake.unit().identifier(), intake.unit().treePath())
                .channel(intake.channel()).status(status).applicant(intake.applicant()).ownerUsername(owner)
                .formData(intake.formData()).receivedAt(intake.at()).dueAt(due).createdBy(intake.by())
                .build();
    }

    private void registerStagedFiles(Intake intake) {
        if (!intake.stagedFiles().isEmpty()) {
            events.add(new DossierEvents.StagedFilesSubmitted(code, procedureCode, intake.stagedFiles()));
        }
    }

    /** The stored form of a dossier, every field as it was saved: how the repository reads one back. */
    static Stored stored() { return new Stored(); }

    /** Builds a dossier from its stored form; {@link #build()} checks that the fields every dossier has are there. */
    static final class Stored {
        private long id;
        private String code;
        private String procedureCode;
        private long unitId;
        private String unitIdentifier;
        private String unitTreePath;
        private Channel channel;
        private DossierStatus status;
        private Applicant applicant;
        private String ownerUsername;
        private Map<String, Object> formData = Map.of();
        private Instant receivedAt;
        private Instant dueAt;
        private Instant finishedAt;
        private Instant returnedAt;
        private String processInstanceId;
        private String currentStep;
        private String createdBy;
        private int version;
        private Instant acceptedAt;
        private Instant clockStoppedAt;
        private long stoppedSeconds;
        private int supplementCount;
        private String statusReason;
        private Instant extendedDueAt;
        private Long workingSeconds;
        private BigDecimal feeAmount;
        private String paymentMethod;
        private Instant paidAt;

        private Stored() { }

        Stored id(long id) { this.id = id; return this; }
        Stored code(String code) { this.code = code; return this; }
        Stored procedureCode(String procedureCode) { this.procedureCode = procedureCode; return this; }
        Stored unit(long id, String identifier, String treePath) {
            this.unitId = id;
            this.unitIdentifier = identifier;
            this.unitTreePath = treePath;
            return this;
        }
        Stored channel(Channel channel) { this.channel = channel; return this; }
        Stored status(DossierStatus status) { this.status = status; return this; }
        Stored applicant(Applicant applicant) { this.applicant = applicant; return this; }
        Stored ownerUsername(String ownerUsername) { this.ownerUsername = ownerUsername; return this; }
        Stored formData(Map<String, Object> formData) { this.formData = formData == null ? Map.of() : formData; return this; }
        Stored receivedAt(Instant receivedAt) { this.receivedAt = receivedAt; return this; }
        Stored dueAt(Instant dueAt) { this.dueAt = dueAt; return this; }
        Stored finishedAt(Instant finishedAt) { this.finishedAt = finishedAt; return this; }
        Stored returnedAt(Instant returnedAt) { this.returnedAt = returnedAt; return this; }
        Stored processInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; return this; }
        Stored currentStep(String currentStep) { this.currentStep = currentStep; return this; }
        Stored createdBy(String createdBy) { this.createdBy = createdBy; return this; }
        Stored version(int version) { this.version = version; return this; }
        Stored acceptedAt(Instant acceptedAt) { this.acceptedAt = acceptedAt; return this; }
        Stored clockStoppedAt(Instant clockStoppedAt) { this.clockStoppedAt = clockStoppedAt; return this; }
        Stored stoppedSeconds(long stoppedSeconds) { this.stoppedSeconds = stoppedSeconds; return this; }
        Stored supplementCount(int supplementCount) { this.supplementCount = supplementCount; return this; }
        Stored statusReason(String statusReason) { this.statusReason = statusReason; return this; }
        Stored extendedDueAt(Instant extendedDueAt) { this.extendedDueAt = extendedDueAt; return this; }
        Stored workingSeconds(Long workingSeconds) { this.workingSeconds = workingSeconds; return this; }
        Stored feeAmount(BigDecimal feeAmount) { this.feeAmount = feeAmount; return this; }
        Stored paymentMethod(String paymentMethod) { this.paymentMethod = paymentMethod; return this; }
        Stored paidAt(Instant paidAt) { this.paidAt = paidAt; return this; }

        Dossier build() { return new Dossier(this); }
    }

    // --- The rules

    /** True when a dossier in this status can take this action: the transition table, as {@link DossierAction#applicableTo} reports it. */
    public static boolean admits(DossierAction action, DossierStatus status) {
        return Move.of(action).from.contains(status);
    }

    /** The statuses during which the processing clock does not run. */
    public static boolean clockStopped(DossierStatus status) {
        return status == DossierStatus.SUPPLEMENT_REQUESTED || status == DossierStatus.PAYMENT_REQUESTED
                || status == DossierStatus.STOPPED;
    }

    /** The instant the processing time counts from: acceptance for online submissions, else receipt. */
    public Instant startedAt() { return acceptedAt != null ? acceptedAt : receivedAt; }

    // --- What happens to a dossier. Each method checks first and changes nothing when the move is not allowed.

    /**
     * The desk accepts an online submission (1 → 2); the processing time counts from now, due at {@code due}.
     * Registers the status change, then {@link DossierEvents.DossierReceived} (its process starts).
     */
    void accept(Instant at, Instant due) {
        changeTo(Move.ACCEPT, null);
        this.acceptedAt = at;
        this.dueAt = due;
        events.add(new DossierEvents.DossierReceived(code, procedureCode, unitIdentifier));
    }

    /**
     * The desk refuses an online submission (1 → 3), with the reason given to the applicant; it ends here.
     *
     * @param workingTime the working time from {@link #startedAt()} to {@code at} in the unit's calendar
     */
    void refuse(Instant at, String reason, Duration workingTime) {
        requireNonNegative(workingTime);
        changeTo(Move.REFUSE, reason);
        ended(at, workingTime);
    }

    /** Processing starts (2 → 4), when the dossier's process starts. */
    void startProcessing() {
        changeTo(Move.START_PROCESSING, null);
    }

    /** A supplement is requested (4 → 5): the clock stops. */
    void requestSupplement(Instant at, String reason) {
        stopClock(Move.REQUEST_SUPPLEMENT, at, reason);
    }

    /** The supplement was received (5 → 4): the clock runs again, see {@link #resumeClock}. */
    void receiveSupplement(Duration stoppedWorkingTime, Instant newDue) {
        resumeClock(Move.RECEIVE_SUPPLEMENT, stoppedWorkingTime, newDue);
    }

    /** The fees are requested (4 → 6): the clock stops. */
    void requestPayment(Instant at, String reason) {
        stopClock(Move.REQUEST_PAYMENT, at, reason);
    }

    /**
     * The fees were paid (6 → 4), at {@code at} and how ({@code ONLINE}, {@code CASH}, {@code BANK_TRANSFER}): the
     * clock runs again, see {@link #resumeClock}.
     */
    void confirmPayment(Duration stoppedWorkingTime, Instant newDue, String method, Instant at) {
        Objects.requireNonNull(method, "method");
        resumeClock(Move.CONFIRM_PAYMENT, stoppedWorkingTime, newDue);
        this.paymentMethod = method;
        this.paidAt = at;
    }

    /**
     * The leader stops processing (4, 5 → 8) where the province resumes stopped dossiers: the clock stops, or stays
     * stopped since the supplement request, and the dossier waits to be resumed.
     */
    void stop(Instant at, String reason) {
        stopClock(Move.STOP, at, reason);
    }

    /**
     * The leader stops processing (4, 5 → 8) where a stop ends the dossier (the national indicators' end state): the
     * dossier ends at the instant its clock stopped, now, or at the supplement request it was waiting on, so that
     * waiting for the applicant never counts as processing time. Registers the status change, then, when its process
     * runs, {@link DossierEvents.DossierStopped} (the process ends, with every step and timer of the dossier).
     *
     * @param workingTime the working time from {@link #startedAt()} to the instant the clock stopped (now when it ran)
     */
    void stopAndEnd(Instant at, String reason, Duration workingTime) {
        requireNonNegative(workingTime);
        changeTo(Move.STOP, reason);
        if (clockStoppedAt == null) clockStoppedAt = at;
        ended(clockStoppedAt, workingTime);
        if (processInstanceId != null) events.add(new DossierEvents.DossierStopped(code));
    }

    /**
     * The leader resumes processing (8 → 4): the clock runs again, see {@link #resumeClock}. A dossier whose stop
     * ended it ({@link #stopAndEnd}) never resumes: its process is gone.
     */
    void resume(Duration stoppedWorkingTime, Instant newDue) {
        if (status == DossierStatus.STOPPED && finishedAt != null) throw new BusinessRuleException("dossier.resume.ended", code);
        resumeClock(Move.RESUME, stoppedWorkingTime, newDue);
    }

    /** True when the dossier is stopped (8) and its stop did not end it: it may be resumed where the province allows it. */
    public boolean resumable() {
        return status == DossierStatus.STOPPED && finishedAt == null;
    }

    /**
     * The applicant withdraws the dossier (1, 2, 4, 5, 6 → 7): processing ends. Registers the status change, then,
     * when its process runs, {@link DossierEvents.DossierWithdrawn} (the process ends).
     *
     * @param workingTime the working time from {@link #startedAt()} to {@code at} in the unit's calendar
     */
    void withdraw(Instant at, String reason, Duration workingTime) {
        requireNonNegative(workingTime);
        changeTo(Move.WITHDRAW, reason);
        ended(at, workingTime);
        this.clockStoppedAt = null;
        if (processInstanceId != null) events.add(new DossierEvents.DossierWithdrawn(code));
    }

    /**
     * The result is ready (4 → 9): the processing time ends here.
     *
     * @param workingTime the working time from {@link #startedAt()} to {@code at} in the unit's calendar
     */
    void markProcessed(Instant at, Duration workingTime) {
        requireNonNegative(workingTime);
        changeTo(Move.MARK_PROCESSED, null);
        ended(at, workingTime);
    }

    /**
     * The desk hands the result over (9 → 10) through the action. Registers the status change, then
     * {@link DossierEvents.ResultReturned} (the process's return step is done by the same person).
     */
    void returnResult(Instant at, String actor) {
        changeTo(Move.RETURN_RESULT, null);
        this.returnedAt = at;
        events.add(new DossierEvents.ResultReturned(code, actor));
    }

    /**
     * The process's return step hands the result over (9 → 10). A dossier the desk already handed over through the
     * action stays as it is and registers nothing.
     */
    void returnResultByProcess(Instant at) {
        if (status == DossierStatus.RETURNED) return;
        changeTo(Move.RETURN_RESULT, null);
        this.returnedAt = at;
    }

    /**
     * A later date promised to the applicant with an apology (form 04); the status does not change. Registers
     * {@link DossierEvents.DossierExtended}.
     */
    void extend(Instant newDue, String reason) {
        if (finishedAt != null) throw new BusinessRuleException("dossier.extension.finished", code);
        this.extendedDueAt = newDue;
        this.statusReason = reason;
        events.add(new DossierEvents.DossierExtended(code, newDue));
    }

    void attachProcess(String processInstanceId) { this.processInstanceId = processInstanceId; }

    void currentStep(String step) { this.currentStep = step; }

    /** The events registered since the dossier was read or last pulled, oldest first; the dossier forgets them. */
    List<Object> pullEvents() {
        List<Object> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    /** The events registered and not yet pulled, oldest first. */
    List<Object> events() { return Collections.unmodifiableList(events); }

    /**
     * The clock stops (→ 5 supplement, 6 payment, 8 stopped). A stop while the clock is already stopped (a dossier
     * waiting for a supplement is stopped) keeps the first stop's instant and registers no second
     * {@link DossierEvents.ClockStopped}.
     */
    private void stopClock(Move move, Instant at, String reason) {
        boolean running = !clockStopped(status);
        changeTo(move, reason);
        if (clockStoppedAt == null) clockStoppedAt = at;
        if (move == Move.REQUEST_SUPPLEMENT) supplementCount++;
        if (running) events.add(new DossierEvents.ClockStopped(code, status));
    }

    /**
     * The clock runs again (5, 6, 8 → 4): the due date moves by exactly the working time it was stopped. Registers
     * {@link DossierEvents.ClockResumed} (open steps and timers move too), then the status change.
     *
     * @param stoppedWorkingTime the working time between the stop and now, in the unit's calendar
     * @param newDue             the due date moved by that time (ignored while the dossier has no due date)
     */
    private void resumeClock(Move move, Duration stoppedWorkingTime, Instant newDue) {
        requireNonNegative(stoppedWorkingTime);
        require(move);
        events.add(new DossierEvents.ClockResumed(code, stoppedWorkingTime));
        changeTo(move, null);
        this.stoppedSeconds += stoppedWorkingTime.getSeconds();
        this.clockStoppedAt = null;
        if (dueAt != null) this.dueAt = newDue;
    }

    /** The dossier ended: its processing time, clock stops excluded, is kept for the indicators. */
    private void ended(Instant at, Duration workingTime) {
        this.finishedAt = at;
        this.workingSeconds = Math.max(0, workingTime.getSeconds() - stoppedSeconds);
    }

    private void require(Move move) {
        if (!move.from.contains(status)) {
            throw new BusinessRuleException("dossier.transition.illegal", code, status.code(), move.to.code());
        }
    }

    private void changeTo(Move move, String reason) {
        require(move);
        DossierStatus from = status;
        this.status = move.to;
        this.statusReason = reason;
        events.add(new DossierEvents.DossierStatusChanged(code, from, move.to));
    }

    private static void requireNonNegative(Duration time) {
        if (time == null || time.isNegative()) throw new IllegalArgumentException("a working time is never negative: " + time);
    }

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
    public BigDecimal feeAmount() { return feeAmount; }
    /** How the fee was paid (ONLINE, CASH, BANK_TRANSFER), null when not (yet) paid. */
    public String paymentMethod() { return paymentMethod; }
    public Instant paidAt() { return paidAt; }

    @Override
    public String toString() { return "Dossier[" + code + ", status " + status.code() + "]"; }
}
