package vn.motcua.paperwork;

import java.time.Instant;

/**
 * Form 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ: the desk does not accept the dossier, and says why.
 *
 * <p>Required: the unit's name and place, {@code issuedAt}, of the dossier its code, procedure name and applicant
 * name, the reason and the officer.
 *
 * @param unit           the issuing unit
 * @param documentNumber the number after "Số:"; null leaves a blank to fill in by hand
 * @param issuedAt       when the refusal is issued
 * @param dossier        the dossier refused
 * @param reason         the specific reason; line breaks start new paragraphs
 * @param officer        full name of the officer who refuses it and signs
 */
public record RefusalNotice(IssuingUnit unit, String documentNumber, Instant issuedAt, DossierSheet dossier,
                            String reason, String officer) implements DossierDocument {

    @Override
    public OfficialForm form() {
        return OfficialForm.F03_REFUSAL;
    }
}
