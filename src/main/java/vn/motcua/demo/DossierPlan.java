package vn.motcua.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.ImportedDossier;

/**
 * One generated dossier as it will be written: the dossier, its audit trail, its rating and the steps completed on
 * it. Built by {@link HistorySimulator} (and, for dossiers run on the engine, completed by {@link EngineHistory});
 * written through the dossier module's import ({@link #imported()}).
 */
final class DossierPlan {
    /** Who the generated records name: generated demo history says so in its audit trail. */
    static final String ACTOR = "demo-history";

    /** One audit record before it is numbered and chained. */
    public record Event(Instant at, String channel, String action, Integer before, Integer after, String detail) { }

    /** The applicant's rating. */
    public record Rating(int score, boolean complaint, String comment, Instant at) { }

    /** A completed step of the process (the control sheet, form 06). */
    public record Step(String taskId, String key, String name, Instant startedAt, Instant completedAt) { }

    String code;
    String procedureCode;
    long unitId;
    String unitIdentifier;
    String channel;
    int status;
    String applicantName;
    Instant receivedAt;
    Instant acceptedAt;
    Instant dueAt;
    Instant finishedAt;
    Instant returnedAt;
    Instant clockStoppedAt;
    long stoppedSeconds;
    int supplementCount;
    String statusReason;
    Instant extendedDueAt;
    Long workingSeconds;
    BigDecimal feeAmount = BigDecimal.ZERO;
    String paymentMethod;
    Instant paidAt;
    String processInstanceId;
    final List<Event> events = new ArrayList<>();
    Rating rating;
    final List<Step> steps = new ArrayList<>();
    /** The components the desk checked on paper when it received the dossier (in person or by post). */
    final List<String> checkedComponents = new ArrayList<>();
    /** True when the dossier is run on the engine for real step history. */
    boolean engine;

    /** Adds an audit record. */
    void event(Instant at, String channel, String action, Integer before, Integer after, String detail) {
        events.add(new Event(at, channel, action, before, after, detail));
    }

    /** The audit records in time order (a stable sort: records of one instant keep their order). */
    List<Event> orderedEvents() {
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(Event::at));
        return ordered;
    }

    String code() { return code; }

    int status() { return status; }

    Instant receivedAt() { return receivedAt; }

    /** True when the applicant rated it. */
    boolean rated() { return rating != null; }

    /** True when it will be run on the engine: written first as just received, rewritten after the run. */
    boolean engine() { return engine; }

    /** Marks it to be run on the engine. */
    void runOnEngine() { engine = true; }

    /**
     * True for a dossier received in person or by post whose clock never stopped, that paid nothing and was never
     * extended: one whose life the procedure's process alone can tell.
     */
    boolean plain() {
        return !"ONLINE".equals(channel) && stoppedSeconds == 0 && supplementCount == 0 && paidAt == null
                && extendedDueAt == null && clockStoppedAt == null;
    }

    /** The dossier as planned, as the import writes it. */
    ImportedDossier imported() {
        List<ImportedDossier.Event> trail = orderedEvents().stream().map(e -> new ImportedDossier.Event(e.at(), ACTOR,
                Channel.valueOf(e.channel()), e.action(), status(e.before()), status(e.after()), e.detail())).toList();
        var rated = rating == null ? null : new ImportedDossier.Rating(rating.score(), rating.complaint(), rating.comment(), rating.at());
        return new ImportedDossier(code, procedureCode, unitId, Channel.valueOf(channel), DossierStatus.ofCode(status),
                applicant(), ACTOR, new ImportedDossier.Dates(receivedAt, acceptedAt, dueAt, extendedDueAt, finishedAt, returnedAt),
                new ImportedDossier.Facts(clockStoppedAt, stoppedSeconds, supplementCount, statusReason, workingSeconds,
                        feeAmount, paymentMethod, paidAt),
                processInstanceId, trail, steps.stream().map(s -> new ImportedDossier.Step(s.taskId(), s.key(), s.name(),
                        ACTOR, s.startedAt(), s.completedAt())).toList(), rated, paperChecks());
    }

    /** The papers the desk pretends to have checked, by the generator, at the receipt. */
    private List<vn.motcua.dossier.CheckedComponent> paperChecks() {
        return checkedComponents.stream().map(c -> new vn.motcua.dossier.CheckedComponent(c, ACTOR, receivedAt)).toList();
    }

    /** A dossier to be run on the engine, as just received (2): its process moves it from there. */
    ImportedDossier asReceived() {
        return new ImportedDossier(code, procedureCode, unitId, Channel.valueOf(channel), DossierStatus.RECEIVED,
                applicant(), ACTOR, new ImportedDossier.Dates(receivedAt, null, dueAt, null, null, null),
                new ImportedDossier.Facts(null, 0, 0, null, null, feeAmount, null, null), null,
                List.of(new ImportedDossier.Event(receivedAt, ACTOR, Channel.valueOf(channel), "RECEIVED", null,
                        DossierStatus.RECEIVED, procedureCode)),
                List.of(), null, paperChecks());
    }

    private Applicant applicant() { return new Applicant(applicantName, null, null, null, null); }

    private static DossierStatus status(Integer code) { return code == null ? null : DossierStatus.ofCode(code); }
}
