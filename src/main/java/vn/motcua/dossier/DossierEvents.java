package vn.motcua.dossier;

/** What happened to dossiers, published in the transaction that made it happen. */
public final class DossierEvents {
    private DossierEvents() { }

    /**
     * A dossier came into being in its first status: received at the desk or through the API (2), or submitted online
     * by the applicant (1). Published in the creating transaction, after {@link StagedFilesSubmitted}.
     */
    public record DossierCreated(String code, DossierStatus status) { }

    /** A dossier was received (status 2): its procedure's process must start, with the code as business key. */
    public record DossierReceived(String code, String procedureCode, String unitIdentifier) { }

    /**
     * A dossier was just created (received or submitted online) with files its creator staged before it existed:
     * published in the creating transaction, before {@link DossierReceived}, so that a listener that cannot take the
     * files (gone, not the creator's) undoes the whole receipt by throwing.
     */
    public record StagedFilesSubmitted(String code, String procedureCode, java.util.List<String> stagedFiles) { }

    /** The processing clock stopped (supplement, payment or stop). */
    public record ClockStopped(String code, DossierStatus status) { }

    /** The processing clock runs again; due dates move by the stopped working time. */
    public record ClockResumed(String code, java.time.Duration stoppedWorkingTime) { }

    /** The applicant withdrew the dossier: its process ends. */
    public record DossierWithdrawn(String code) { }

    /**
     * Processing was stopped and the stop ended the dossier (status 8 as an end state, where the province does not
     * resume stopped dossiers): its process ends, with every open step and timer.
     */
    public record DossierStopped(String code) { }

    /** The desk handed the result over through the action (not the process step): the process's return step ends. */
    public record ResultReturned(String code, String actor) { }

    /** A dossier's status changed. */
    public record DossierStatusChanged(String code, DossierStatus from, DossierStatus to) { }

    /**
     * A later date was promised to the applicant with an apology (form 04): {@code newDue} is that date; the status
     * does not change.
     */
    public record DossierExtended(String code, java.time.Instant newDue) { }
}
