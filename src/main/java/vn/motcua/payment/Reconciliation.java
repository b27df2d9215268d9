package vn.motcua.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The reconciliation of one day's payments (created that day, Asia/Ho_Chi_Minh) with the payment service.
 *
 * @param reconciledAt when it ran; null when it has not run for that day yet
 * @param checked      how many payments it compared
 */
public record Reconciliation(LocalDate date, Instant reconciledAt, Integer checked, List<Mismatch> mismatches) {

    /**
     * A payment on which MotCua and the payment service disagree.
     *
     * @param kind STATUS (statuses differ), AMOUNT (paid amounts differ), UNKNOWN_TO_PROVIDER, or
     *             DOSSIER_NOT_CONFIRMED (paid, but the dossier did not record an online payment)
     */
    public record Mismatch(String paymentId, String dossierCode, String kind, PaymentStatus localStatus,
                           PaymentStatus providerStatus, BigDecimal localAmount, BigDecimal providerAmount) { }
}
