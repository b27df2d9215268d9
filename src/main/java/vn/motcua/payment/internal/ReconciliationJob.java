package vn.motcua.payment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.Formats;

/**
 * The daily reconciliation: every quarter of an hour, once the configured hour has passed (Asia/Ho_Chi_Minh), the
 * previous day is reconciled if no node has done it yet (the day's row in {@code payment_reconciliation} is claimed
 * by the first node to insert it, so that several nodes run it once).
 */
public class ReconciliationJob extends vn.motcua.shared.ScheduledRounds {
    private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);

    private final Consumer<LocalDate> reconcile;
    private final PaymentRepository payments;
    private final PaymentSettings settings;
    private final Clock clock;

    public ReconciliationJob(Consumer<LocalDate> reconcile, PaymentRepository payments, PaymentSettings settings, Clock clock) {
        super("payment-reconciliation");
        this.reconcile = reconcile;
        this.payments = payments;
        this.settings = settings;
        this.clock = clock;
    }

    /** Reconciles the previous day when its time has come and nobody did it. */
    public void runIfDue() {
        ZonedDateTime now = clock.instant().atZone(Formats.ZONE);
        if (now.getHour() < settings.reconciliationHour()) return;
        LocalDate day = now.toLocalDate().minusDays(1);
        if (payments.reconciled(day)) return;
        try {
            SystemAccess.run(() -> reconcile.accept(day));
        } catch (RuntimeException e) {
            log.error("Reconciliation of the payments of {} failed", day, e);
        }
    }

    @Override
    protected Duration firstRoundAfter() { return Duration.ofMinutes(5); }

    @Override
    protected Duration interval() { return Duration.ofMinutes(15); }

    @Override
    protected void round() { runIfDue(); }
}
