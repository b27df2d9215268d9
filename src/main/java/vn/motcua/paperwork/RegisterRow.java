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
 * @param sets          how many sets (bộ) were submitted; 0 leaves the cell empty
 * @param contact       the applicant's address and phone number, one line; optional
 * @param leadUnit      the competent authority that processes it (cơ quan chủ trì giải quyết); optional
 * @param forwardedAt   when the desk passed it to that authority; optional
 */
public record RegisterRow(String code, String procedureName, String applicantName, Instant receivedAt, Instant dueAt,
                          Instant finishedAt, Instant returnedAt, ProcessingStatus status, String remarks, int sets,
                          String contact, String leadUnit, Instant forwardedAt) {

    /** A row without the sets, contact, lead unit and forwarding time (their cells print empty). */
    public RegisterRow(String code, String procedureName, String applicantName, Instant receivedAt, Instant dueAt,
                       Instant finishedAt, Instant returnedAt, ProcessingStatus status, String remarks) {
        this(code, procedureName, applicantName, receivedAt, dueAt, finishedAt, returnedAt, status, remarks, 0, null,
                null, null);
    }
}
