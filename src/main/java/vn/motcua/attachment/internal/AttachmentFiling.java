package vn.motcua.attachment.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;

/**
 * Files a stored file as an attachment of a dossier, the one way both an upload to a dossier and a file staged before
 * the receipt become attachments: its row (PENDING extraction), its search entry scoped like the dossier (so that it
 * is found by name before its text is read) and the dossier queued for indexing, all in the caller's transaction.
 */
@Component
public class AttachmentFiling {
    private final AttachmentRepository attachments;
    private final SearchIndex search;
    private final SearchIndexer indexer;

    AttachmentFiling(AttachmentRepository attachments, SearchIndex search, SearchIndexer indexer) {
        this.attachments = attachments;
        this.search = search;
        this.indexer = indexer;
    }

    /** A file whose content the store already holds under its SHA-256. */
    /** @param internal the unit's file, not shown to the applicant (see {@code vn.motcua.attachment.AttachmentService}) */
    public record StoredFile(String componentCode, String fileName, String mediaType, long size, String sha256,
                             boolean internal) {
        /** A paper of the dossier, which its applicant sees. */
        public StoredFile(String componentCode, String fileName, String mediaType, long size, String sha256) {
            this(componentCode, fileName, mediaType, size, sha256, false);
        }
    }

    /** @return the new attachment's id; the extraction workers are woken by the caller once its transaction commits */
    public long file(Dossier dossier, StoredFile file, String uploadedBy, Instant at) {
        long id = attachments.insert(dossier.code(), file.componentCode(), file.fileName(), file.mediaType(), file.size(),
                file.sha256(), uploadedBy, at, file.internal());
        var owner = new SearchIndex.Owner(dossier.unitId(), dossier.unitTreePath(), dossier.ownerUsername());
        search.putAttachment(id, dossier.code(), owner, file.fileName(), null, at);
        indexer.request(dossier.code());
        return id;
    }
}
