package vn.motcua.dossier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

import vn.motcua.shared.Formats;

/**
 * A dossier's past as {@link DossierImport} writes it: the dossier as it stands now (its code, procedure, receiving
 * unit, channel, applicant, status, dates and the facts the indicators count), the audit records of its life in the
 * order they happened, the steps completed on it and the applicant's rating. The code is the one it was given (the
 * national format, dated on the receipt day in Vietnamese time, of the receiving unit); the import keeps the unit's
 * code counter of that day at or above it. Checked when built: an inconsistent past is refused with the reason.
 *
 * @param code              the dossier code, {@code <unit>-<YYMMDD>-<NNNN>}
 * @param procedureCode     the procedure's national code
 * @param unitId            the receiving unit
 * @param channel           how it reached the unit
 * @param status            its status now
 * @param applicant         who applied (the name at least)
 * @param createdBy         who recorded it (the import's name, e.g. {@code demo-history})
 * @param dates             receipt, acceptance, due, extension, end and return
 * @param facts             clock stops, working time, fee and payment
 * @param processInstanceId its process instance on the engine, if it has one
 * @param events            its audit records, oldest first (at least one: how it arrived)
 * @param steps             the steps completed on it
 * @param rating            the applicant's rating, if any
 * @param checkedComponents the components the desk checked on paper at its receipt (none when the past does not
 *                          say: an import from a system that did not keep them)
 */
public record ImportedDossier(String code, String procedureCode, long unitId, Channel channel, DossierStatus status,
                              Applicant applicant, String createdBy, Dates dates, Facts facts, String processInstanceId,
                              List<Event> events, List<Step> steps, Rating rating, List<CheckedComponent> checkedComponents) {

    /** A past that does not say which papers the desk checked. */
    public ImportedDossier(String code, String procedureCode, long unitId, Channel channel, DossierStatus status,
                           Applicant applicant, String createdBy, Dates dates, Facts facts, String processInstanceId,
                           List<Event> events, List<Step> steps, Rating rating) {
        this(code, procedureCode, unitId, channel, status, applicant, createdBy, dates, facts, processInstanceId, events,
                steps, rating, List.of());
    }

    /** When it was received (online: submitted), accepted, due, extended to, ended and returned. */
    public record Dates(Instant receivedAt, Instant acceptedAt, Instant dueAt, Instant extendedDueAt, Instant finishedAt,
                        Instant returnedAt) {
        public Dates {
            Objects.requireNonNull(receivedAt, "receivedAt");
            if (returnedAt != null && finishedAt == null) throw new IllegalArgumentException("returned but never finished");
            for (Instant later : new Instant[] {acceptedAt, finishedAt, returnedAt}) {
                if (later != null && later.isBefore(receivedAt)) throw new IllegalArgumentException("a date before the receipt");
            }
        }
    }

    /**
     * The facts the indicators count: since when the clock stands still (null: it runs), how long it stood in all,
     * supplement requests, the reason of the current status, the working time to the end, the fee and its payment.
     */
    public record Facts(Instant clockStoppedAt, long stoppedSeconds, int supplementCount, String statusReason,
                        Long workingSeconds, BigDecimal feeAmount, String paymentMethod, Instant paidAt) {
        public Facts {
            if (stoppedSeconds < 0 || supplementCount < 0 || (workingSeconds != null && workingSeconds < 0)) {
                throw new IllegalArgumentException("negative times or counts");
            }
            if (feeAmount == null) feeAmount = BigDecimal.ZERO;
            if (feeAmount.signum() < 0) throw new IllegalArgumentException("negative fee");
        }

        /** A dossier whose clock never stopped, no fee. */
        public static Facts none() { return new Facts(null, 0, 0, null, null, BigDecimal.ZERO, null, null); }
    }

    /** One audit record: when, who, by which channel, what, the status before (null at arrival) and after, why. */
    public record Event(Instant at, String actor, Channel channel, String action, DossierStatus before,
                        DossierStatus after, String detail) {
        public Event {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(channel, "channel");
            if (actor == null || actor.isBlank() || action == null || action.isBlank()) {
                throw new IllegalArgumentException("an audit record names its actor and action");
            }
        }
    }

    /** A completed step of the process (the control sheet, form 06): the engine's task, who, from when to when. */
    public record Step(String taskId, String key, String name, String actor, Instant startedAt, Instant completedAt) {
        public Step {
            if (taskId == null || key == null || name == null || actor == null || startedAt == null || completedAt == null) {
                throw new IllegalArgumentException("a step names its task, key, name, actor and times");
            }
            if (completedAt.isBefore(startedAt)) throw new IllegalArgumentException("a step completed before it started");
        }
    }

    /** The applicant's rating: a score of 1 to 5, whether they complained, a comment, when. */
    public record Rating(int score, boolean complaint, String comment, Instant at) {
        public Rating {
            if (score < 1 || score > 5) throw new IllegalArgumentException("a score is 1 to 5");
            Objects.requireNonNull(at, "at");
        }
    }

    public ImportedDossier {
        if (!DossierCode.isValid(code)) throw new IllegalArgumentException("not a dossier code: " + code);
        if (procedureCode == null || procedureCode.isBlank()) throw new IllegalArgumentException("no procedure: " + code);
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        if (applicant == null || applicant.fullName() == null || applicant.fullName().isBlank()) {
            throw new IllegalArgumentException("no applicant's name: " + code);
        }
        if (createdBy == null || createdBy.isBlank()) throw new IllegalArgumentException("no author: " + code);
        Objects.requireNonNull(dates, "dates");
        if (facts == null) facts = Facts.none();
        events = List.copyOf(events == null ? List.of() : events);
        steps = List.copyOf(steps == null ? List.of() : steps);
        checkedComponents = List.copyOf(checkedComponents == null ? List.of() : checkedComponents);
        for (CheckedComponent c : checkedComponents) {
            if (c.componentCode() == null || c.componentCode().isBlank() || c.checkedBy() == null || c.checkedAt() == null) {
                throw new IllegalArgumentException("a paper check names its component, who checked it and when: " + code);
            }
        }
        if (checkedComponents.stream().map(CheckedComponent::componentCode).distinct().count() != checkedComponents.size()) {
            throw new IllegalArgumentException("a component checked twice: " + code);
        }
        if (events.isEmpty()) throw new IllegalArgumentException("no audit record: " + code);
        if (!receiptDay(dates.receivedAt()).equals(day(code))) {
            throw new IllegalArgumentException("the code is not dated on the receipt day in Vietnam: " + code);
        }
        Instant previous = dates.receivedAt();
        for (Event e : events) {
            if (e.at().isBefore(previous)) throw new IllegalArgumentException("audit records out of order: " + code);
            previous = e.at();
        }
    }

    /** The unit identifier the code starts with. */
    public String unitIdentifier() { return code.substring(0, code.indexOf('-')); }

    /** The receipt day the code carries. */
    public LocalDate receiptDay() { return day(code); }

    /** The sequence number the code carries. */
    public int sequence() { return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1)); }

    private static LocalDate day(String code) {
        String yymmdd = code.substring(code.indexOf('-') + 1, code.lastIndexOf('-'));
        try {
            return LocalDate.parse("20" + yymmdd.substring(0, 2) + "-" + yymmdd.substring(2, 4) + "-" + yymmdd.substring(4));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("no date in the dossier code " + code, e);
        }
    }

    private static LocalDate receiptDay(Instant at) { return at.atZone(Formats.ZONE).toLocalDate(); }
}
