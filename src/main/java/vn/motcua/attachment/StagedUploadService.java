package vn.motcua.attachment;

import java.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import vn.motcua.attachment.internal.PickedFiles;
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
    private final PickedFiles picked;

    StagedUploadService(ProcedureCatalogue catalogue, DossierService dossiers, CurrentUser currentUser,
                        StagedUploadRepository staged, AttachmentFiling filing, ContentStore store,
                        MediaTypes mediaTypes, AttachmentSettings settings,
                        ExtractionWorker worker, UploadChecks checks, Messages messages, Clock clock, PickedFiles picked) {
        this.picked = picked;
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
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER', 'CITIZEN')")
    public StagedUpload stage(String procedureCode, String componentCode, String fileName, InputStream content) {
        Procedure procedure = procedure(procedureCode);
        DossierComponent component = component(procedure, componentCode);
        return stage(procedure, component == null ? null : component.code(),
                MediaTypes.accepted(component == null ? null : component.fileTypes()), fileName, content);
    }

    /**
     * Stages a file picked in a form's file picker (a step's form, an intake form) of a procedure: the same checks,
     * among the types the picker's {@code accept} names. It becomes the dossier's when the form is submitted with it.
     *
     * @param accept the picker's {@code accept} as form-js writes it ({@code .pdf,.jpg}, {@code image/*}), or null
     * @throws UnsupportedMediaTypeException the content's type is not one the picker takes
     */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER', 'CITIZEN')")
    public StagedUpload stagePicked(String procedureCode, String accept, String fileName, InputStream content) {
        return stage(procedure(procedureCode), null, mediaTypes.acceptedBy(accept), fileName, content);
    }

    /**
     * Checks a file as a picker of a test run would stage it (type and size), and keeps nothing: a designer trying a
     * draft meets the same refusals as the staff, without a file being stored.
     *
     * @return what a staged file would be, under a reference that names nothing
     */
    @PreAuthorize("hasRole('DESIGNER')")
    public StagedUpload tryPicked(String accept, String fileName, InputStream content) {
        String name = FileNames.sanitize(fileName);
        UploadChecks.Checked checked = checks.check(content, name, mediaTypes.acceptedBy(accept));
        store.discard(checked.staged());
        return new StagedUpload("thu-" + UUID.randomUUID(), null, name, checked.mediaType(), checked.staged().size(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private StagedUpload stage(Procedure procedure, String componentCode, List<String> accepted, String fileName,
                               InputStream content) {
        AuthenticatedUser user = currentUser.require();
        int most = settings.getStaging().getMaxFilesPerUser();
        if (staged.count(user.username()) >= most) {
            throw new InvalidInputException("file", messages.get("attachment.staged.tooMany", most));
        }
        String name = FileNames.sanitize(fileName);
        UploadChecks.Checked checked = checks.check(content, name, accepted);
        String reference = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            store.keep(checked.staged(), reference);
            staged.insert(new StagedUploadRepository.Row(reference, user.username(), procedure.code(),
                    componentCode, name, checked.mediaType(), checked.staged().size(),
                    checked.staged().sha256(), now));
        } catch (IOException | RuntimeException e) {
            store.dropKept(reference);
            throw e instanceof RuntimeException r ? r : new InvalidInputException("file", messages.get("attachment.upload.interrupted"));
        } finally {
            store.discard(checked.staged());
        }
        log.info("Staged upload {} for procedure {}: {}, {} bytes", reference, procedure.code(), checked.mediaType(),
                checked.staged().size());
        return new StagedUpload(reference, componentCode, name, checked.mediaType(), checked.staged().size(), now);
    }

    /** Discards a file the caller staged (nothing when it is gone already). */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER', 'CITIZEN')")
    public void discard(String reference) {
        AuthenticatedUser user = currentUser.require();
        if (reference != null && staged.delete(reference, user.username())) store.dropKept(reference);
    }

    /** Whether a file the caller staged is still staged. */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER', 'CITIZEN')")
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
            file(dossier, row, user.username(), now, false, this::gone);
            filed.add(reference);
        }
        afterCommit(filed);
        log.info("Dossier {}: {} staged file(s) attached", dossier.code(), filed.size());
    }

    /**
     * Files the files picked in a step's file picker as attachments of its dossier, in the caller's transaction (the
     * step's completion): each must still be staged by the caller and of a type the picker takes. They are the unit's
     * files (not shown to the applicant), queued for extraction once the completion commits; should it roll back, they
     * stay staged.
     *
     * @param field the field as violations name it ({@code data.banVe})
     * @return the files as the step's form data keeps them ({@link PickedFiles#describe}), in the order given
     * @throws InvalidInputException naming the field: a file is gone or of a type the picker does not take
     */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER')")
    public List<Map<String, Object>> filePicked(String dossierCode, String field, String accept, List<String> references) {
        AuthenticatedUser user = currentUser.require();
        Dossier dossier = dossiers.get(dossierCode);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var documents = new ArrayList<Map<String, Object>>();
        var filed = new ArrayList<String>();
        for (var row : picked.rows(user.username(), dossier.procedureCode(), field, accept, references)) {
            long id = file(dossier, row, user.username(), now, true,
                    () -> new InvalidInputException(field, messages.get("attachment.staged.gone")));
            filed.add(row.reference());
            documents.add(PickedFiles.describe(row.fileName(), row.mediaType(), row.size(), dossier.code(), id));
        }
        afterCommit(filed);
        log.info("Dossier {}: {} picked file(s) attached", dossier.code(), filed.size());
        return documents;
    }

    /** Files one staged file as the dossier's attachment; deleting its staged row is the claim. */
    private long file(Dossier dossier, StagedUploadRepository.Row row, String username, Instant now, boolean internal,
                      java.util.function.Supplier<InvalidInputException> gone) {
        // Deleting the row is the claim: a sweep or a second tab that got there first leaves nothing to file
        if (!staged.delete(row.reference(), username)) throw gone.get();
        try {
            store.fileKept(row.reference(), row.sha256());
        } catch (IOException e) {
            throw gone.get();
        }
        return filing.file(dossier, new AttachmentFiling.StoredFile(row.componentCode(), row.fileName(), row.mediaType(),
                row.size(), row.sha256(), internal), username, now);
    }

    /** Once the transaction commits: the kept copies of the filed files go, and the extraction workers wake. */
    private void afterCommit(List<String> filed) {
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
