package vn.motcua.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import vn.motcua.attachment.internal.ContentStore;
import vn.motcua.attachment.internal.IssuedResultRepository;
import vn.motcua.attachment.internal.PdfSignatures;
import vn.motcua.attachment.internal.SignatureTrustStore;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDocuments;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.PublicTracking;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.NotFoundException;

/**
 * The electronic result of a dossier (kết quả điện tử): issued once, when its result is ready (4 → 9, the leader's
 * approval), as the notice of the result from the unit ({@link DossierDocuments#issueResult}) signed in PAdES with the
 * unit's key when there is one, kept in the content store beside the attachments but not among them (they are the
 * papers handed in, which indicator 4.2 counts as digitised input). Staff who see the dossier and its owner download
 * it and read its signatures as MotCua's own check finds them; anyone with the dossier's code and tracking key or the
 * end of the applicant's phone or ID number downloads it from the tracking page.
 *
 * <p>A result that cannot be signed (a key store that cannot be read) is not issued and the reason logged: the
 * leader's approval stands, the dossier is processed, and the result can be issued again
 * ({@link #issue(String)}) once the key is mended. A unit without any key issues its result unsigned.
 */
@Service
public class IssuedResults implements vn.motcua.dossier.extension.TrackedResults {
    private static final Logger log = LoggerFactory.getLogger(IssuedResults.class);

    private final DossierService dossiers;
    private final DossierDocuments documents;
    private final IssuedResultRepository results;
    private final ContentStore store;
    private final SignatureTrustStore trust;
    private final PublicTracking tracking;
    private final Clock clock;

    IssuedResults(DossierService dossiers, DossierDocuments documents, IssuedResultRepository results, ContentStore store,
                  SignatureTrustStore trust, PublicTracking tracking, Clock clock) {
        this.dossiers = dossiers;
        this.documents = documents;
        this.results = results;
        this.store = store;
        this.trust = trust;
        this.tracking = tracking;
        this.clock = clock;
    }

    /**
     * A dossier's issued result.
     *
     * @param signer      the signing certificate's name; null when issued unsigned (the unit had no key)
     * @param signingUnit the identifier of the unit whose key signed (the dossier's unit or one above it)
     * @param timestamped whether the signature carries a timestamp authority's token (PAdES B-T)
     */
    public record IssuedResult(String dossierCode, String fileName, long size, Instant issuedAt,
                               String signer, String signingUnit, boolean timestamped) {
        public boolean signed() { return signer != null; }
    }

    /**
     * Issues the result when the dossier's result is ready, in the transaction that made it so (the process marks the
     * dossier processed as the system; other status changes, by anyone, pass by).
     */
    @EventListener
    @PreAuthorize("hasRole('SYSTEM') or #event.to() != T(vn.motcua.dossier.DossierStatus).PROCESSED")
    public void on(DossierEvents.DossierStatusChanged event) {
        if (event.to() != DossierStatus.PROCESSED) return;
        try {
            issueNow(event.code());
        } catch (IllegalStateException e) {
            // Signing failed (a key store that cannot be read): the approval stands; issued again once mended
            log.error("Electronic result of dossier {} not issued: {}", event.code(), e.getMessage());
        }
    }

    /**
     * Issues the result of a processed dossier that has none (a key store mended after a failure); the result issued
     * before when there is one.
     *
     * @throws vn.motcua.shared.BusinessRuleException when the dossier's result is not ready (409)
     * @throws IllegalStateException                  when signing fails
     */
    @PreAuthorize("hasAnyRole('SYSTEM', 'ADMIN')")
    @org.springframework.transaction.annotation.Transactional
    public IssuedResult issue(String code) {
        return issueNow(code);
    }

    private IssuedResult issueNow(String code) {
        var existing = results.find(code);
        if (existing.isPresent()) return view(existing.get());
        var issued = SystemAccess.call(() -> documents.issueResult(code));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ContentStore.Staged staged = null;
        try {
            staged = store.stage(new ByteArrayInputStream(issued.content()), Long.MAX_VALUE);
            store.commit(staged);
            var row = new IssuedResultRepository.Row(code, issued.fileName(), staged.sha256(), staged.size(), now,
                    issued.signer(), issued.issuer(), issued.timestamped());
            results.insert(row);
            log.info("Electronic result of dossier {} issued ({}{})", code, issued.signed() ? "signed for " + issued.issuer() : "unsigned",
                    issued.timestamped() ? ", timestamped" : "");
            return view(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (staged != null) store.discard(staged);
        }
    }

    /** The result of a dossier the caller may see (404 otherwise); empty while none is issued. */
    @PreAuthorize("isAuthenticated()")
    public Optional<IssuedResult> find(String code) {
        Dossier d = dossiers.get(code);
        return results.find(d.code()).map(IssuedResults::view);
    }

    /** The signed PDF of a dossier the caller may see; 404 when not theirs or not issued yet. */
    @PreAuthorize("isAuthenticated()")
    public AttachmentContent content(String code) {
        var row = results.find(dossiers.get(code).code())
                .orElseThrow(() -> new NotFoundException("attachment.result.none", code));
        return content(row);
    }

    /**
     * The signatures of the result of a dossier the caller may see, as MotCua's own check finds them (the trust store
     * of {@code motcua.attachment.signatures.trust-store}); 404 when not theirs or not issued yet.
     */
    @PreAuthorize("isAuthenticated()")
    public java.util.List<SignatureCheck> signatures(String code) {
        var row = results.find(dossiers.get(code).code())
                .orElseThrow(() -> new NotFoundException("attachment.result.none", code));
        try (var copy = store.localCopy(row.sha256())) {
            return PdfSignatures.verify(copy.path(), trust.anchors());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AttachmentContent content(IssuedResultRepository.Row row) {
        return new AttachmentContent(row.fileName(), "application/pdf", row.size(), () -> store.open(row.sha256()));
    }

    /**
     * The signed PDF for anyone following the dossier without an account, checked as a tracking look-up (its code and
     * tracking key or the end of the applicant's phone or ID number; failures count, 429 while locked; 404 alike for a
     * wrong code, a wrong key and no result yet).
     */
    @PreAuthorize("permitAll()")
    public AttachmentContent contentForTracking(String code, String key, String address) {
        tracking.verify(code, key, address);
        return SystemAccess.call(() -> content(code));
    }

    @Override
    @PreAuthorize("permitAll()")
    public Optional<Download> forTracking(String code, String key, String address) {
        tracking.verify(code, key, address);
        return results.find(code).map(r -> new Download(r.fileName(), r.signer(), () -> content(r).open()));
    }

    private static IssuedResult view(IssuedResultRepository.Row row) {
        return new IssuedResult(row.dossierCode(), row.fileName(), row.size(), row.issuedAt(), row.signer(),
                row.signingUnit(), row.timestamped());
    }
}
