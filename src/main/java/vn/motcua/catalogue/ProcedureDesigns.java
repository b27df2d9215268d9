package vn.motcua.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalogue.internal.CatalogueCheck;
import vn.motcua.catalogue.internal.CatalogueFiles;
import vn.motcua.catalogue.internal.CatalogueMessages;
import vn.motcua.catalogue.internal.CatalogueStore;
import vn.motcua.catalogue.internal.LintProblem;
import vn.motcua.catalogue.internal.ProcedurePackage;
import vn.motcua.catalogue.internal.VersionComparison;
import vn.motcua.organisation.Role;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.ForbiddenException;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;

/**
 * Process designers' work on the catalogue (thiết kế quy trình): a procedure's folder uploaded, checked by the
 * catalogue linter with the same rules as the files of the repository, kept as a draft, published as the version new
 * dossiers start on (a new engine deployment; dossiers in flight keep theirs), its versions compared, an earlier
 * version re-published, any version exported as the files that reproduce it.
 *
 * <p>Who may: designers ({@link Role#DESIGNER}) upload drafts, see the versions and export them; publishing and
 * re-publishing take the role {@code motcua.design.publish-role} (DESIGNER by default; an administrator may choose
 * ADMIN or LEADER, say); the holders of that role and administrators also see the procedures, drafts and versions and
 * export them. Every method checks its caller.
 */
@Service
public class ProcedureDesigns {
    private static final Logger log = LoggerFactory.getLogger(ProcedureDesigns.class);
    private static final Pattern FOLDER = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROCESS_ID = Pattern.compile("<(?:\\w+:)?process\\b[^>]*\\bid=\"([^\"]+)\"");
    /** The longest reason a publication may give. */
    public static final int MAX_REASON = 1000;

    private final ProcedureCatalogue catalogue;
    private final CurrentUser currentUser;
    private final TransactionTemplate transactions;
    private final Messages messages;
    private final Role publishRole;

