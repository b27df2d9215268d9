package vn.motcua.feedback;

import java.time.Instant;

/**
 * Published when a leader or supervisor answered feedback (in their transaction): a notification module may send the
 * answer to the sender. The contact is personal data: a listener uses it to reach the sender and never logs it.
 *
 * @param ownerUsername the sender's account when they sent it signed in, else null
 * @param contact       the phone or e-mail address the sender gave, or null
 * @param dossierCode   the dossier it is about, or null
 * @param answeredBy    the username of who answered
 */
public record FeedbackAnswered(String reference, String ownerUsername, String contact, String dossierCode,
                               String answeredBy, Instant answeredAt) { }
