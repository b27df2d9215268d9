package vn.motcua.tasklist;

import java.util.Arrays;
import java.util.Optional;

/**
 * The tabs of a civil servant's task list, each with its counter: what they hold, what waits for their groups, what
 * came back to them, what waits on a stopped clock, what is late or nearly so, what they wanted to look at again.
 */
public enum WorkTab {
    /** Everything the user may take: their own steps and their groups' waiting ones. */ ALL("all-tasks"),
    /** Taken by the user. */ MINE("my-tasks"),
    /** Waiting in the user's groups, taken by nobody. */ UNASSIGNED("unassigned-tasks"),
    /** Sent back to a step the user completed before. */ RETURNED("returned-tasks"),
    /** The dossier's clock is stopped (supplement, payment, stop). */ PAUSED("paused-tasks"),
    /** Past the step's deadline (clock running). */ OVERDUE("overdue-tasks"),
    /** Deadline within the nearly-due window (clock running). */ NEARLY_DUE("nearly-due-tasks"),
    /** The follow-up date someone set has come. */ FOLLOW_UP("follow-up-tasks");

    private final String key;

    WorkTab(String key) { this.key = key; }

    /** The key at the API ({@code GET /api/worklist}, {@code GET /api/tasks?tab=}). */
    public String key() { return key; }

    public String messageKey() { return "worklist." + key; }

    public static Optional<WorkTab> ofKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
