package vn.motcua.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A payment service (the national payment platform, a bank's or a wallet's gateway) as MotCua uses it. A province
 * plugs its provider in by declaring a Spring bean implementing this interface and naming its {@link #provider()} in
 * {@code motcua.payment.provider}; the sandbox ({@code sandbox}) is used otherwise.
 */
public interface PaymentGateway {

    /** The provider's name, stored with each payment, e.g. {@code sandbox}. */
    String provider();

    /** The provider's name as printed on the receipt, in Vietnamese. */
    String displayName();

    /**
     * Registers a payment with the provider: the payer is then sent to {@link Checkout#redirectUrl()} or shown a QR
     * code holding {@link Checkout#qrContent()}.
     */
    Checkout createPayment(PaymentOrder order);

    /**
     * Checks a callback's signature and reads it; empty when the signature is missing or wrong or the content
     * cannot be read (nothing of it may then be believed).
     */
    Optional<Notice> verifyCallback(SignedCallback callback);

    /** The provider's own view of a transaction, for the reconciliation; empty when the provider does not know it. */
    Optional<ProviderStatus> queryStatus(String providerRef);

    /**
     * What is to be paid.
     *
     * @param paymentId   MotCua's payment identifier (the merchant's reference)
     * @param dossierCode the dossier the fee is for
     * @param amount      whole đồng
     * @param currency    {@code VND}
     * @param description the text shown to the payer
     * @param payer       the username of the payer
     */
    record PaymentOrder(String paymentId, String dossierCode, BigDecimal amount, String currency, String description,
                        String payer) { }

    /** The provider's answer: its transaction reference, where to send the payer, what a QR code holds. */
    record Checkout(String providerRef, String redirectUrl, String qrContent) { }

    /** A callback as received: the raw body and the signature header. */
    record SignedCallback(byte[] body, String signature) { }

    /** What a verified callback says. */
    record Notice(String providerRef, String paymentId, PaymentStatus status, BigDecimal amount, Instant at) { }

    /** The provider's status of a transaction. */
    record ProviderStatus(PaymentStatus status, BigDecimal amount, Instant settledAt) { }
}
