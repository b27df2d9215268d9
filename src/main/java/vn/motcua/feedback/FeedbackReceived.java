package vn.motcua.feedback;

/**
 * Published when feedback was received, after it was stored (in the sender's transaction): a notification module may
 * tell the unit's leaders. Carries no personal data.
 *
 * @param unitIdentifier the unit it was routed to
 * @param dossierCode    the dossier it is about, or null
 */
public record FeedbackReceived(String reference, String unitIdentifier, String dossierCode) { }
