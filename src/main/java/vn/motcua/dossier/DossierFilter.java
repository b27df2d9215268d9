package vn.motcua.dossier;

import static vn.motcua.shared.PlainText.blank;

import java.time.LocalDate;

/**
 * What a dossier list shows, all optional: a desk queue, words of the code, the applicant or the procedure's name
 * ({@code q}), a procedure, a sector, a status code, a channel, receipt and due days (in Vietnam, both ends
 * included), the applicant's name, late or not, and one unit (within the caller's scope).
 */
public record DossierFilter(DeskQueue queue, String q, String procedure, String sector, Integer status, String channel,
                            LocalDate receivedFrom, LocalDate receivedTo, LocalDate dueFrom, LocalDate dueTo,
                            String applicant, Boolean overdue, String unit) {

    public static DossierFilter none() {
        return new DossierFilter(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public DossierFilter withQueue(DeskQueue q2) {
        return new DossierFilter(q2, q, procedure, sector, status, channel, receivedFrom, receivedTo, dueFrom, dueTo, applicant, overdue, unit);
    }

    public DossierFilter withUnit(String identifier) {
        return new DossierFilter(queue, q, procedure, sector, status, channel, receivedFrom, receivedTo, dueFrom, dueTo, applicant, overdue, identifier);
    }

    /**
     * True when the list narrows the dossiers only by what the counters' tally keeps (unit and status: a status or a
     * desk queue that is a set of statuses): its total is a sum of the tally.
     */
    boolean tallied() {
        return (queue == null || !queue.movesWithClock()) && blank(q) && blank(procedure) && blank(sector)
                && blank(channel) && receivedFrom == null && receivedTo == null && dueFrom == null && dueTo == null
                && blank(applicant) && overdue == null;
    }
}
