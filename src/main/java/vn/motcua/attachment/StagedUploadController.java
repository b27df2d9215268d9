package vn.motcua.attachment;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;

/**
 * Files handed in before the dossier exists, as the submission screens stage them: a citizen submitting online (or a
 * clerk receiving) uploads each component's file, then names the references in {@code stagedFiles} of
 * {@code POST /api/dossiers}; the files become the dossier's in the same transaction.
 */
@RestController
@RequestMapping("/api/staged-files")
@Tag(name = "Staged files", description = "Tệp nộp kèm hồ sơ / files for a dossier being submitted")
class StagedUploadController {
    private final StagedUploadService staged;
    private final Messages messages;

    StagedUploadController(StagedUploadService staged, Messages messages) {
        this.staged = staged;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Stage a file of a dossier component (multipart: file, procedureCode, component)",
            description = "201 {reference, componentCode, fileName, mediaType, size, stagedAt}; 400 for an unknown "
                    + "procedure or component or an empty file, 413 over the size limit, 415 for a type the component "
                    + "does not accept")
    StagedUpload stage(@RequestPart(name = "file", required = false) MultipartFile file,
                       @RequestParam(required = false) String procedureCode,
                       @RequestParam(required = false) String component) throws IOException {
        if (file == null) throw new InvalidInputException("file", messages.get("error.field.required"));
        try (var content = file.getInputStream()) {
            return staged.stage(procedureCode, component, file.getOriginalFilename(), content);
        }
    }

    @DeleteMapping("/{reference}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Discard a file one staged (nothing when it is gone already)")
    void discard(@PathVariable String reference) { staged.discard(reference); }

}
