package vn.motcua.paperwork;

import java.time.Instant;

/**
 * Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả: the receipt of a dossier and the appointment to collect the
 * result, with a QR code for looking the dossier up.
 *
 * <p>Required: the unit's name and place, {@code issuedAt}, and of the dossier its code, procedure name, applicant
 * name, channel, {@code receivedAt}, {@code dueAt} (after {@code receivedAt}), {@code receivedBy}, the documents
 * actually handed in (each with name, copy type and a count of at least 1; none prints "Không có giấy tờ nào được
 * nộp", for a dossier the desk received without them, with a reason) and at least one set.
 *
 * @param unit           the issuing unit
 * @param documentNumber the number after "Số:", e.g. {@code "125/GTN-BPMC"}; null leaves a blank to fill in by hand
 * @param issuedAt       when the receipt is issued, normally the time of receipt
 * @param dossier        the dossier received
 * @param trackingUrl    a web address where the applicant can follow the dossier; optional. The QR code holds this
 *                       address when given (so it should contain the dossier code), else the dossier code itself
 * @param registerBook   the book of the tracking register (form 07) the dossier is entered in, "Quyển số";
 *                       null leaves a blank to fill in by hand
 * @param registerEntry  the dossier's number in that book, "Số thứ tự" (its row in form 07); null leaves a blank
 * @param trackingKey    the digits with which anyone holding the receipt follows the dossier on the tracking page
 *                       ("Mã tra cứu"), printed with the tracking sentence; null prints none (a dossier without one)
 *
 * <p>The receipt is printed in two copies ("liên") one after the other, each from a new page: the first kept by
 * the desk, the second given to the applicant (by hand, by post or electronically).
 */
public record ReceiptAndAppointment(IssuingUnit unit, String documentNumber, Instant issuedAt, DossierSheet dossier,
                                    String trackingUrl, String registerBook, String registerEntry, String trackingKey)
        implements DossierDocument {

    /** A receipt without a tracking key. */
    public ReceiptAndAppointment(IssuingUnit unit, String documentNumber, Instant issuedAt, DossierSheet dossier,
                                 String trackingUrl, String registerBook, String registerEntry) {
        this(unit, documentNumber, issuedAt, dossier, trackingUrl, registerBook, registerEntry, null);
    }

    /** A receipt whose register book and number are left blank, to fill in by hand. */
    public ReceiptAndAppointment(IssuingUnit unit, String documentNumber, Instant issuedAt, DossierSheet dossier,
                                 String trackingUrl) {
        this(unit, documentNumber, issuedAt, dossier, trackingUrl, null, null, null);
    }

    @Override
    public OfficialForm form() {
        return OfficialForm.F01_RECEIPT;
    }
}
