package vn.motcua.monitoring.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One generated dossier as it will be written: its row in {@code dossier}, its audit trail, its rating and the steps
 * completed on it. Built by {@link HistorySimulator} (and, for dossiers run on the engine, completed by
 * {@link EngineHistory}); written by {@link HistoryWriter}.
 */
public final class DossierPlan {
    /** Who the generated records name: generated demo history says so in its audit trail. */
    public static final String ACTOR = "demo-history";

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
    /** The hash of the last audit record. */
    String auditHead;
    final List<Event> events = new ArrayList<>();
    Rating rating;
    final List<Step> steps = new ArrayList<>();
    /** True when the dossier is run on the engine for real step history. */
    boolean engine;
    /** The dossier's id once inserted. */
    long id;

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

    public String code() { return code; }

    public int status() { return status; }

    public Instant receivedAt() { return receivedAt; }

    /** True when the applicant rated it. */
    public boolean rated() { return rating != null; }

    /** True when it will be run on the engine: written first as just received, rewritten after the run. */
    public boolean engine() { return engine; }

    /** Marks it to be run on the engine. */
    public void runOnEngine() { engine = true; }

    /**
     * True for a dossier received in person or by post whose clock never stopped, that paid nothing and was never
     * extended: one whose life the procedure's process alone can tell.
     */
    public boolean plain() {
        return !"ONLINE".equals(channel) && stoppedSeconds == 0 && supplementCount == 0 && paidAt == null
                && extendedDueAt == null && clockStoppedAt == null;
    }
}
