package vn.motcua.catalogue;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every node serves the same catalogue: every {@code motcua.design.poll-interval} (5 seconds by default) each node
 * reads the store's publication mark (one query) and, when another node published a version, serves it
 * ({@link ProcedureCatalogue#refresh()}). {@code 0} turns the polling off (a single node).
 */
@Component
class PublicationPoller implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PublicationPoller.class);

    private final ProcedureCatalogue catalogue;
    private final Duration interval;
    private ScheduledExecutorService executor;

    PublicationPoller(ProcedureCatalogue catalogue, @Value("${motcua.design.poll-interval:PT5S}") Duration interval) {
        this.catalogue = catalogue;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (executor != null || interval.isZero() || interval.isNegative()) return;
        executor = vn.motcua.shared.BackgroundRounds.scheduler("catalogue-publications");
        executor.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            catalogue.refresh();
        } catch (RuntimeException e) {
            // The next poll tries again; the node keeps serving what it served
            log.warn("Catalogue: cannot read the published versions: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) return;
        executor.shutdownNow();
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() { return executor != null; }
}
