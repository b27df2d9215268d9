package vn.motcua.monitoring.internal;

/**
 * Counts over a set of dossiers of a period, as the aggregate SQL answers them for one unit and one procedure, and
 * added up for any grouping (a unit with its sub-units, a level, a sector, everything). Rates are computed from these
 * counts only, so that every grouping gives exactly the indicator its dossiers give.
 *
 * @param dossiers            dossiers in the period (the population of every dossier indicator)
 * @param received            of which received (accepted, for online submissions) in the period
 * @param onTime              of which finished on time, or unfinished and within the deadline, at the as-of instant
 * @param ended               of which ended (processed, returned, refused, withdrawn, stopped) before the as-of instant
 * @param processed           results produced (9 or 10) in the period, with their working time recorded
 * @param workingSeconds      the working seconds of those results, clock stops excluded
 * @param online              dossiers submitted online (channel 2)
 * @param feeDue              dossiers with a fee (an amount above 0 set at receipt), paid or not: the population of
 *                            online payment (3.6) on the national formula sheet
 * @param paidOnline          of which paid online before the as-of instant
 * @param returned            results handed over (10) before the as-of instant
 * @param returnedElectronic  of which issued electronically: of a procedure that issues an electronic result, or
 *                            issued by MotCua signed with the unit's key
 * @param withAttachment      dossiers with at least one (not rejected) attachment
 * @param digitised           dossiers with an attachment and a result issued electronically
 * @param rated               dossiers the applicant rated
 * @param negative            dossiers with a complaint or a rating of 1 or 2
 * @param supplementedTwice   dossiers with more than one supplement request (late by rule)
 */
public record Figures(long dossiers, long received, long onTime, long ended, long processed, long workingSeconds,
                      long online, long feeDue, long paidOnline, long returned, long returnedElectronic,
                      long withAttachment, long digitised, long rated, long negative, long supplementedTwice) {

    public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Dossiers late at the as-of instant (finished late, overdue, or supplemented more than once). */
    public long late() { return dossiers - onTime; }

    /** Dossiers carried over from before the period, unfinished at its start. */
    public long carriedOver() { return dossiers - received; }

    public Figures plus(Figures o) {
        return new Figures(dossiers + o.dossiers, received + o.received, onTime + o.onTime, ended + o.ended,
                processed + o.processed, workingSeconds + o.workingSeconds, online + o.online, feeDue + o.feeDue,
                paidOnline + o.paidOnline, returned + o.returned, returnedElectronic + o.returnedElectronic,
                withAttachment + o.withAttachment, digitised + o.digitised, rated + o.rated, negative + o.negative,
                supplementedTwice + o.supplementedTwice);
    }

    /**
     * These figures with the results issued electronically: every result returned of a procedure that issues an
     * electronic result, and, of the others, those whose result MotCua issued signed.
     */
    public Figures withElectronicResult(boolean electronic, IndicatorQueries.Returned r) {
        return new Figures(dossiers, received, onTime, ended, processed, workingSeconds, online, feeDue, paidOnline,
                returned, electronic ? returned : r.issued(), withAttachment,
                electronic ? r.withAttachment() : r.issuedWithAttachment(), rated, negative, supplementedTwice);
    }
}
