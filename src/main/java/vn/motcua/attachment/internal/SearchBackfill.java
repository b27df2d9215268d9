package vn.motcua.attachment.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts back into the search index the dossiers missing from it: those that existed before the index did, those
 * written without their events (imports, the demo history), and those whose entries were lost. It only queues
 * requests in the index's outbox ({@code search_index_request}), which the indexer works through as usual, so that
 * several nodes doing it at once are safe (a dossier already queued is not queued again; one indexed twice is merely
 * indexed twice).
 * <p>
 * It walks the dossiers by id in ranges of {@code motcua.attachment.search.backfill-batch}, one insert-select per
 * range through the primary key and the entries' unique key, in a background thread started once the application is
 * ready (never in the start-up path), and yields to live work: it waits while the queue holds a range's worth of
 * requests, so that dossiers received meanwhile are indexed without waiting behind a large back-fill.
 */
@Component
public class SearchBackfill {
    private static final Logger log = LoggerFactory.getLogger(SearchBackfill.class);
    private static final Duration YIELD = Duration.ofMillis(500);

    private final SearchIndex index;
    private final SearchIndexer indexer;
    private final AttachmentSettings settings;
    private final AtomicReference<Thread> running = new AtomicReference<>();
    private volatile boolean closing;

    SearchBackfill(SearchIndex index, SearchIndexer indexer, AttachmentSettings settings) {
        this.index = index;
        this.indexer = indexer;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (settings.getSearch().isBackfillOnStart()) start();
    }

    @EventListener(ContextClosedEvent.class)
    void onClose() {
        closing = true;
        Thread thread = running.get();
        if (thread != null) thread.interrupt();
    }

    /** Starts a pass in the background; false when one is running already. */
    public boolean start() {
        var thread = new Thread(() -> {
            try {
                run(true);
            } catch (RuntimeException e) {
                if (!closing) log.warn("Search back-fill stopped: {}", e.toString());
            } finally {
                running.set(null);
            }
        }, "search-backfill");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        if (!running.compareAndSet(null, thread)) return false;
        thread.start();
        return true;
    }

    /**
     * One pass over all dossiers in this thread.
     *
     * @param yielding wait while the queue is busy before each range (false: queue everything at once)
     * @return how many dossiers were queued
     */
    public int run(boolean yielding) {
        long started = System.nanoTime();
        int batch = Math.max(1, settings.getSearch().getBackfillBatch());
        long max = index.maxDossierId();
        int queued = 0;
        for (long after = 0; after < max && !closing; after += batch) {
            if (yielding && !awaitQuietQueue(batch)) break;
            int n = index.requestMissing(after, after + batch);
            if (n > 0) {
                queued += n;
                indexer.wake();
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (queued > 0) {
            log.info("Search back-fill: {} dossier(s) missing from the index queued for indexing ({} ms)", queued, millis);
        } else {
            log.info("Search back-fill: every dossier is in the index ({} ms)", millis);
        }
        return queued;
    }

    /** Waits until fewer than {@code batch} requests are queued; false when interrupted or closing. */
    private boolean awaitQuietQueue(int batch) {
        while (!closing && index.queued() >= batch) {
            try {
                Thread.sleep(YIELD.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !closing;
    }
}
