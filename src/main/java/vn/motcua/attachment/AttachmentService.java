package vn.motcua.attachment;

import java.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.attachment.internal.AttachmentRepository;
import vn.motcua.attachment.internal.AttachmentSettings;
import vn.motcua.attachment.internal.ContentStore;
import vn.motcua.attachment.internal.ExtractionWorker;
import vn.motcua.attachment.internal.FileNames;
import vn.motcua.attachment.internal.MediaTypes;
import vn.motcua.attachment.internal.AttachmentFiling;
import vn.motcua.attachment.internal.PickedFiles;
import vn.motcua.catalogue.DossierComponent;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.CheckedComponent;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organisation.Role;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;

/**
 * The files of dossiers. Whoever may see a dossier ({@link DossierService#get}) may read its attachments; anyone
 * else gets "not found". Civil servants of the dossier's unit (clerk, specialist, leader) and the citizen who owns
 * it may add files while the dossier is not finished. A file is streamed to the content store (never held whole in
 * memory), refused when too large or of a type its component does not accept (detected from the content), and
 * then waits (PENDING) for the background extraction of its text.
 */
@Service
public class AttachmentService {
    private final Clock clock;
    private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);
    /** Characters of text the preview and the API give at most. */
    public static final int TEXT_PREVIEW = 100_000;

    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final CurrentUser currentUser;
    private final AttachmentRepository attachments;
    private final ContentStore store;
    private final MediaTypes mediaTypes;
    private final AttachmentSettings settings;
    private final AttachmentFiling filing;
    private final ExtractionWorker worker;
    private final Messages messages;
    private final TransactionTemplate transaction;
    private final UploadChecks checks;

    AttachmentService(DossierService dossiers, ProcedureCatalogue catalogue, CurrentUser currentUser,
                      AttachmentRepository attachments, ContentStore store, MediaTypes mediaTypes,
                      AttachmentSettings settings, AttachmentFiling filing, ExtractionWorker worker,
                      Messages messages, PlatformTransactionManager transactions, UploadChecks checks, Clock clock) {
        this.clock = clock;
        this.checks = checks;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.attachments = attachments;
        this.store = store;
        this.mediaTypes = mediaTypes;
        this.settings = settings;
        this.filing = filing;
        this.worker = worker;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Adds a file to a dossier.
     *
     * @param componentCode the dossier component it is (a component code of the dossier's procedure), or null; it
     *                      decides the accepted types (else PDF, images, office documents, plain text)
     * @param fileName      the name the user gave (sanitised)
     * @param content       the bytes, read once, to the end; the caller closes the stream
     * @return the attachment, PENDING
     * @throws NotFoundException             the dossier does not exist or the caller may not see it (404)
     * @throws AccessDeniedException         the caller may see it but not add files to it (403)
     * @throws BusinessRuleException         the dossier is finished (409)
     * @throws InvalidInputException         unknown component, empty file, interrupted upload (400)
     * @throws AttachmentTooLargeException   over {@code motcua.attachment.max-size} (413)
     * @throws UnsupportedMediaTypeException the content's type is not accepted (415)
     */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER', 'CITIZEN')")
    public Attachment upload(String dossierCode, String componentCode, String fileName, InputStream content) {
        return upload(dossierCode, componentCode, fileName, content, false);
    }

    /**
     * As {@link #upload(String, String, String, InputStream)}, saying whether the applicant is to see the file. A file a
     * civil servant adds without a component (a check slip, a draft, a note from another agency) is the unit's
     * (internal): the applicant following their dossier does not see it, unless {@code forApplicant} (a scanned result,
     * a notice handed to them). A file of a component, or one the applicant adds, is a paper of the dossier: always theirs.
     */
    @PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST', 'LEADER', 'CITIZEN')")
    public Attachment upload(String dossierCode, String componentCode, String fileName, InputStream content,
                             boolean forApplicant) {
        AuthenticatedUser user = currentUser.require();
        Dossier dossier = dossiers.get(dossierCode);
        if (!mayUpload(user, dossier)) throw new AccessDeniedException("may not add files to this dossier");
        if (finished(dossier)) throw new BusinessRuleException("attachment.dossierFinished", dossier.code());
        DossierComponent component = component(dossier, componentCode);
        String name = FileNames.sanitize(fileName);
        UploadChecks.Checked checked = checks.check(content, name, component);
        ContentStore.Staged staged = checked.staged();
        String type = checked.mediaType();
        try {
            store.commit(staged);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            boolean internal = component == null && !forApplicant && !user.username().equals(dossier.ownerUsername());
            var file = new AttachmentFiling.StoredFile(component == null ? null : component.code(), name, type,
                    staged.size(), staged.sha256(), internal);
            long id = Objects.requireNonNull(transaction.execute(s -> filing.file(dossier, file, user.username(), now)));
            worker.wake();
            log.info("Attachment {} added to dossier {}: {}, {} bytes", id, dossier.code(), type, staged.size());
            return attachments.find(dossier.code(), id).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.discard(staged);
        }
    }

    /** The attachments of a dossier the caller may see, oldest first; its applicant does not see the unit's internal files. */
    @PreAuthorize("isAuthenticated()")
    public List<Attachment> list(String dossierCode) {
        return readable(attachments.list(dossiers.get(dossierCode).code()));
    }

    /**
     * The files of a dossier the caller may see as a form's document preview reads them ({@code documentId}, the
     * {@code endpoint} of the content on this site, {@code metadata}: {@code fileName}, {@code contentType}, {@code size},
     * and {@code component} for a paper of a component), oldest first.
     */
    @PreAuthorize("isAuthenticated()")
    public List<java.util.Map<String, Object>> formDocuments(String dossierCode) {
        return list(dossierCode).stream().map(a -> {
            var document = PickedFiles.describe(a.fileName(), a.mediaType(), a.size(), a.dossierCode(), a.id());
            if (a.componentCode() != null) {
                @SuppressWarnings("unchecked")
                var metadata = (java.util.Map<String, Object>) document.get("metadata");
                metadata.put("component", a.componentCode());
            }
            return document;
        }).toList();
    }

    /** One attachment of a dossier the caller may see; "not found" otherwise (also an internal file, for its applicant). */
    @PreAuthorize("isAuthenticated()")
    public Attachment get(String dossierCode, long id) {
        String code = dossiers.get(dossierCode).code();
        return attachments.find(code, id).filter(a -> !a.internal() || !applicantOnly())
                .orElseThrow(() -> new NotFoundException("attachment.notFound", id));
    }

    /** True when the caller reads dossiers as an applicant only (a citizen who is no civil servant). */
    private boolean applicantOnly() {
        var user = currentUser.get().orElse(null);
        return user != null && user.has(Role.CITIZEN) && !user.isCivilServant();
    }

    /** The files the caller may read: without the unit's internal ones for an applicant. */
    private List<Attachment> readable(List<Attachment> files) {
        return applicantOnly() ? files.stream().filter(a -> !a.internal()).toList() : files;
    }


    /** The bytes of an attachment of a dossier the caller may see. */
    @PreAuthorize("isAuthenticated()")
    public AttachmentContent content(String dossierCode, long id) {
        Attachment a = get(dossierCode, id);
        return new AttachmentContent(a.fileName(), a.mediaType(), a.size(), () -> store.open(a.sha256()));
    }

    /** The extracted text of an attachment of a dossier the caller may see (at most {@link #TEXT_PREVIEW} characters). */
    @PreAuthorize("isAuthenticated()")
    public String text(String dossierCode, long id) {
        Attachment a = get(dossierCode, id);
        return attachments.text(a.id(), TEXT_PREVIEW).orElse("");
    }

    /**
     * The dossier's components (thành phần hồ sơ), required ones first, each with the attachments the uploader said
     * fill it, those whose content suggests it, and the desk's check of its paper at the receipt (which counts as
     * present, like an uploaded file).
     */
    @PreAuthorize("isAuthenticated()")
    public List<ComponentCheck> checklist(String dossierCode) {
        Dossier dossier = dossiers.get(dossierCode);
        List<Attachment> files = readable(attachments.list(dossier.code()));
        List<CheckedComponent> paperChecks = dossiers.checkedComponents(dossier.code());
        var result = new ArrayList<ComponentCheck>();
        List<DossierComponent> components = new ArrayList<>(components(dossier));
        components.sort((a, b) -> Boolean.compare(b.required(), a.required()));
        for (DossierComponent c : components) {
            var chosen = files.stream().filter(f -> c.code().equals(f.componentCode())).toList();
            var suggested = files.stream().filter(f -> c.code().equals(f.suggestedComponent()) && !c.code().equals(f.componentCode())).toList();
            var paper = paperChecks.stream().filter(p -> c.code().equals(p.componentCode())).findFirst().orElse(null);
            var status = ComponentCheck.statusOf(chosen, suggested, paper);
            result.add(new ComponentCheck(c.code(), c.name(), c.required(), MediaTypes.accepted(c.fileTypes()), status,
                    chosen, suggested, paper));
        }
        return result;
    }

    /**
     * True when the caller works on the dossier for its unit (not as its applicant): the files they add without a
     * component are the unit's (internal) unless they give them to the applicant.
     */
    @PreAuthorize("isAuthenticated()")
    public boolean addsInternalFiles(String dossierCode) {
        var user = currentUser.get().orElse(null);
        if (user == null) return false;
        Dossier dossier = dossiers.get(dossierCode);
        return mayUpload(user, dossier) && !user.username().equals(dossier.ownerUsername());
    }

    /** True when the caller may add files to this dossier now. */
    @PreAuthorize("isAuthenticated()")
    public boolean mayUpload(String dossierCode) {
        var user = currentUser.get().orElse(null);
        if (user == null) return false;
        Dossier dossier = dossiers.get(dossierCode);
        return mayUpload(user, dossier) && !finished(dossier);
    }

    /**
     * The media types a file of this component may have (the default list without one), followed by their file
     * extensions, for a browser's file picker; the server decides on the content all the same.
     */
    @PreAuthorize("isAuthenticated()")
    public List<String> pickerFilter(String dossierCode, String componentCode) {
        DossierComponent component = component(dossiers.get(dossierCode), componentCode);
        return mediaTypes.pickerFilter(MediaTypes.accepted(component == null ? null : component.fileTypes()));
    }

    /** The largest file accepted, in bytes. */
    @PreAuthorize("permitAll()")
    public long maxSize() {
        return settings.getMaxSize().toBytes();
    }

    private static boolean mayUpload(AuthenticatedUser user, Dossier dossier) {
        boolean servant = user.has(Role.CLERK) || user.has(Role.SPECIALIST) || user.has(Role.LEADER);
        if (servant && user.unitId() != null && user.unitId() == dossier.unitId()) return true;
        return user.has(Role.CITIZEN) && user.username().equals(dossier.ownerUsername());
    }

    private static boolean finished(Dossier dossier) {
        return dossier.finishedAt() != null || dossier.status() == DossierStatus.PROCESSED
                || dossier.status() == DossierStatus.RETURNED || dossier.status() == DossierStatus.REFUSED
                || dossier.status() == DossierStatus.WITHDRAWN;
    }

    private List<DossierComponent> components(Dossier dossier) {
        return catalogue.procedure(dossier.procedureCode()).map(Procedure::components).orElse(List.of());
    }

    private DossierComponent component(Dossier dossier, String componentCode) {
        return checks.component(components(dossier), componentCode);
    }
}
