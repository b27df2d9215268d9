package vn.motcua.payment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.Formats;

/**
 * The daily reconciliation: every quarter of an hour, once the configured hour has passed (Asia/Ho_Chi_Minh), the
 * previous day is reconciled if no node has done it yet (the day's row in {@code payment_reconciliation} is claimed
 * by the first node to insert it, so that several nodes run it once).
 */
public class ReconciliationJob implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);

    private final Consumer<LocalDate> reconcile;
    private final PaymentRepository payments;
    private final PaymentSettings settings;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public ReconciliationJob(Consumer<LocalDate> reconcile, PaymentRepository payments, PaymentSettings settings, Clock clock) {
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
    public synchronized void start() {
        scheduler = vn.motcua.shared.BackgroundRounds.scheduler("payment-reconciliation");
        scheduler.scheduleWithFixedDelay(this::runIfDue, 5, 15, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) scheduler.shutdownNow();
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() { return scheduler != null; }
}
