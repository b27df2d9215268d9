package vn.motcua.attachment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.shared.NotFoundException;

/** A dossier's electronic result: the signed PDF for staff and its owner, and on the tracking page. */
@RestController
@Tag(name = "Electronic results", description = "Kết quả điện tử / electronic results")
class IssuedResultController {
    private final IssuedResults results;

    IssuedResultController(IssuedResults results) {
        this.results = results;
    }

    @GetMapping("/api/dossiers/{code}/result")
    @Operation(summary = "The dossier's electronic result: a PDF signed in PAdES with the unit's key",
            description = "Staff who see the dossier and its owner; 404 for a dossier the caller may not see or without a result yet")
    ResponseEntity<Resource> result(@PathVariable String code) throws IOException {
        return pdf(results.content(code));
    }

    /** The result as issued, with its signatures as MotCua's own check finds them. */
    record InfoJson(String dossierCode, String fileName, long size, java.time.Instant issuedAt, String signer,
                    String signingUnit, boolean timestamped, java.util.List<SignatureCheck> signatures) { }

    @GetMapping("/api/dossiers/{code}/result/info")
    @Operation(summary = "How the electronic result was issued: when, signed by whom, timestamped or not, and its "
            + "signatures as MotCua's own check finds them (valid, covering the whole file, trusted)")
    InfoJson info(@PathVariable String code) {
        var r = results.find(code).orElseThrow(() -> new NotFoundException("attachment.result.none", code));
        return new InfoJson(r.dossierCode(), r.fileName(), r.size(), r.issuedAt(), r.signer(), r.signingUnit(),
                r.timestamped(), results.signatures(code));
    }

    @PostMapping("/api/dossiers/{code}/result")
    @Operation(summary = "Administrators: issue the result of a processed dossier that has none (after a signing key was mended)",
            description = "200 with the result (the one issued before when there is one); 409 when the dossier's result is not ready")
    IssuedResults.IssuedResult issue(@PathVariable String code) {
        return results.issue(code);
    }

    @GetMapping("/api/public/dossiers/{code}/result")
    @Operation(summary = "The electronic result for someone following the dossier without an account",
            description = "key: the receipt's tracking key or at least the last four digits of the applicant's phone or ID number. "
                    + "404 alike for a wrong code, a wrong key or no result yet; 429 with Retry-After after repeated failures")
    ResponseEntity<Resource> publicResult(@PathVariable String code, @RequestParam(required = false) String key,
                                          HttpServletRequest request) throws IOException {
        return pdf(results.contentForTracking(code, key, request.getRemoteAddr()));
    }

    private static ResponseEntity<Resource> pdf(AttachmentContent content) throws IOException {
        var disposition = ContentDisposition.inline().filename(content.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .contentLength(content.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(new InputStreamResource(content.open()));
    }
}
