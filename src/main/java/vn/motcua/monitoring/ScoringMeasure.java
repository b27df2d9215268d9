package vn.motcua.monitoring;

/**
 * What MotCua can compute for a row of the scoring table ({@code indicators/scoring-766.csv}): each a numerator and a
 * denominator over the report's dossiers or the procedures in its scope, as {@link IndicatorService} defines them.
 */
public enum ScoringMeasure {
    /**
     * Procedures in scope whose published record holds every part of a procedure the national formula sheet checks
     * and MotCua keeps (name, steps, manner, dossier components, time limit, agency) ÷ procedures in scope.
     */
    PUBLISHED_COMPLETE,
    /** Procedures in scope offered online (fully or partly) ÷ procedures in scope (indicator 3.1). */
    AVAILABLE_ONLINE,
    /** Dossiers ended on time, or unfinished within their due date (a stopped dossier is ended) ÷ dossiers (2.1). */
    ON_TIME,
    /**
     * Online dossiers of procedures offered fully online whose result, where it is a document, is issued
     * electronically ÷ dossiers of procedures offered fully online.
     */
    ONLINE_SERVICES,
    /** Dossiers paid online ÷ dossiers with a fee to pay, paid or not (3.6). */
    ONLINE_PAYMENT,
    /**
     * Procedures in scope with a fee of which at least one dossier of the period was paid online ÷ procedures in scope
     * with a fee.
     */
    FEE_PROCEDURES_PAID_ONLINE,
    /** Results returned of procedures issuing an electronic result ÷ results returned of procedures whose result is a document (4.1). */
    ELECTRONIC_RESULTS,
    /** Dossiers with a digitised input and an electronic result ÷ dossiers (4.2). */
    DIGITISATION,
    /** 100 % − (late rate + rate of dossiers with a complaint or a rating of 1–2) (5.4). */
    SATISFACTION,
    /**
     * Feedback and complaints (vn.motcua.feedback) received in the period answered by their due date, or unanswered
     * and still within it at the period's end ÷ feedback received in the period; with a procedure or sector filter,
     * only feedback about dossiers of those procedures.
     */
    FEEDBACK_ON_TIME,
    /**
     * Feedback and complaints received in the period handled well: on time (as {@link #FEEDBACK_ON_TIME}) and not
     * judged unsatisfactory by their sender before the period's end ÷ feedback received in the period.
     */
    FEEDBACK_SATISFIED
}
