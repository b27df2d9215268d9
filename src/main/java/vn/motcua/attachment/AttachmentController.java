package vn.motcua.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.shared.Messages;

/** The files of a dossier, for other systems and scripts. */
@RestController
@RequestMapping("/api/dossiers/{code}")
@Tag(name = "Attachments", description = "Tệp đính kèm / attachments")
class AttachmentController {
    private final AttachmentService service;
    private final Messages messages;
    private final vn.motcua.security.CurrentUser currentUser;

    AttachmentController(AttachmentService service, Messages messages, vn.motcua.security.CurrentUser currentUser) {
        this.service = service;
        this.messages = messages;
        this.currentUser = currentUser;
    }

    /** Who uploaded a file, as the caller may read it: a citizen reads their own name, never a civil servant's login. */
    private String uploader(Attachment a) {
        var user = currentUser.get().orElse(null);
        if (user == null || user.isCivilServant() || !user.has(vn.motcua.organisation.Role.CITIZEN)) return a.uploadedBy();
        return user.username().equals(a.uploadedBy()) ? a.uploadedBy() : null;
    }

    /**
     * A signature: {@code trusted} is true when the signer's certificate chains to a trusted root at the signing time,
     * false when not, null when not checked (always present); {@code trustProblem} says why, {@code trustMessage} says
     * it in the caller's language.
     */
    record SignatureJson(String signer, Instant signedAt, boolean coversWholeDocument, boolean valid, String problem,
                         @JsonInclude(JsonInclude.Include.ALWAYS) Boolean trusted, String trustProblem,
                         String trustMessage) { }

    record AttachmentJson(long id, String fileName, String mediaType, long size, String sha256, Integer pages,
                          String language, String title, String state, String stateName, String reason, String reasonCode,
                          String textExcerpt, boolean truncated, String component, String suggestedComponent,
                          String uploadedBy, Instant uploadedAt, Instant extractedAt, List<SignatureJson> signatures,
                          boolean internal) { }

    record AttachmentRefJson(long id, String fileName) { }

    record ComponentJson(String code, String name, boolean required, List<String> fileTypes, String status,
                         String statusName, List<AttachmentRefJson> chosen, List<AttachmentRefJson> suggested,
                         boolean checkedOnPaper, String checkedBy, java.time.Instant checkedAt) { }

    @PostMapping(path = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a file to a dossier",
            description = "multipart: file, optional component (a component code of the dossier's procedure), optional "
                    + "forApplicant (true: a civil servant's file without a component that the applicant is to see; "
                    + "otherwise such a file is internal, not shown to the applicant). 201 with "
                    + "the attachment, PENDING until its text is extracted; 413 over the size allowed; 415 when the "
                    + "content's type is not accepted; 403 for a user who may see the dossier but not add to it; 409 "
                    + "when the dossier is finished")
    ResponseEntity<AttachmentJson> upload(@PathVariable String code, @RequestPart("file") MultipartFile file,
                                          @RequestParam(required = false) String component,
                                          @RequestParam(defaultValue = "false") boolean forApplicant) {
        Attachment saved;
        try (InputStream in = file.getInputStream()) {
            saved = service.upload(code, component, file.getOriginalFilename(), in, forApplicant);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.created(URI.create("/api/dossiers/" + saved.dossierCode() + "/attachments/" + saved.id()))
                .body(json(saved));
    }

    @GetMapping("/attachments")
    @Operation(summary = "The dossier's attachments, oldest first")
    List<AttachmentJson> list(@PathVariable String code) {
        return service.list(code).stream().map(this::json).toList();
    }

    @GetMapping("/attachments/{id}")
    @Operation(summary = "One attachment with its extraction state, metadata, text excerpt and signatures")
    AttachmentJson get(@PathVariable String code, @PathVariable long id) {
        return json(service.get(code, id));
    }

    @GetMapping("/attachments/{id}/content")
    @Operation(summary = "The file itself (PDF and images inline, anything else as a download)")
    ResponseEntity<Resource> content(@PathVariable String code, @PathVariable long id) throws IOException {
        var content = service.content(code, id);
        var disposition = ContentDisposition.builder(content.inline() ? "inline" : "attachment")
                .filename(content.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.mediaType()))
                .contentLength(content.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(new InputStreamResource(content.open()));
    }

    @GetMapping(path = "/attachments/{id}/text", produces = "text/plain;charset=UTF-8")
    @Operation(summary = "The extracted text (at most 100,000 characters)")
    String text(@PathVariable String code, @PathVariable long id) {
        return service.text(code, id);
    }

    @GetMapping("/components")
    @Operation(summary = "The dossier's components (thành phần hồ sơ), the attachments filling or suggesting each, and the desk's paper check (status CHECKED counts as present)")
    List<ComponentJson> components(@PathVariable String code) {
        var locale = Messages.locale();
        return service.checklist(code).stream().map(c -> new ComponentJson(c.code(), c.name().in(locale), c.required(),
                c.fileTypes(), c.status().name(), messages.get(c.status().messageKey()),
                c.chosen().stream().map(a -> new AttachmentRefJson(a.id(), a.fileName())).toList(),
                c.suggested().stream().map(a -> new AttachmentRefJson(a.id(), a.fileName())).toList(),
                c.paperCheck() != null, c.paperCheck() == null ? null : c.paperCheck().checkedBy(),
                c.paperCheck() == null ? null : c.paperCheck().checkedAt())).toList();
    }

    private AttachmentJson json(Attachment a) {
        return new AttachmentJson(a.id(), a.fileName(), a.mediaType(), a.size(), a.sha256(), a.pages(), a.language(),
                a.title(), a.state().name(), messages.get(a.state().messageKey()),
                a.reasonKey() == null ? null : messages.get(a.reasonKey()), a.reason(), a.textExcerpt(), a.truncated(),
                a.componentCode(), a.suggestedComponent(), uploader(a), a.uploadedAt(), a.extractedAt(),
                a.signatures().stream().map(s -> new SignatureJson(s.signer(), s.signedAt(), s.coversWholeDocument(),
                        s.valid(), s.problem(), s.trusted(), s.trustProblem(), trustMessage(s))).toList(), a.internal());
    }

    private String trustMessage(SignatureCheck s) {
        String verdict = messages.get(s.trustKey());
        return s.trustProblemKey() == null ? verdict : verdict + ": " + messages.get(s.trustProblemKey());
    }
}
