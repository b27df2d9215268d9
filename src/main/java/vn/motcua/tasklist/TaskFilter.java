package vn.motcua.tasklist;

import static vn.motcua.shared.PlainText.blank;

import java.time.LocalDate;

/**
 * What a task list shows: a tab and filters, all optional. Dates are days in Vietnam, both ends included.
 *
 * @param q        words that the dossier code, the applicant, the procedure or the step's name contain (diacritics
 *                 and case ignored)
 * @param status   the dossier's status code
 * @param assignee the username holding the step (a leader looking at a colleague's work)
 * @param overdue  true: only late steps; false: only steps not late
 */
public record TaskFilter(WorkTab tab, String q, String procedure, String sector, Integer status, String channel,
                         LocalDate receivedFrom, LocalDate receivedTo, LocalDate dueFrom, LocalDate dueTo,
                         String applicant, String assignee, Boolean overdue) {

    public static TaskFilter none() { return new TaskFilter(WorkTab.ALL, null, null, null, null, null, null, null, null, null, null, null, null); }

    public TaskFilter withTab(WorkTab t) {
        return new TaskFilter(t, q, procedure, sector, status, channel, receivedFrom, receivedTo, dueFrom, dueTo, applicant, assignee, overdue);
    }

    public TaskFilter withQ(String text) {
        return new TaskFilter(tab, text, procedure, sector, status, channel, receivedFrom, receivedTo, dueFrom, dueTo, applicant, assignee, overdue);
    }

    /**
     * True when the list narrows the caller's steps only by what the counters' tally keeps (who holds or waits for
     * them, and the tabs all, mine, unassigned, paused and returned): its total is a sum of the tally.
     */
    boolean tallied() {
        WorkTab t = tab == null ? WorkTab.ALL : tab;
        boolean tab = t == WorkTab.ALL || t == WorkTab.MINE || t == WorkTab.UNASSIGNED || t == WorkTab.PAUSED || t == WorkTab.RETURNED;
        return tab && blank(q) && blank(procedure) && blank(sector) && status == null && blank(channel) && receivedFrom == null
                && receivedTo == null && dueFrom == null && dueTo == null && blank(applicant) && overdue == null;
    }
}
