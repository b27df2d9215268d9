/**
 * Feedback and complaints (phản ánh, kiến nghị): a citizen, with or without an account, sends a text and how to reach
 * them, about one of their dossiers or not, and gets a reference number ({@code PA-YYYYMMDD-NNNN}); it is routed to a
 * unit (the dossier's, the one the sender chose, or the province's one-stop unit), whose leaders and the supervisors
 * above it take it and answer it in the product; the sender reads the answer with the reference and their contact, or
 * in their account. Publishes {@link vn.motcua.feedback.FeedbackReceived} and {@link vn.motcua.feedback.FeedbackAnswered}
 * for whoever notifies people. The module owns the tables {@code feedback} and {@code feedback_*}.
 */
package vn.motcua.feedback;
