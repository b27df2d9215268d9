package vn.motcua.attachment;

import java.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.attachment.internal.AttachmentFiling;
import vn.motcua.attachment.internal.AttachmentSettings;
import vn.motcua.attachment.internal.ContentStore;
import vn.motcua.attachment.internal.ExtractionWorker;
import vn.motcua.attachment.internal.FileNames;
import vn.motcua.attachment.internal.MediaTypes;
import vn.motcua.attachment.internal.StagedUploadRepository;
import vn.motcua.catalogue.DossierComponent;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvents;
import vn.motcua.dossier.DossierService;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;

/**
 * Files uploaded before their dossier exists: the one-stop desk clerk receiving a dossier and the citizen submitting
 * one online upload each document while filling the dossier in. A file passes the same checks as any upload (size,
 * type detected from the content and accepted for its component), is kept aside under a reference, and becomes an
 * attachment of the dossier, queued for extraction, in the very transaction that receives it (the receive request
 * names the references, {@link DossierEvents.StagedFilesSubmitted}). Only its uploader may use or discard it. Files
 * never used are swept after {@code motcua.attachment.staging.ttl} (a day).
 */
@Service
public class StagedUploadService {
    private final Clock clock;
    private static final Logger log = LoggerFactory.getLogger(StagedUploadService.class);

    private final ProcedureCatalogue catalogue;
    private final DossierService dossiers;
    private final CurrentUser currentUser;
    private final StagedUploadRepository staged;
    private final AttachmentFiling filing;
    private final ContentStore store;
    private final MediaTypes mediaTypes;
    private final AttachmentSettings settings;
    private final ExtractionWorker worker;
    private final UploadChecks checks;
    private final Messages messages;

    StagedUploadService(ProcedureCatalogue catalogue, DossierService dossiers, CurrentUser currentUser,
                        StagedUploadRepository staged, AttachmentFiling filing, ContentStore store,
                        MediaTypes mediaTypes, AttachmentSettings settings,
                        ExtractionWorker worker, UploadChecks checks, Messages messages, Clock clock) {
        this.clock = clock;
        this.catalogue = catalogue;
        this.dossiers = dossiers;
        this.currentUser = currentUser;
        this.staged = staged;
        this.filing = filing;
        this.store = store;
        this.mediaTypes = mediaTypes;
        this.settings = settings;
        this.worker = worker;
        this.checks = checks;
        this.messages = messages;
    }

