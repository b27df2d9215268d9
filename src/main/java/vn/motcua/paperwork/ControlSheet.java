package vn.motcua.paperwork;

import java.time.Instant;
import java.util.List;

/**
 * Form 06, Phiếu kiểm soát quá trình giải quyết hồ sơ: the dossier's way through the units, one row per hand-over.
 *
 * <p>Required: the unit's name and place, {@code issuedAt}, of the dossier its code, procedure name, applicant
 * name, {@code receivedAt} and {@code dueAt}, the lead unit and at least one hand-over (each with from, to and
 * {@code handedOverAt}).
 *
 * @param unit              the issuing unit
 * @param issuedAt          when the sheet is printed
 * @param dossier           the dossier followed
 * @param receiptNumber     the number of the receipt (form 01) the sheet goes with; optional
 * @param leadUnit          the unit (or department) that processes the dossier
 * @param coordinatingUnits the units that take part; null is taken as empty
 * @param handovers         the hand-overs in order; null is taken as empty
 */
public record ControlSheet(IssuingUnit unit, Instant issuedAt, DossierSheet dossier, String receiptNumber,
                           String leadUnit, List<String> coordinatingUnits, List<Handover> handovers)
        implements DossierDocument {

    /**
     * @throws IllegalArgumentException if a list contains null
     */
    public ControlSheet {
        coordinatingUnits = Inputs.copy(coordinatingUnits, "coordinatingUnits");
        handovers = Inputs.copy(handovers, "handovers");
    }

    @Override
    public OfficialForm form() {
        return OfficialForm.F06_CONTROL_SHEET;
    }
}
