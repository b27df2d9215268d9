package vn.motcua.payment;

/** Where a payment stands: open ({@code CREATED}) until the payment service reports it paid, failed or cancelled. */
public enum PaymentStatus {
    CREATED, PAID, FAILED, CANCELLED;

    /** True once the payment service reported how it ended: a final status never changes again. */
    public boolean isFinal() { return this != CREATED; }

    public String messageKey() { return "payment.status." + name(); }
}
