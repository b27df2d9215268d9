package vn.motcua.notification.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.motcua.security.SystemAccess;

/**
 * The outbox's sender: every {@code motcua.notifications.poll-interval} it sends the rows that are due, as the system.
 * Several nodes may run it: each row is claimed by one of them ({@code NotificationService.deliverDue}).
 */
public class OutboxSender implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final IntSupplier deliverDue;
    private final NotificationSettings settings;
    private ScheduledExecutorService scheduler;

    public OutboxSender(IntSupplier deliverDue, NotificationSettings settings) {
        this.deliverDue = deliverDue;
        this.settings = settings;
    }

    /** One round: sends what is due; a failure of the round itself is logged and the next round tries again. */
    public void runOnce() {
        try {
            SystemAccess.call(deliverDue::getAsInt);
        } catch (RuntimeException e) {
            log.error("The notification sender's round failed", e);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notification-sender");
            t.setDaemon(true);
            return t;
        });
        long every = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) scheduler.shutdownNow();
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() { return scheduler != null; }
}
