package vn.motcua.payment.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The payment settings: which provider ({@code motcua.payment.provider}, {@code sandbox} by default), the sandbox's
 * callback secret, address, delay and repetitions, and the hour the daily reconciliation runs after.
 */
@Component
public class PaymentSettings {
    private final String provider;
    private final String sandboxSecret;
    private final String sandboxCallbackUrl;
    private final Duration sandboxCallbackDelay;
    private final int sandboxCallbackRepeat;
    private final int reconciliationHour;
    private final String publicUrl;

    PaymentSettings(@Value("${motcua.payment.provider:sandbox}") String provider,
                    @Value("${motcua.payment.sandbox.secret:}") String sandboxSecret,
                    @Value("${motcua.payment.sandbox.callback-url:}") String sandboxCallbackUrl,
                    @Value("${motcua.payment.sandbox.callback-delay:0s}") Duration sandboxCallbackDelay,
                    @Value("${motcua.payment.sandbox.callback-repeat:1}") int sandboxCallbackRepeat,
                    @Value("${motcua.payment.reconciliation-hour:2}") int reconciliationHour,
                    @Value("${motcua.public-url:}") String publicUrl) {
        this.provider = provider == null || provider.isBlank() ? "sandbox" : provider.trim();
        this.sandboxSecret = sandboxSecret == null ? "" : sandboxSecret;
        this.sandboxCallbackUrl = sandboxCallbackUrl == null ? "" : sandboxCallbackUrl.trim();
        this.sandboxCallbackDelay = sandboxCallbackDelay == null || sandboxCallbackDelay.isNegative() ? Duration.ZERO : sandboxCallbackDelay;
        this.sandboxCallbackRepeat = Math.max(1, Math.min(10, sandboxCallbackRepeat));
        this.reconciliationHour = Math.max(0, Math.min(23, reconciliationHour));
        this.publicUrl = publicUrl == null ? "" : publicUrl.trim().replaceAll("/+$", "");
    }

    /** The provider payments go through: the {@code provider()} of a {@link vn.motcua.payment.PaymentGateway} bean. */
    public String provider() { return provider; }

    /** The HMAC-SHA256 key of the sandbox's callbacks; blank: a random key for this run. */
    public String sandboxSecret() { return sandboxSecret; }

    /** Where the sandbox sends its callbacks; blank: this application's own {@code /api/payments/callback}. */
    public String sandboxCallbackUrl() { return sandboxCallbackUrl; }

    /** How long the sandbox waits before sending a callback (a late callback). */
    public Duration sandboxCallbackDelay() { return sandboxCallbackDelay; }

    /** How many times the sandbox sends each callback (1 to 10; more than one: repeated callbacks). */
    public int sandboxCallbackRepeat() { return sandboxCallbackRepeat; }

    /** The hour (Asia/Ho_Chi_Minh) after which the previous day is reconciled. */
    public int reconciliationHour() { return reconciliationHour; }

    /** The address citizens reach MotCua at, without a trailing slash; blank when not set. */
    public String publicUrl() { return publicUrl; }
}
