package vn.motcua.paperwork;

import java.time.Instant;
import java.util.List;

/**
 * Form 05, Thông báo dừng giải quyết hồ sơ: the unit stops processing the dossier, and says why.
 *
 * <p>Required: the unit's name and place, {@code issuedAt}, of the dossier its code, procedure name, applicant
 * name and {@code receivedAt}, the reason and the signatory's position and name.
 *
 * @param unit           the issuing unit
 * @param documentNumber the number after "Số:"; null leaves a blank to fill in by hand
 * @param issuedAt       when the notice is issued
 * @param dossier        the dossier stopped
 * @param reason         why; line breaks start new paragraphs
 * @param signatory      who signs for the unit
 * @param recipients     further recipients for "Nơi nhận", after the addressee and before the archive line; null
 *                       is taken as empty
 */
public record StopNotice(IssuingUnit unit, String documentNumber, Instant issuedAt, DossierSheet dossier,
                         String reason, Signatory signatory, List<String> recipients)
        implements DossierDocument {

    /**
     * @throws IllegalArgumentException if {@code recipients} contains null
     */
    public StopNotice {
        recipients = Inputs.copy(recipients, "recipients");
    }

    @Override
    public OfficialForm form() {
        return OfficialForm.F05_STOP_NOTICE;
    }
}
