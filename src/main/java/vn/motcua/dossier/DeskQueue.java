package vn.motcua.dossier;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one-stop desk's queues of a unit's dossiers, each a tab with its counter: online submissions waiting for
 * acceptance (status 1), in processing (2, 4), waiting for a supplement (5) or a payment (6), processed and waiting
 * to be returned (9), and the ones in processing that are late or nearly so.
 */
public enum DeskQueue {
    AWAITING_ACCEPTANCE("awaiting-acceptance"),
    IN_PROCESSING("in-processing"),
    AWAITING_SUPPLEMENT("awaiting-supplement"),
    AWAITING_PAYMENT("awaiting-payment"),
    TO_RETURN("to-return"),
    OVERDUE("overdue"),
    NEARLY_DUE("nearly-due");

    private final String key;

    DeskQueue(String key) { this.key = key; }

    /** The key at the API ({@code GET /api/worklist}, {@code GET /api/dossiers?queue=}). */
    public String key() { return key; }

    public String messageKey() { return "worklist." + key; }

    public static Optional<DeskQueue> ofKey(String key) {
        return Arrays.stream(values()).filter(q -> q.key.equals(key)).findFirst();
    }
}
