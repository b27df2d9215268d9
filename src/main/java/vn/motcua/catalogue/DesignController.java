package vn.motcua.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;

/** Process designers' API: upload a procedure as a draft, publish it, list, compare, roll back and export versions. */
@RestController
@RequestMapping("/api/design/procedures")
@Tag(name = "Design", description = "Thiết kế quy trình / process design")
class DesignController {
    private final ProcedureDesigns designs;
    private final Messages messages;

    DesignController(ProcedureDesigns designs, Messages messages) {
        this.designs = designs;
        this.messages = messages;
    }

    record DraftJson(String code, String folder, String contentHash, String createdBy, Instant createdAt) { }

    record UploadedJson(String code, DraftJson draft) { }

    record ProcedureJson(String code, String folder, String name, Integer currentVersion, DraftJson draft) { }

    record ChangeJson(String kind, String message, String messageEn) { }

    record VersionJson(String code, int version, boolean current, String origin, String publishedBy, Instant publishedAt,
                       String reason, String deploymentId, Integer basedOn, String contentHash, List<ChangeJson> changes) { }

    record PublishedJson(String code, int version, VersionJson details) { }

    record ReasonJson(String reason) { }

    @GetMapping
    @Operation(summary = "The procedures with their published version and draft (designers, publishing role)")
    List<ProcedureJson> list(Locale locale) {
        return designs.procedures().stream().map(p -> new ProcedureJson(p.code(), p.folder(), p.name().in(locale),
                p.currentVersion(), draft(p.draft()))).toList();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a procedure (a zip of its folder, or its files) as a draft",
            description = "Every file is checked by the catalogue linter; problems answer 400 with the list and nothing is stored")
    ResponseEntity<UploadedJson> upload(MultipartHttpServletRequest request) {
        List<ProcedureDesigns.Upload> uploads = new ArrayList<>();
        for (List<MultipartFile> files : request.getMultiFileMap().values()) {
            for (MultipartFile file : files) {
                try {
                    uploads.add(new ProcedureDesigns.Upload(file.getOriginalFilename(), file.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (uploads.isEmpty()) throw new InvalidInputException("file", messages.get("catalogue.design.upload.empty"));
        var draft = designs.upload(uploads);
        return ResponseEntity.created(URI.create("/api/design/procedures/" + draft.code() + "/versions"))
                .body(new UploadedJson(draft.code(), draft(draft)));
    }

    @PostMapping("/{code}/publish")
    @Operation(summary = "Publish the procedure's draft: new dossiers start on it (publishing role; a reason is required)")
    PublishedJson publish(@PathVariable String code, @RequestBody(required = false) ReasonJson body) {
        var version = designs.publish(code, body == null ? null : body.reason());
        return new PublishedJson(code, version.number(), json(version));
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "The procedure's versions, newest first: who published each, when, why, and what changed")
    List<VersionJson> versions(@PathVariable String code) {
        return designs.versions(code).stream().map(this::jsonOf).toList();
    }

    @PostMapping("/{code}/versions/{number}/publish")
    @Operation(summary = "Re-publish an earlier version as a new version (roll back; publishing role; a reason is required)")
    PublishedJson rollback(@PathVariable String code, @PathVariable int number, @RequestBody(required = false) ReasonJson body) {
        var version = designs.rollback(code, number, body == null ? null : body.reason());
        return new PublishedJson(code, version.number(), json(version));
    }

    @GetMapping("/{code}/versions/{number}/export")
    @Operation(summary = "A zip that, unpacked at the top of the repository, reproduces the version in processes/ and forms/")
    ResponseEntity<byte[]> export(@PathVariable String code, @PathVariable int number) {
        var export = designs.export(code, number);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(export.fileName()).build().toString())
                .body(export.zip());
    }

    @ExceptionHandler(ProcedureDesigns.UploadRejected.class)
    ResponseEntity<Map<String, Object>> rejected(ProcedureDesigns.UploadRejected e, Locale locale) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of(
                "status", 400,
                "message", messages.get(locale, "catalogue.design.rejected", e.problems().size()),
                "problems", e.problems()));
    }

    private static DraftJson draft(ProcedureDesigns.Draft d) {
        return d == null ? null : new DraftJson(d.code(), d.folder(), d.contentHash(), d.createdBy(), d.createdAt());
    }

    private VersionJson jsonOf(ProcedureDesigns.Version v) { return json(v); }

    private static VersionJson json(ProcedureDesigns.Version v) {
        return new VersionJson(v.code(), v.number(), v.current(), v.origin(), v.publishedBy(), v.publishedAt(), v.reason(),
                v.deploymentId(), v.basedOn(), v.contentHash(),
                v.changes().stream().map(c -> new ChangeJson(c.kind(), c.message(), c.messageEn())).toList());
    }
}
