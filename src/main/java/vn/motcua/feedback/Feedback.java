package vn.motcua.feedback;

import java.time.Instant;

/**
 * A piece of feedback or a complaint as the staff who handle it read it.
 *
 * @param contact       how to reach the sender as they gave it (personal data: shown to the staff handling it, never
 *                      logged), null when they gave none from their account
 * @param ownerUsername the citizen's account when it was sent signed in, else null
 * @param dossierCode   the dossier it is about, or null
 * @param dueAt         when it should be answered by ({@code motcua.feedback.answer-working-days} working days)
 * @param verdict       whether the sender was satisfied with the answer, null until they say
 * @param judgedAt      when they said it
 */
public record Feedback(long id, String reference, String text, String contact, String ownerUsername, String dossierCode,
                       long unitId, String unitTreePath, FeedbackStatus status, Instant receivedAt, Instant dueAt,
                       String takenBy, Instant takenAt, String answer, String answeredBy, Instant answeredAt,
                       FeedbackVerdict verdict, Instant judgedAt) {

    /** Answered by its due date, or, not answered yet, still within it at {@code at}. */
    public boolean onTimeAt(Instant at) {
        return answeredAt != null ? !answeredAt.isAfter(dueAt) : !at.isAfter(dueAt);
    }
}
