package vn.motcua.paperwork;

import java.time.Instant;
import java.util.List;

/**
 * The dossier (hồ sơ) as the forms print it. Which components are required depends on the form; see each form's
 * record. Text is printed as given (normalised to Unicode NFC); instants are shown in Asia/Ho_Chi_Minh.
 *
 * @param code             the dossier code (mã hồ sơ), e.g. {@code "000.01.15.H33-261127-0001"}
 * @param procedureCode    the procedure's code in the national database, e.g. {@code "1.001193"}; optional
 * @param procedureName    the procedure, which is what the applicant asks for, e.g. {@code "Đăng ký khai sinh"}
 * @param applicant        who submitted the dossier
 * @param channel          how it was submitted
 * @param receivedAt       when the desk received it
 * @param dueAt            when the result is due (hẹn trả kết quả), clock stops already accounted for
 * @param receivedBy       full name of the officer who received it
 * @param documents        the papers submitted, in the order to list them; null is taken as empty
 * @param sets             how many sets (bộ) were submitted; usually 1
 * @param processingPeriod the statutory processing time; optional
 * @param resultDelivery   where the applicant receives the result; optional
 */
public record DossierSheet(String code, String procedureCode, String procedureName, Applicant applicant,
                           SubmissionChannel channel, Instant receivedAt, Instant dueAt, String receivedBy,
                           List<SubmittedDocument> documents, int sets, ProcessingPeriod processingPeriod,
                           ResultDelivery resultDelivery) {

    /**
     * @throws IllegalArgumentException if {@code documents} contains null
     */
    public DossierSheet {
        documents = Inputs.copy(documents, "dossier.documents");
    }
}
