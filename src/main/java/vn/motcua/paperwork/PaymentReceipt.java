package vn.motcua.paperwork;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An electronic receipt of a fee paid online (biên lai thu phí, lệ phí điện tử): who paid what, for which dossier,
 * through which payment service and under which of its transaction references.
 *
 * @param unit              the unit that collects the fee (the dossier's unit)
 * @param receiptNumber     the receipt's number, printed after "Số:"
 * @param paidAt            when the payment service says the payment was made
 * @param dossierCode       the dossier's code
 * @param procedureName     the procedure's name, in Vietnamese
 * @param payerName         the applicant's name
 * @param amount            the amount paid, in whole đồng
 * @param provider          the payment service's name as printed (e.g. "Cổng thanh toán thử nghiệm")
 * @param providerReference the payment service's transaction reference
 * @param paymentId         MotCua's payment identifier
 */
public record PaymentReceipt(IssuingUnit unit, String receiptNumber, Instant paidAt, String dossierCode,
                             String procedureName, String payerName, BigDecimal amount, String provider,
                             String providerReference, String paymentId) {
}
