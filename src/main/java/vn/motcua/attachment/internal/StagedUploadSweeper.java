package vn.motcua.attachment.internal;

import java.time.Clock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sweeps away files staged for a dossier that was never received: rows older than
 * {@code motcua.attachment.staging.ttl} (a day) with their kept files, kept files no row names any more (a node that
 * stopped between the two), and staging files left behind by interrupted uploads. Runs on every node every
 * {@code motcua.attachment.staging.sweep-interval}, shortly after start first; deleting the row before the file makes
 * it safe with several nodes and against a receipt taking the same file at that moment.
 */
@Component
public class StagedUploadSweeper extends vn.motcua.shared.ScheduledRounds {
    private final Clock clock;
    private static final Logger log = LoggerFactory.getLogger(StagedUploadSweeper.class);
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);
    private static final int BATCH = 100;

    private final StagedUploadRepository staged;
    private final ContentStore store;
    private final AttachmentSettings settings;

    StagedUploadSweeper(StagedUploadRepository staged, ContentStore store, AttachmentSettings settings, Clock clock) {
        super("staged-upload-sweeper");
        this.clock = clock;
        this.staged = staged;
        this.store = store;
        this.settings = settings;
    }

    /**
     * One sweep, as of {@code now}.
     *
     * @return how many staged files were removed
     */
    public int sweep(Instant now) {
        Instant before = now.minus(settings.getStaging().getTtl());
        int removed = 0;
        while (true) {
            var batch = staged.stagedBefore(before, BATCH);
            for (String reference : batch) {
                if (staged.delete(reference)) {
                    store.dropKept(reference);
                    removed++;
                }
            }
            if (batch.size() < BATCH) break;
        }
        try {
            for (String reference : store.keptBefore(before)) {
                if (!staged.exists(reference)) store.dropKept(reference);
            }
            store.dropStagingLeftovers(before);
        } catch (IOException e) {
            log.warn("Staged uploads: the folders could not be swept ({})", e.getClass().getSimpleName());
        }
        if (removed > 0) log.info("Staged uploads: {} file(s) never used for a dossier removed", removed);
        return removed;
    }

    @Override
    protected Duration firstRoundAfter() { return FIRST_RUN.compareTo(interval()) < 0 ? FIRST_RUN : interval(); }

    @Override
    protected Duration interval() {
        Duration every = settings.getStaging().getSweepInterval();
        return every.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : every;
    }

    @Override
    protected void round() { sweep(clock.instant()); }
}
