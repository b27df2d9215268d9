package vn.motcua.dossier;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one-stop desk's queues of a unit's dossiers, each a tab with its counter: online submissions waiting for
 * acceptance (status 1), in processing (2, 4), waiting for a supplement (5) or a payment (6), processed and waiting
 * to be returned (9), and the ones in processing that are late or nearly so. Each queue carries its statuses and, for
 * the last two, the due-date range that moves with the clock: every list, counter and tally of the queues reads them
 * here.
 */
public enum DeskQueue {
    AWAITING_ACCEPTANCE("awaiting-acceptance", Due.ANY, 1),
    IN_PROCESSING("in-processing", Due.ANY, 2, 4),
    AWAITING_SUPPLEMENT("awaiting-supplement", Due.ANY, 5),
    AWAITING_PAYMENT("awaiting-payment", Due.ANY, 6),
    TO_RETURN("to-return", Due.ANY, 9),
    OVERDUE("overdue", Due.PAST, 2, 4),
    NEARLY_DUE("nearly-due", Due.WINDOW, 2, 4);

    /** Which due dates a queue takes: any, those already past, or those within the nearly-due window. */
    private enum Due { ANY, PAST, WINDOW }

    private final String key;
    private final Due due;
    private final int[] statuses;

    DeskQueue(String key, Due due, int... statuses) {
        this.key = key;
        this.due = due;
        this.statuses = statuses;
    }

    /** The key at the API ({@code GET /api/worklist}, {@code GET /api/dossiers?queue=}). */
    public String key() { return key; }

    public String messageKey() { return "worklist." + key; }

    public static Optional<DeskQueue> ofKey(String key) {
        return Arrays.stream(values()).filter(q -> q.key.equals(key)).findFirst();
    }

    /** True for the queues whose dossiers change with the clock (overdue, nearly due), which no tally can keep. */
    public boolean movesWithClock() { return due != Due.ANY; }

    /** True for the queue whose window ends at the nearly-due limit (the condition's second parameter). */
    boolean needsWindow() { return due == Due.WINDOW; }

    /**
     * The queue of statuses (not moving with the clock) that holds a dossier of this open status: 2 and 4 are in
     * processing.
     */
    static DeskQueue ofStatus(int status) {
        return Arrays.stream(values()).filter(q -> !q.movesWithClock() && q.holds(status)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no desk queue holds status " + status));
    }

    private boolean holds(int status) {
        return Arrays.stream(statuses).anyMatch(s -> s == status);
    }

    /**
     * The SQL condition on dossiers aliased {@code d}; its parameters, in order, are {@link #clock}'s. Overdue: due
     * before now; nearly due: due from now until the window's end.
     */
    String condition() {
        String in = statusCondition();
        return switch (due) {
            case ANY -> in;
            case PAST -> in + " and d.due_at < ?";
            case WINDOW -> in + " and d.due_at >= ? and d.due_at < ?";
        };
    }

    /** The condition on the queue's statuses alone, dossiers aliased {@code d}. */
    String statusCondition() {
        return statuses.length == 1 ? "d.status = " + statuses[0] : "d.status in (" + list(Arrays.stream(statuses)) + ")";
    }

    /** Every status some queue holds (the open dossiers' statuses), as an SQL list: {@code 1, 2, 4, 5, 6, 9}. */
    static String openStatuses() {
        return list(Arrays.stream(values()).flatMapToInt(q -> Arrays.stream(q.statuses)).distinct().sorted());
    }

    private static String list(java.util.stream.IntStream statuses) {
        return statuses.mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }

    /** The parameters of {@link #condition}: none, now, or now and the nearly-due window's end. */
    List<Object> clock(Instant now, Instant nearlyDueBefore) {
        return switch (due) {
            case ANY -> List.of();
            case PAST -> List.of(DossierLists.utc(now));
            case WINDOW -> List.of(DossierLists.utc(now), DossierLists.utc(nearlyDueBefore));
        };
    }
}
