package vn.motcua.paperwork;

import java.time.Instant;
import java.util.List;

/**
 * The electronic result of a dossier (Thông báo kết quả giải quyết hồ sơ): the unit tells the applicant that their
 * dossier is processed and what its result is. Issued as a PDF when the result is ready and, when the unit has a
 * signing key, signed with it ({@link DocumentSigner}).
 *
 * @param unit           the issuing unit
 * @param documentNumber the number after "Số:"
 * @param issuedAt       when the result was issued (the dossier's processing ended)
 * @param dossier        the dossier
 * @param result         what the procedure results in, e.g. "Giấy chứng nhận kết hôn"
 * @param signatory      who signs for the unit
 * @param recipients     further recipients for "Nơi nhận"; null is taken as empty
 */
public record ResultNotice(IssuingUnit unit, String documentNumber, Instant issuedAt, DossierSheet dossier,
                           String result, Signatory signatory, List<String> recipients) {

    /**
     * @throws IllegalArgumentException if {@code recipients} contains null
     */
    public ResultNotice {
        recipients = Inputs.copy(recipients, "recipients");
    }
}