    ProcedureDesigns(ProcedureCatalogue catalogue, CurrentUser currentUser, PlatformTransactionManager transactionManager,
                     Messages messages, @Value("${motcua.design.publish-role:DESIGNER}") String publishRole) {
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.transactions = new TransactionTemplate(transactionManager);
        this.messages = messages;
        try {
            this.publishRole = Role.valueOf(publishRole.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("motcua.design.publish-role is not a role of MotCua: " + publishRole);
        }
    }

    /** One problem of an upload, in both languages. */
    public record Problem(String file, String elementId, String rule, String message, String messageEn) {
        static Problem of(LintProblem p) {
            return new Problem(p.file(), p.elementId(), p.rule().name(), p.message(CatalogueMessages.VIETNAMESE), p.message(Locale.ENGLISH));
        }
    }

    /**
     * An upload the linter refused: nothing was stored.
     *
     * @param models the uploaded BPMN files (file path → XML), to show the problems on the diagram
     */
    public static final class UploadRejected extends RuntimeException {
        private final transient List<Problem> problems;
        private final transient Map<String, String> models;

        UploadRejected(List<Problem> problems, Map<String, String> models) {
            super(problems.size() + " problem(s)");
            this.problems = List.copyOf(problems);
            this.models = Map.copyOf(models);
        }

        public List<Problem> problems() { return problems; }

        public Map<String, String> models() { return models; }
    }

    /** One uploaded file: its name as sent (a zip, or a .bpmn, .dmn, .form or procedure.json) and its bytes. */
    public record Upload(String name, byte[] content) { }

    /** One change from the previous version, in both languages; {@code kind}: step, deadline, role, form, fee, time, other, none, first. */
    public record Change(String kind, String message, String messageEn) {
        static Change of(VersionComparison.Change c) {
            return new Change(c.kind(), c.message(CatalogueMessages.VIETNAMESE), c.message(Locale.ENGLISH));
        }

        /** The change in the user's language. */
        public String in(Locale locale) { return locale != null && "en".equals(locale.getLanguage()) ? messageEn : message; }
    }

    /** A procedure's draft. */
    public record Draft(String code, String folder, String contentHash, String createdBy, Instant createdAt) { }

    /**
     * A published (or earlier) version.
     *
     * @param changes what changed from the version before it (read from the models)
     */
    public record Version(String code, int number, boolean current, String origin, String publishedBy, Instant publishedAt,
                          String reason, String deploymentId, Integer basedOn, String contentHash,
                          List<Change> changes) { }

    /** A procedure of the catalogue as designers see it: its published version and its draft. */
    public record DesignedProcedure(String code, String folder, Localized name, Integer currentVersion, Draft draft) { }

    /** True when the caller may draft procedures (upload, edit the model in the browser): designers. */
    public boolean mayDesign() {
        return currentUser.get().map(u -> u.has(Role.DESIGNER)).orElse(false);
    }

    /** Whether the signed-in user may publish. */
    public boolean mayPublish() {
        return currentUser.get().map(u -> u.has(publishRole)).orElse(false);
    }

    /** The role that may publish ({@code motcua.design.publish-role}). */
    public Role publishRole() { return publishRole; }

    /** Every procedure with its published version number and its draft. Designers, administrators, the publishing role. */
    public List<DesignedProcedure> procedures() {
        requireViewer();
        var store = store();
        Map<String, CatalogueStore.StoredVersion> current = store.currentAll();
        Map<String, CatalogueStore.StoredVersion> drafts = store.drafts();
        List<DesignedProcedure> result = new ArrayList<>();
        for (Procedure p : catalogue.procedures()) {
            var version = current.get(p.folder());
            var draft = drafts.get(p.folder());
            result.add(new DesignedProcedure(p.code(), p.folder(), p.name(), version == null ? null : version.version(),
                    draft == null ? null : draft(draft)));
        }
        return result;
    }

    /**
     * Checks an uploaded procedure folder and keeps it as the procedure's draft (replacing the one it had).
     *
     * @param uploads a zip of the folder, or its files
     * @throws UploadRejected        with every problem the linter found; nothing stored
     * @throws InvalidInputException when the upload cannot be read (not a zip, a path leaving it, too large...)
     */
    public Draft upload(List<Upload> uploads) {
        AuthenticatedUser user = requireDesigner();
        ProcedurePackage.Contents contents;
        try {
            contents = ProcedurePackage.read(uploads.stream().map(u -> new ProcedurePackage.Upload(u.name(), u.content())).toList());
        } catch (ProcedurePackage.PackageException e) {
            throw new InvalidInputException("file", messages.get(e.messageKey(), e.args().toArray()));
        }
        return saveDraft(contents.as(folderOf(contents)), user);
    }

    /**
     * What Camunda Modeler's Deploy dialog sends: the diagram and the files attached to it. Files of the procedure
     * the diagram belongs to (found by its descriptor's code or its process id) that the dialog did not send are
     * taken from the procedure's version as served, so that deploying the one edited diagram works. The result is
     * checked like any upload and kept as the draft; when the caller holds the publishing role it is also published,
     * the deployment's name as the reason.
     *
     * @return the draft, and the version published when the caller may publish (else null)
     */
    public ModelerDeployment deployFromModeler(List<Upload> uploads, String deploymentName) {
        AuthenticatedUser user = requireDesigner();
        ProcedurePackage.Contents contents;
        try {
            contents = ProcedurePackage.read(uploads.stream().map(u -> new ProcedurePackage.Upload(u.name(), u.content())).toList());
        } catch (ProcedurePackage.PackageException e) {
            throw new InvalidInputException("file", messages.get(e.messageKey(), e.args().toArray()));
        }
        String folder = existingFolder(contents).orElseGet(() -> folderOf(contents));
        Map<String, byte[]> process = new TreeMap<>();
        Map<String, byte[]> forms = new TreeMap<>();
        catalogue.files(folder).ifPresent(served -> {
            process.putAll(served.processFiles());
            forms.putAll(served.formFiles());
        });
        process.putAll(contents.processFiles());
        forms.putAll(contents.formFiles());
        Draft draft = saveDraft(new CatalogueFiles.Folder(folder, process, forms), user);
        if (!user.has(publishRole)) return new ModelerDeployment(draft, null);
        String reason = "Camunda Modeler" + (deploymentName == null || deploymentName.isBlank() ? "" : ": " + deploymentName.strip());
        return new ModelerDeployment(draft, publish(draft.code(), reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason));
    }

    /** What a deployment from Camunda Modeler did: a draft, and the version published (null when the caller may not publish). */
    public record ModelerDeployment(Draft draft, Version published) { }

    /** The folder of the procedure an upload belongs to: by its descriptor's code, else by a process id of its models. */
    private Optional<String> existingFolder(ProcedurePackage.Contents contents) {
        byte[] descriptor = contents.processFiles().get(CatalogueFiles.DESCRIPTOR);
        if (descriptor != null) {
            try {
                String code = JSON.readTree(descriptor).path("code").asText(null);
                if (code != null && catalogue.folderOf(code).isPresent()) return catalogue.folderOf(code);
            } catch (java.io.IOException e) {
                // The linter reports the unreadable descriptor
            }
        }
        for (var entry : contents.processFiles().entrySet()) {
            if (!entry.getKey().endsWith(".bpmn")) continue;
            var ids = PROCESS_ID.matcher(new String(entry.getValue(), java.nio.charset.StandardCharsets.UTF_8));
            while (ids.find()) {
                String id = ids.group(1);
                var owner = catalogue.procedures().stream().filter(p -> id.equals(p.processKey())).findFirst();
                if (owner.isPresent()) return Optional.of(owner.get().folder());
            }
        }
        return Optional.empty();
    }

    /** How a checked draft is stored: in place of any draft (uploads), or of the one an editor read. */
    private interface DraftWriter {
        CatalogueStore.StoredVersion store(CatalogueFiles.Folder files, String procedureCode, String hash, Instant at);
    }

    private Draft saveDraft(CatalogueFiles.Folder files, AuthenticatedUser user) {
        return saveDraft(files, user, null);
    }

    private Draft saveDraft(CatalogueFiles.Folder files, AuthenticatedUser user, DraftWriter writer) {
        String folder = files.name();
        CatalogueCheck check = catalogue.check(files);
        if (!check.passed()) {
            Map<String, String> models = new TreeMap<>();
            files.processFiles().forEach((name, bytes) -> {
                if (name.endsWith(".bpmn")) models.put(CatalogueFiles.PROCESSES + "/" + folder + "/" + name,
                        new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            });
            throw new UploadRejected(check.problems().stream().map(Problem::of).toList(), models);
        }
        Procedure procedure = check.contents().get(folder).procedure();
        if (procedure == null) throw new InvalidInputException("file", messages.get("catalogue.design.upload.shared"));
        String hash = ProcedurePackage.hash(files);
        Instant at = catalogue.clock().instant();
        var stored = transactions.execute(status -> writer == null
                ? store().saveDraft(files, procedure.code(), hash, user.username(), at)
                : writer.store(files, procedure.code(), hash, at));
        log.info("Procedure {} ({}): draft uploaded by {}", procedure.code(), folder, user.username());
        return draft(stored);
    }

    /** The draft of a procedure, if it has one. Designers and the publishing role. */
    public Optional<Draft> draft(String code) {
        requireViewer();
        return store().draft(folder(code)).map(ProcedureDesigns::draft);
    }

    /**
     * Makes the procedure's draft the version new dossiers start on. The draft is checked again against the
     * catalogue as it stands now.
     *
     * @throws NotFoundException     when the code is not a procedure, or the procedure has no draft
     * @throws InvalidInputException when the reason is missing
     * @throws UploadRejected        when the draft no longer passes the linter
     */
    public Version publish(String code, String reason) {
        AuthenticatedUser user = requirePublisher();
        String why = reason(reason);
        String folder = folder(code);
        var draft = store().draft(folder).orElseThrow(() -> new NotFoundException("catalogue.design.noDraft", code));
        CatalogueFiles.Folder files = store().files(draft);
        return install(files, CatalogueStore.Origin.UPLOAD, user, why, null, true);
    }

    /**
     * Re-publishes an earlier version as a new version (origin ROLLBACK): new dossiers start on it.
     *
     * @throws NotFoundException when the procedure or the version does not exist
     */
    public Version rollback(String code, int number, String reason) {
        AuthenticatedUser user = requirePublisher();
        String why = reason(reason);
        String folder = folder(code);
        var version = store().version(folder, number).orElseThrow(() -> new NotFoundException("catalogue.design.noVersion", code, number));
        return install(store().files(version), CatalogueStore.Origin.ROLLBACK, user, why, number, false);
    }

    /** The versions of a procedure, newest first, each compared with the one before it. */
    public List<Version> versions(String code) {
        requireViewer();
        String folder = folder(code);
        var store = store();
        List<CatalogueStore.StoredVersion> stored = store.versions(folder);
        List<Version> result = new ArrayList<>();
        CatalogueFiles.Folder previous = null;
        for (var version : stored) {
            CatalogueFiles.Folder files = store.files(version);
            result.add(version(code, version, VersionComparison.compare(previous, files)));
            previous = files;
        }
        java.util.Collections.reverse(result);
        return result;
    }

    /**
     * A zip that, unpacked at the top of the repository, reproduces the version in processes/ and forms/.
     *
     * @throws NotFoundException when the procedure or the version does not exist
     */
    public Export export(String code, int number) {
        requireViewer();
        String folder = folder(code);
        var version = store().version(folder, number).orElseThrow(() -> new NotFoundException("catalogue.design.noVersion", code, number));
        return new Export(folder + "-v" + number + ".zip", ProcedurePackage.export(store().files(version)));
    }

    /** An exported version: a file name and the zip. */
    public record Export(String fileName, byte[] zip) { }

    /**
     * What a designer edits in the browser: the procedure's draft when it has one, else its published version.
     *
     * @param bpmnFile  the name of the procedure's process file ({@code <process id>.bpmn})
     * @param xml       that file's content
     * @param forms     its forms by form id (what a step's {@code camunda:formRef} names), each as saved
     * @param fromDraft  true when it is the draft, false when the published version (saving makes a draft of it)
     * @param descriptor its {@code procedure.json}
     */
    public record EditableModel(String code, String folder, String bpmnFile, String xml,
                                java.util.SortedMap<String, String> forms, boolean fromDraft, String descriptor, String base) { }

    /** What {@link EditableModel#base} says of a model read from the version served (no draft): this prefix and its hash. */
    private static final String SERVED = "served:";

    /**
     * What the procedure's editable model is read from now: its draft's content hash, else the served version's
     * ({@link #SERVED} and the hash of its files).
     */
    /** A procedure's model files as read once: its draft when it has one, else its served version. */
    private record ModelFiles(String folder, Optional<CatalogueStore.StoredVersion> draft, CatalogueFiles.Folder files) {
        /** What an editor read, to tell later whether the model changed: the draft's hash, or the served files'. */
        String base() {
            return draft.map(CatalogueStore.StoredVersion::contentHash).orElseGet(() -> SERVED + ProcedurePackage.hash(files));
        }
    }

    private ModelFiles modelFiles(String code) {
        String folder = folder(code);
        var draft = store().draft(folder);
        CatalogueFiles.Folder files = draft.map(d -> store().files(d)).or(() -> catalogue.files(folder))
                .orElseThrow(() -> new NotFoundException("catalogue.design.noModel", code));
        return new ModelFiles(folder, draft, files);
    }

    /**
     * The model and forms of a procedure to edit in the browser. Designers only.
     *
     * @throws NotFoundException when the code is not a procedure, or it has no process file
     */
    public EditableModel editable(String code) {
        requireDesigner();
        return editable(code, modelFiles(code));
    }

    private EditableModel editable(String code, ModelFiles read) {
        String folder = read.folder();
        CatalogueFiles.Folder files = read.files();
        String processKey = catalogue.procedure(code).map(Procedure::processKey).orElse(folder);
        String bpmnFile = processKey + ".bpmn";
        byte[] bpmn = files.processFiles().get(bpmnFile);
        if (bpmn == null) throw new NotFoundException("catalogue.design.noModel", code);
        var forms = new TreeMap<String, String>();
        files.formFiles().forEach((name, bytes) -> {
            String json = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            String id;
            try {
                id = FormConventions.id(json);
            } catch (IllegalArgumentException unreadable) {
                id = null;
            }
            forms.put(id == null ? name.replaceFirst("\\.form$", "") : id, json);
        });
        byte[] descriptor = files.processFiles().get(CatalogueFiles.DESCRIPTOR);
        return new EditableModel(code, folder, bpmnFile, new String(bpmn, java.nio.charset.StandardCharsets.UTF_8),
                java.util.Collections.unmodifiableSortedMap(forms), read.draft().isPresent(),
                descriptor == null ? null : new String(descriptor, java.nio.charset.StandardCharsets.UTF_8), read.base());
    }

    /**
     * Keeps the diagram and forms edited in the browser as the procedure's draft: the files of {@link #editable}
     * with the process file and the changed forms replaced, checked by the linter like any upload. Designers only. The
     * save is refused, nothing stored, when the model changed since the editor read it (another designer saved,
     * uploaded or published): a later save never silently replaces someone else's work.
     *
     * @param base         the {@link EditableModel#base} the editor read
     * @param xml          the BPMN XML as the modeler has it
     * @param changedForms forms changed beside the diagram, by form id (others stay as they are)
     * @param descriptor   the procedure's {@code procedure.json} as edited, null to keep it
     * @throws UploadRejected        with every problem the linter found; nothing stored
     * @throws InvalidInputException when a changed form is not one of the procedure's
     * @throws BusinessRuleException  when the model changed since the editor read it
     */
    public Draft saveModel(String code, String base, String xml, Map<String, String> changedForms, String descriptor) {
        AuthenticatedUser user = requireDesigner();
        ModelFiles read = modelFiles(code);
        EditableModel editable = editable(code, read);
        String folder = read.folder();
        if (!read.base().equals(base)) throw new BusinessRuleException("catalogue.design.model.changedMeanwhile", code);
        CatalogueFiles.Folder files = read.files();
        Map<String, byte[]> process = new TreeMap<>(files.processFiles());
        Map<String, byte[]> forms = new TreeMap<>(files.formFiles());
        process.put(editable.bpmnFile(), (xml == null ? "" : xml).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (descriptor != null) process.put(CatalogueFiles.DESCRIPTOR, descriptor.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (var changed : (changedForms == null ? Map.<String, String>of() : changedForms).entrySet()) {
            String fileName = forms.keySet().stream().filter(name -> {
                String json = new String(forms.get(name), java.nio.charset.StandardCharsets.UTF_8);
                try {
                    return changed.getKey().equals(FormConventions.id(json));
                } catch (IllegalArgumentException unreadable) {
                    return false;
                }
            }).findFirst().orElseThrow(() -> new InvalidInputException("forms",
                    messages.get("catalogue.design.model.unknownForm", changed.getKey())));
            forms.put(fileName, changed.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String expected = read.draft().map(CatalogueStore.StoredVersion::contentHash).orElse(null);
        return saveDraft(new CatalogueFiles.Folder(folder, process, forms), user,
                (checked, procedureCode, hash, at) -> store().replaceDraft(checked, procedureCode, hash, user.username(), at, expected)
                        .orElseThrow(() -> new BusinessRuleException("catalogue.design.model.changedMeanwhile", code)));
    }

    /**
     * What a designer's test run deploys: the procedure's draft when it has one, else its published version, checked
     * by the linter as it would be published, with the shared lifecycle it runs in.
     *
     * @param fromDraft       true for the draft, false for the published version
     * @param contentHash     the hash of the procedure's files (a new content is a new test deployment)
     * @param processKey      the id of the procedure's process, which the lifecycle calls
     * @param bpmnXml         the procedure's process file, for the diagram
     * @param resources       the procedure's deployment resources (BPMN, DMN, forms)
     * @param forms           its forms by id
     * @param sharedResources the shared folder's resources (the lifecycle and its forms)
     * @param sharedForms     the shared forms by id
     * @param sharedHash      the hash of the shared folder's files
     */
    public record Trial(String code, String folder, boolean fromDraft, String contentHash, Procedure procedure, String processKey,
                        String bpmnXml, Map<String, byte[]> resources, Map<String, vn.motcua.forms.FormSchema> forms,
                        Map<String, byte[]> sharedResources, Map<String, vn.motcua.forms.FormSchema> sharedForms, String sharedHash) {
        public Trial {
            resources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resources));
            forms = Map.copyOf(forms);
            sharedResources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sharedResources));
            sharedForms = Map.copyOf(sharedForms);
        }

        /** A form of the procedure or, failing that, of the shared folder. */
        public Optional<vn.motcua.forms.FormSchema> form(String id) {
            if (id == null) return Optional.empty();
            return Optional.ofNullable(forms.get(id)).or(() -> Optional.ofNullable(sharedForms.get(id)));
        }
    }

    /**
     * The procedure as a designer's test run takes it. Designers only.
     *
     * @throws NotFoundException when the code is not a procedure
     * @throws UploadRejected    when the draft does not pass the linter against the catalogue as it stands now
     */
    public Trial trial(String code) {
        requireDesigner();
        String folder = folder(code);
        var draft = catalogue.store() == null ? Optional.<CatalogueStore.StoredVersion>empty() : store().draft(folder);
        CatalogueFiles.Folder files = draft.map(d -> store().files(d)).or(() -> catalogue.files(folder))
                .orElseThrow(() -> new NotFoundException("catalogue.design.noModel", code));
        CatalogueCheck check = catalogue.check(files);
        if (!check.passed()) throw new UploadRejected(check.problems().stream().map(Problem::of).toList(), Map.of());
        var content = check.contents().get(folder);
        var shared = catalogue.sharedContent();
        if (content == null || content.procedure() == null || shared == null) throw new NotFoundException("catalogue.design.noModel", code);
        Procedure procedure = content.procedure();
        byte[] bpmn = files.processFiles().get(procedure.processKey() + ".bpmn");
        if (bpmn == null) throw new NotFoundException("catalogue.design.noModel", code);
        return new Trial(procedure.code(), folder, draft.isPresent(), ProcedurePackage.hash(files), procedure, procedure.processKey(),
                new String(bpmn, java.nio.charset.StandardCharsets.UTF_8), content.resources(), content.forms(),
                shared.getKey().resources(), shared.getKey().forms(), shared.getValue());
    }

    /** The BPMN XML of a version (the procedure's process file), for the diagram. */
    public Optional<String> model(String code, int number) {
        requireViewer();
        String folder = folder(code);
        return store().version(folder, number).map(v -> store().files(v)).flatMap(files -> {
            String processKey = catalogue.procedure(code).map(Procedure::processKey).orElse(folder);
            byte[] bytes = files.processFiles().get(processKey + ".bpmn");
            return Optional.ofNullable(bytes).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    // ---------------------------------------------------------------------------------------------------------

    private Version install(CatalogueFiles.Folder files, CatalogueStore.Origin origin, AuthenticatedUser user, String reason,
                            Integer basedOn, boolean fromDraft) {
        CatalogueCheck check = catalogue.check(files);
        if (!check.passed()) throw new UploadRejected(check.problems().stream().map(Problem::of).toList(), Map.of());
        var content = check.contents().get(files.name());
        String code = content.procedure().code();
        String hash = ProcedurePackage.hash(files);
        var stored = transactions.execute(status -> {
            var store = store();
            var version = store.publish(files, code, origin, hash, user.username(), catalogue.clock().instant(), reason, basedOn);
            if (fromDraft) store.deleteDraft(files.name());
            String deploymentId = catalogue.deployChecked(content);
            store.deployed(version.id(), deploymentId);
            return store.version(files.name(), version.version()).orElseThrow();
        });
        catalogue.serve(content, files);
        log.info("Procedure {} ({}): version {} published by {} ({})", code, files.name(), stored.version(), user.username(), origin);
        var previous = store().versions(files.name()).stream().filter(v -> v.version() == stored.version() - 1).findFirst()
                .map(v -> store().files(v)).orElse(null);
        return version(code, stored, VersionComparison.compare(previous, files));
    }

    private String reason(String reason) {
        if (reason == null || reason.isBlank()) throw new InvalidInputException("reason", messages.get("catalogue.design.reason.required"));
        if (reason.strip().length() > MAX_REASON) {
            throw new InvalidInputException("reason", messages.get("catalogue.design.reason.tooLong", MAX_REASON));
        }
        return reason.strip();
    }

    /** Which folder an upload is: the folder of the procedure its descriptor names, else the folder its paths name, else its process. */
    private String folderOf(ProcedurePackage.Contents contents) {
        byte[] descriptor = contents.processFiles().get(CatalogueFiles.DESCRIPTOR);
        String code = null;
        String process = null;
        if (descriptor != null) {
            try {
                JsonNode node = JSON.readTree(descriptor);
                code = node.path("code").asText(null);
                process = node.path("process").asText(null);
            } catch (java.io.IOException e) {
                // The linter reports the unreadable descriptor
            }
        }
        String folder = code == null ? null : catalogue.folderOf(code).orElse(null);
        if (folder == null) folder = contents.folderHint();
        if (folder == null) folder = process;
        if (folder == null) {
            folder = contents.processFiles().keySet().stream().filter(n -> n.endsWith(".bpmn")).findFirst()
                    .map(n -> n.substring(0, n.length() - ".bpmn".length())).orElse(null);
        }
        if (folder == null || CatalogueFiles.SHARED.equals(folder)) {
            throw new InvalidInputException("file", messages.get("catalogue.design.upload.noFolder"));
        }
        if (!FOLDER.matcher(folder).matches()) throw new InvalidInputException("file", messages.get("catalogue.design.upload.badFolder", folder));
        return folder;
    }

    private String folder(String code) {
        return catalogue.folderOf(code).orElseThrow(() -> new NotFoundException("catalogue.procedure.notFound", code));
    }

    private CatalogueStore store() {
        var store = catalogue.store();
        if (store == null) throw new BusinessRuleException("catalogue.design.noStore");
        return store;
    }

    private static Draft draft(CatalogueStore.StoredVersion v) {
        return new Draft(v.code(), v.folder(), v.contentHash(), v.createdBy(), v.createdAt());
    }

    private static Version version(String code, CatalogueStore.StoredVersion v, List<VersionComparison.Change> changes) {
        return new Version(code, v.version(), v.status() == CatalogueStore.Status.PUBLISHED, v.origin().name(), v.publishedBy(),
                v.publishedAt(), v.reason(), v.deploymentId(), v.basedOn(), v.contentHash(), changes.stream().map(Change::of).toList());
    }

    private AuthenticatedUser requireDesigner() {
        AuthenticatedUser user = currentUser.require();
        if (!user.has(Role.DESIGNER)) throw new ForbiddenException("catalogue.design.forbidden");
        return user;
    }

    private AuthenticatedUser requirePublisher() {
        AuthenticatedUser user = currentUser.require();
        if (!user.has(publishRole)) throw new ForbiddenException("catalogue.design.publishForbidden", publishRole.name());
        return user;
    }

    private AuthenticatedUser requireViewer() {
        AuthenticatedUser user = currentUser.require();
        if (!user.has(Role.DESIGNER) && !user.has(Role.ADMIN) && !user.has(publishRole)) {
            throw new ForbiddenException("catalogue.design.forbidden");
        }
        return user;
    }
}
