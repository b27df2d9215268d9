package vn.motcua.paperwork;

import java.time.Instant;

/**
 * One dossier in the tracking register (form 07).
 *
 * @param code          the dossier code; required
 * @param procedureName the procedure; required
 * @param applicantName the applicant's full name; required
 * @param receivedAt    when it was received; required
 * @param dueAt         when the result is due; optional
 * @param finishedAt    when processing finished; optional
 * @param returnedAt    when the result was handed to the applicant; optional
 * @param status        its current status; required
 * @param remarks       free remarks (ghi chú), e.g. why it is late; optional
 */
public record RegisterRow(String code, String procedureName, String applicantName, Instant receivedAt, Instant dueAt,
                          Instant finishedAt, Instant returnedAt, ProcessingStatus status, String remarks) {
}
