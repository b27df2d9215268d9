package vn.motcua.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.organisation.Role;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.Messages;

/**
 * The caller's worklist as tabs with counters: the desk's queues of dossiers for one-stop clerks (and supervisors,
 * over the units they supervise), the task tabs for clerks, specialists and leaders.
 */
@Service
public class Worklist {
    private final DossierQueries dossiers;
    private final TaskListService tasks;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final vn.motcua.feedback.FeedbackService feedback;

    Worklist(DossierQueries dossiers, TaskListService tasks, CurrentUser currentUser, Messages messages,
             vn.motcua.feedback.FeedbackService feedback) {
        this.feedback = feedback;
        this.dossiers = dossiers;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /**
     * One tab: its key at the API, its label in the caller's language, its count.
     *
     * @param list "dossiers" for a desk queue, "tasks" for a task tab, "feedback" for the new feedback of a leader's
     *             unit or a supervisor's units ({@code feedback-new})
     */
    public record Entry(String key, String label, long count, String list) { }

    /** The caller's tabs; {@code unit} narrows a supervisor's desk queues to one unit below them. */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER', 'SUPERVISOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<Entry> entries(String unit, Locale locale) {
        AuthenticatedUser user = currentUser.require();
        var result = new ArrayList<Entry>();
        if (user.has(Role.CLERK) || user.has(Role.SUPERVISOR) || user.has(Role.ADMIN)) {
            dossiers.counts(user.has(Role.CLERK) && !user.has(Role.SUPERVISOR) ? null : unit).forEach((q, n) ->
                    result.add(new Entry(q.key(), messages.get(locale, q.messageKey()), n, "dossiers")));
        }
        if (user.has(Role.CLERK) || user.has(Role.SPECIALIST) || user.has(Role.LEADER)) {
            tasks.counts().forEach((t, n) ->
                    result.add(new Entry(t.key(), messages.get(locale, t.messageKey()), n, "tasks")));
        }
        if (user.has(Role.LEADER) || user.has(Role.SUPERVISOR)) {
            result.add(new Entry(FEEDBACK_NEW, messages.get(locale, "worklist." + FEEDBACK_NEW), feedback.newCount(), "feedback"));
        }
        return result;
    }

    /** The counter of new feedback and complaints (leaders: their unit's; supervisors: their units'). */
    public static final String FEEDBACK_NEW = "feedback-new";
}
