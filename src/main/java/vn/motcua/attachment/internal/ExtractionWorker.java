package vn.motcua.attachment.internal;

import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.attachment.AttachmentState;
import vn.motcua.catalogue.DossierComponent;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.NotFoundException;

/**
 * Extracts attachments in the background, never in a request: worker threads (motcua.attachment.extraction.workers)
 * claim PENDING attachments from the database queue, each hands the file to its own {@link IsolatedExtractor}, and
 * records the outcome, the text in the search index, and the component the content suggests. Work survives a
 * restart: unfinished claims of this node are released when it starts, other nodes' expire with their lease.
 */
@Component
public class ExtractionWorker implements SmartLifecycle {
    private final Clock clock;
    private static final Logger log = LoggerFactory.getLogger(ExtractionWorker.class);

    private final AttachmentRepository attachments;
    private final ContentStore store;
    private final SearchIndex search;
    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final AttachmentSettings settings;
    private final SignatureTrustStore trust;
    private final String node;
    private final NodeIdentity nodes;
    private final TransactionTemplate transaction;
    private final Path workDir;
    private final WorkerThreads threads;
    private final ConcurrentHashMap<Integer, IsolatedExtractor> extractors = new ConcurrentHashMap<>();

    ExtractionWorker(AttachmentRepository attachments, ContentStore store, SearchIndex search, DossierService dossiers,
                     ProcedureCatalogue catalogue, AttachmentSettings settings, SignatureTrustStore trust, NodeIdentity node,
                     PlatformTransactionManager transactions, @Value("${motcua.data-dir:./data}") String dataDir, Clock clock) {
        this.clock = clock;
        this.attachments = attachments;
        this.store = store;
        this.search = search;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.settings = settings;
        this.trust = trust;
        this.node = node.id();
        this.nodes = node;
        this.transaction = new TransactionTemplate(transactions);
        this.workDir = Path.of(dataDir).resolve("attachments").resolve("work");
        var extraction = settings.getExtraction();
        this.threads = new WorkerThreads("attachment-extraction", extraction.getWorkers(), extraction.getPollInterval(),
                this::extractNext);
    }

    /** Tells the workers there is work now (after an upload). */
    public void wake() {
        threads.wake();
    }

    /** How long a claim lasts: past the timeout and the watchdog's grace, so that only a dead node's claim expires. */
    Duration lease() {
        return settings.getExtraction().getTimeout().plus(Duration.ofMinutes(2));
    }

    boolean extractNext(int worker) {
        Instant now = clock.instant();
        Long claimed = null;
        var live = nodes.live();
        for (Long id : attachments.claimable(now, 10, live)) {
            if (attachments.claim(id, node, now.plus(lease()), now, live)) {
                claimed = id;
                break;
            }
        }
        if (claimed == null) return false;
        process(claimed, worker);
        return true;
    }

    private void process(long id, int worker) {
        var work = attachments.work(id).orElse(null);
        if (work == null) return;
        ExtractionOutcome outcome;
        if (work.attempts() > settings.getExtraction().getMaxAttempts()) {
            outcome = ExtractionOutcome.refused(AttachmentState.FAILED, "tooManyAttempts", String.valueOf(work.attempts() - 1));
        } else if (!store.contains(work.sha256())) {
            outcome = ExtractionOutcome.refused(AttachmentState.FAILED, "missingContent", null);
        } else {
            try (var local = store.localCopy(work.sha256())) {
                outcome = extractor(worker).extract(local.path(), work.mediaType(), trust.anchors());
            } catch (java.io.IOException unreadable) {
                // The store did not answer (an object store out of reach): the file is not to blame; it is claimed
                // again later, and given up after the attempts allowed
                log.warn("Attachment {}: its content could not be read from the store ({})", id, unreadable.getMessage());
                attachments.release(node);
                return;
            }
            if (!threads.running() && outcome.state() == AttachmentState.FAILED) {
                // Stopped while extracting: the file is not to blame; it stays PENDING for the next start
                attachments.release(node);
                return;
            }
        }
        Dossier dossier = dossier(work.dossierCode());
        String suggested = dossier == null ? null : ComponentSuggester.suggest(components(dossier), work.fileName(),
                outcome.title(), outcome.text());
        Instant now = clock.instant();
        final ExtractionOutcome result = outcome;
        boolean recorded = Boolean.TRUE.equals(transaction.execute(s -> {
            if (!attachments.complete(id, node, result, suggested, now)) return false;
            if (dossier != null) {
                search.putAttachment(id, work.dossierCode(), new SearchIndex.Owner(dossier.unitId(), dossier.unitTreePath(),
                        dossier.ownerUsername()), work.fileName(), result.text(), now);
            }
            return true;
        }));
        // Only identifiers and outcomes: file names and text may be personal data
        if (recorded) {
            log.info("Attachment {} of dossier {}: {}{}", id, work.dossierCode(), outcome.state(),
                    outcome.reason() == null ? "" : " (" + outcome.reason() + ")");
        }
    }

    private Dossier dossier(String code) {
        try {
            return SystemAccess.call(() -> dossiers.get(code));
        } catch (NotFoundException e) {
            return null;
        }
    }

    private List<DossierComponent> components(Dossier dossier) {
        return catalogue.procedure(dossier.procedureCode()).map(Procedure::components).orElse(List.of());
    }

    private IsolatedExtractor extractor(int worker) {
        return extractors.computeIfAbsent(worker, w -> {
            var e = settings.getExtraction();
            return new IsolatedExtractor(e.limits(), e.getTimeout(), e.getHeap(), e.getIdleTimeout(), workDir);
        });
    }

    @Override
    public void start() {
        if (!settings.getExtraction().isEnabled()) {
            log.info("Attachment extraction is off on this node (motcua.attachment.extraction.enabled=false)");
            return;
        }
        int released = attachments.release(node);
        if (released > 0) log.info("Attachment extraction: {} unfinished item(s) of this node's last run taken up again", released);
        threads.start();
    }

    @Override
    public void stop() {
        threads.stop(Duration.ofSeconds(5));
        extractors.values().forEach(IsolatedExtractor::close);
        extractors.clear();
    }

    @Override
    public boolean isRunning() { return threads.running(); }
}