    /**
     * Stages a file for a dossier about to be received (clerk) or submitted (citizen).
     *
     * @param procedureCode the procedure chosen
     * @param componentCode the component it is (a component code of the procedure), or null for other documents
     * @param content       the bytes, read once, to the end; the caller closes the stream
     * @throws InvalidInputException         unknown procedure or component, empty file, interrupted upload, too many
     *                                       files staged
     * @throws AttachmentTooLargeException   over {@code motcua.attachment.max-size}
     * @throws UnsupportedMediaTypeException the content's type is not accepted for the component
     */
    @PreAuthorize("hasAnyRole('CLERK', 'CITIZEN')")
    public StagedUpload stage(String procedureCode, String componentCode, String fileName, InputStream content) {
        AuthenticatedUser user = currentUser.require();
        Procedure procedure = procedure(procedureCode);
        DossierComponent component = component(procedure, componentCode);
        int most = settings.getStaging().getMaxFilesPerUser();
        if (staged.count(user.username()) >= most) {
            throw new InvalidInputException("file", messages.get("attachment.staged.tooMany", most));
        }
        String name = FileNames.sanitize(fileName);
        UploadChecks.Checked checked = checks.check(content, name, component);
        String reference = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            store.keep(checked.staged(), reference);
            staged.insert(new StagedUploadRepository.Row(reference, user.username(), procedure.code(),
                    component == null ? null : component.code(), name, checked.mediaType(), checked.staged().size(),
                    checked.staged().sha256(), now));
        } catch (IOException | RuntimeException e) {
            store.dropKept(reference);
            throw e instanceof RuntimeException r ? r : new InvalidInputException("file", messages.get("attachment.upload.interrupted"));
        } finally {
            store.discard(checked.staged());
        }
        log.info("Staged upload {} for procedure {}: {}, {} bytes", reference, procedure.code(), checked.mediaType(),
                checked.staged().size());
        return new StagedUpload(reference, component == null ? null : component.code(), name, checked.mediaType(),
                checked.staged().size(), now);
    }

    /** Discards a file the caller staged (nothing when it is gone already). */
    @PreAuthorize("hasAnyRole('CLERK', 'CITIZEN')")
    public void discard(String reference) {
        AuthenticatedUser user = currentUser.require();
        if (reference != null && staged.delete(reference, user.username())) store.dropKept(reference);
    }

    /** Whether a file the caller staged is still staged. */
    @PreAuthorize("hasAnyRole('CLERK', 'CITIZEN')")
    public boolean isStaged(String reference) {
        return reference != null && staged.find(reference, currentUser.require().username()).isPresent();
    }

    /**
     * The media types a file of this component may have (the default list without one), followed by their file
     * extensions, for a browser's file picker; the server decides on the content all the same.
     */
    @PreAuthorize("isAuthenticated()")
    public List<String> pickerFilter(String procedureCode, String componentCode) {
        DossierComponent component = component(procedure(procedureCode), componentCode);
        return mediaTypes.pickerFilter(MediaTypes.accepted(component == null ? null : component.fileTypes()));
    }

    /** The largest file accepted, in bytes. */
    @PreAuthorize("permitAll()")
    public long maxSize() {
        return settings.getMaxSize().toBytes();
    }

    /**
     * Turns the staged files named by a dossier's receipt into its attachments, in the receipt's transaction (this
     * listener runs inside {@code DossierService.receive}, as its caller): each must still be staged by that caller
     * and, when it was uploaded for a component, fit a component of the dossier's procedure. Anything else throws,
     * which undoes the receipt: no dossier without the files its creator sent, and the files stay staged for another
     * attempt. The kept copies are dropped once the receipt commits, and the extraction workers woken.
     *
     * @throws InvalidInputException (field {@code stagedFiles}) a file is gone or does not fit the procedure
     */
    @EventListener
    @PreAuthorize("hasAnyRole('CLERK', 'CITIZEN')")
    public void on(DossierEvents.StagedFilesSubmitted event) {
        AuthenticatedUser user = currentUser.require();
        Dossier dossier = dossiers.get(event.code());
        List<DossierComponent> components = procedure(event.procedureCode()).components();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var filed = new ArrayList<String>();
        for (String reference : new LinkedHashSet<>(event.stagedFiles())) {
            var row = staged.find(reference, user.username()).orElseThrow(this::gone);
            DossierComponent component = row.componentCode() == null ? null : components.stream()
                    .filter(c -> c.code().equals(row.componentCode())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("stagedFiles", messages.get("attachment.staged.otherProcedure", row.fileName())));
            List<String> accepted = MediaTypes.accepted(component == null ? null : component.fileTypes());
            if (!MediaTypes.accepts(accepted, row.mediaType())) {
                throw new InvalidInputException("stagedFiles", messages.get("attachment.staged.otherProcedure", row.fileName()));
            }
            // Deleting the row is the claim: a sweep or a second tab that got there first leaves nothing to file
            if (!staged.delete(reference, user.username())) throw gone();
            try {
                store.fileKept(reference, row.sha256());
            } catch (IOException e) {
                throw gone();
            }
            filing.file(dossier, new AttachmentFiling.StoredFile(row.componentCode(), row.fileName(), row.mediaType(),
                    row.size(), row.sha256()), user.username(), now);
            filed.add(reference);
        }
        Runnable afterCommit = () -> {
            filed.forEach(store::dropKept);
            worker.wake();
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() { afterCommit.run(); }
            });
        } else {
            afterCommit.run();
        }
        log.info("Dossier {}: {} staged file(s) attached", dossier.code(), filed.size());
    }

    private InvalidInputException gone() {
        return new InvalidInputException("stagedFiles", messages.get("attachment.staged.gone"));
    }

    private Procedure procedure(String procedureCode) {
        return (procedureCode == null ? java.util.Optional.<Procedure>empty() : catalogue.procedure(procedureCode.trim()))
                .orElseThrow(() -> new InvalidInputException("procedureCode", messages.get("dossier.procedure.unknown")));
    }

    private DossierComponent component(Procedure procedure, String componentCode) {
        return checks.component(procedure.components(), componentCode);
    }
}
