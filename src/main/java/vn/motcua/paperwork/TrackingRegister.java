package vn.motcua.paperwork;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Form 07, Sổ theo dõi hồ sơ: the register of the dossiers a desk received, one row each, printed in landscape
 * and continued over as many pages as needed, the table header repeated on each.
 *
 * <p>Required: the unit's name and place and {@code issuedAt}; each row's code, procedure name, applicant name,
 * {@code receivedAt} and status. An empty register is valid (a period without dossiers).
 *
 * @param unit       the issuing unit
 * @param issuedAt   when the register is printed
 * @param periodFrom the first day of the period covered; optional
 * @param periodTo   the last day of the period covered; optional, not before {@code periodFrom}
 * @param rows       the dossiers in the order to print them; null is taken as empty. A row's number in the
 *                   register ("TT") is its place in this list, the "Số thứ tự" the receipt (form 01) prints
 * @param book       the book's number ("Quyển số"), as the receipts cite it; optional
 */
public record TrackingRegister(IssuingUnit unit, Instant issuedAt, LocalDate periodFrom, LocalDate periodTo,
                               List<RegisterRow> rows, String book) implements DocumentData {

    /** A register without a book number. */
    public TrackingRegister(IssuingUnit unit, Instant issuedAt, LocalDate periodFrom, LocalDate periodTo,
                            List<RegisterRow> rows) {
        this(unit, issuedAt, periodFrom, periodTo, rows, null);
    }

    /**
     * @throws IllegalArgumentException if {@code rows} contains null
     */
    public TrackingRegister {
        rows = Inputs.copy(rows, "rows");
    }

    @Override
    public OfficialForm form() {
        return OfficialForm.F07_TRACKING_REGISTER;
    }
}
