package vn.motcua.shared;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work a node repeats while it runs (sweeps, folds, reconciliations, outboxes): started with the application, one
 * round after {@link #firstRoundAfter()} and then {@link #interval()} after the end of each, on a daemon thread named
 * after the work ({@link BackgroundRounds}); stopped with the application. A round that throws is logged and the next
 * one runs as planned (an executor drops a periodic task that throws).
 */
public abstract class ScheduledRounds implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ScheduledRounds.class);

    private final String threadName;
    private ScheduledExecutorService scheduler;

    protected ScheduledRounds(String threadName) { this.threadName = threadName; }

    /** The wait between the start and the first round. */
    protected abstract Duration firstRoundAfter();

    /** The wait between the end of one round and the start of the next (at least a millisecond). */
    protected abstract Duration interval();

    /** One round. */
    protected abstract void round();

    private void guarded() {
        try {
            round();
        } catch (RuntimeException e) {
            log.warn("{}: a round failed ({}); the next one runs as planned", threadName, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = BackgroundRounds.scheduler(threadName);
        scheduler.scheduleWithFixedDelay(this::guarded, firstRoundAfter().toMillis(), Math.max(1, interval().toMillis()),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) scheduler.shutdownNow();
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() { return scheduler != null; }
}
