package vn.motcua.attachment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.dossier.DossierService;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.NotFoundException;

/**
 * Keeps dossiers in the search index. The dossier events, published in the transaction that made them, only add a
 * request to the index queue in that same transaction (an outbox: the request exists exactly when the change does,
 * and indexing can never fail or slow a dossier's receipt); a background thread then claims the requests, reads the
 * dossier as the system and indexes its code, applicant, procedure and form values.
 */
@Component
public class SearchIndexer implements SmartLifecycle {
    private final Clock clock;
    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int MAX_FIELD = 2000;

    private final SearchIndex index;
    private final AttachmentRepository attachments;
    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final String node;
    private final NodeIdentity nodes;
    private final TransactionTemplate transaction;
    private final WorkerThreads thread;

    SearchIndexer(SearchIndex index, AttachmentRepository attachments, DossierService dossiers, ProcedureCatalogue catalogue,
                  NodeIdentity node, PlatformTransactionManager transactions, AttachmentSettings settings, Clock clock) {
        this.clock = clock;
        this.index = index;
        this.attachments = attachments;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.node = node.id();
        this.nodes = node;
        this.transaction = new TransactionTemplate(transactions);
        this.thread = new WorkerThreads("search-indexer", 1, settings.getExtraction().getPollInterval(), w -> indexNext());
    }

    @EventListener
    void on(DossierEvents.DossierReceived event) { request(event.code()); }

    @EventListener
    void on(DossierEvents.DossierStatusChanged event) { request(event.code()); }

    /** Queues a dossier for indexing in the caller's transaction; the indexer starts once it commits. */
    public void request(String dossierCode) {
        index.request(dossierCode, clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() { thread.wake(); }
            });
        } else {
            thread.wake();
        }
    }

    boolean indexNext() {
        Instant now = clock.instant();
        var claimed = index.claim(node, now, now.plus(LEASE), 50, nodes.live());
        if (claimed.isEmpty()) return false;
        Map<String, List<Long>> byDossier = claimed.stream().collect(Collectors.groupingBy(SearchIndex.Request::dossierCode,
                LinkedHashMap::new, Collectors.mapping(SearchIndex.Request::id, Collectors.toList())));
        byDossier.forEach(this::index);
        return true;
    }

    private void index(String code, List<Long> requests) {
        Dossier dossier;
        try {
            dossier = SystemAccess.call(() -> dossiers.get(code));
        } catch (NotFoundException gone) {
            index.done(requests);
            return;
        }
        var owner = new SearchIndex.Owner(dossier.unitId(), dossier.unitTreePath(), dossier.ownerUsername());
        var fields = fields(dossier);
        transaction.executeWithoutResult(s -> {
            Instant now = clock.instant();
            index.putDossier(code, owner, fields, now);
            // Attachments whose entries were lost get them back from their stored text (the back-fill's second half)
            for (var lost : attachments.unindexed(code)) {
                index.putAttachment(lost.id(), code, owner, lost.fileName(),
                        attachments.text(lost.id(), SearchText.INDEXED_CHARS).orElse(null), now);
            }
            index.done(requests);
        });
    }

    /** Wakes the indexer (after requests were queued outside a dossier's transaction, e.g. by the back-fill). */
    public void wake() { thread.wake(); }

    /** The dossier's searchable fields, in the order a match is reported: code, applicant, procedure, form values. */
    Map<String, String> fields(Dossier dossier) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("code", dossier.code());
        if (dossier.applicant() != null && dossier.applicant().fullName() != null) fields.put("applicant", dossier.applicant().fullName());
        catalogue.procedure(dossier.procedureCode()).ifPresentOrElse(
                p -> fields.put("procedure", p.code() + " " + p.name().vi() + (p.name().en() == null ? "" : " · " + p.name().en())),
                () -> fields.put("procedure", dossier.procedureCode()));
        flatten("data", dossier.formData(), fields);
        return fields;
    }

    private static void flatten(String path, Object value, Map<String, String> into) {
        if (value == null || into.size() > 500) return;
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(path + "." + k, v, into));
        } else if (value instanceof List<?> list) {
            var parts = new ArrayList<String>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> || item instanceof List<?>) flatten(path, item, into);
                else if (item != null) parts.add(item.toString());
            }
            if (!parts.isEmpty()) into.merge(path, String.join(", ", parts), (a, b) -> a + ", " + b);
        } else {
            String text = value.toString().strip();
            if (text.isEmpty() || value instanceof Boolean) return;
            into.merge(path, text.length() > MAX_FIELD ? text.substring(0, MAX_FIELD) : text, (a, b) -> a + ", " + b);
        }
    }

    @Override
    public void start() {
        try {
            if (index.ensureFullTextIndex()) log.info("Search: PostgreSQL full-text index over search entries in place");
        } catch (RuntimeException e) {
            log.warn("Search: no full-text index ({}); searches scan the entries", e.getClass().getSimpleName());
        }
        int released = index.release(node);
        if (released > 0) log.info("Search index: {} request(s) of this node's last run taken up again", released);
        thread.start();
    }

    @Override
    public void stop() { thread.stop(Duration.ofSeconds(5)); }

    @Override
    public boolean isRunning() { return thread.running(); }
}
