package vn.motcua.payment;

/** What MotCua did with a payment service's callback (kept in {@code payment_callback}). */
public enum CallbackOutcome {
    /** The payment changed as reported (and the dossier with it when paid). */
    APPLIED,
    /** The payment was already in the reported status: nothing changed. */
    DUPLICATE,
    /** A report that contradicts the payment's final status (FAILED after PAID): nothing changed. */
    OUT_OF_ORDER,
    /** A report of a still open payment: nothing to do. */
    IGNORED,
    /** Reported paid with another amount: nothing changed, the reconciliation lists it. */
    AMOUNT_MISMATCH,
    /** No such payment under that provider reference: nothing changed. */
    UNKNOWN_PAYMENT,
    /** The signature is missing or wrong: nothing changed. */
    BAD_SIGNATURE
}
