package vn.motcua.paperwork;

import java.time.Instant;
import java.util.List;

/**
 * Form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: what the applicant must add or correct, and why. The law asks
 * for everything in one request, so list all items.
 *
 * <p>Required: the unit's name and place, {@code issuedAt}, of the dossier its code, procedure name and applicant
 * name, at least one item, the reason and the officer.
 *
 * @param unit           the issuing unit
 * @param documentNumber the number after "Số:"; null leaves a blank to fill in by hand
 * @param issuedAt       when the request is issued
 * @param dossier        the dossier concerned
 * @param items          what to add or correct, one item each; null is taken as empty
 * @param reason         why
 * @param officer        full name of the officer who guides the applicant and signs
 * @param officerPhone   a work phone number to ask questions on; optional
 */
public record SupplementRequest(IssuingUnit unit, String documentNumber, Instant issuedAt, DossierSheet dossier,
                                List<String> items, String reason, String officer, String officerPhone)
        implements DossierDocument {

    /**
     * @throws IllegalArgumentException if {@code items} contains null
     */
    public SupplementRequest {
        items = Inputs.copy(items, "items");
    }

    @Override
    public OfficialForm form() {
        return OfficialForm.F02_SUPPLEMENT_REQUEST;
    }
}
