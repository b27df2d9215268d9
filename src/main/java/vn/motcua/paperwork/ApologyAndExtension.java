package vn.motcua.paperwork;

import java.time.Instant;
import java.util.List;

/**
 * Form 04, Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết: the unit apologises for missing the due date
 * of the receipt ({@code dossier.dueAt}) and sets a new one.
 *
 * <p>Required: the unit's name and place, {@code issuedAt}, of the dossier its code, procedure name, applicant
 * name, {@code receivedAt} and {@code dueAt}, the reason, {@code newDueAt} (after {@code dossier.dueAt}) and the
 * signatory's position and name.
 *
 * @param unit           the issuing unit
 * @param documentNumber the number after "Số:", e.g. {@code "58/UBND-BPMC"}; null leaves a blank to fill in by hand
 * @param issuedAt       when the letter is issued
 * @param dossier        the dossier concerned; its {@code dueAt} is the date promised on the receipt
 * @param reason         why it is late
 * @param newDueAt       the new date to return the result
 * @param signatory      who signs for the unit
 * @param recipients     further recipients for "Nơi nhận", after the addressee ("Như trên") and before the
 *                       archive line; null is taken as empty
 */
public record ApologyAndExtension(IssuingUnit unit, String documentNumber, Instant issuedAt, DossierSheet dossier,
                                  String reason, Instant newDueAt, Signatory signatory, List<String> recipients)
        implements DossierDocument {

    /**
     * @throws IllegalArgumentException if {@code recipients} contains null
     */
    public ApologyAndExtension {
        recipients = Inputs.copy(recipients, "recipients");
    }

    @Override
    public OfficialForm form() {
        return OfficialForm.F04_APOLOGY_EXTENSION;
    }
}
