package vn.motcua.attachment;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import vn.motcua.attachment.internal.MediaTypes;
import vn.motcua.shared.Messages;

/**
 * The attachment API's own answers: 415 for a type not accepted, 413 over the size allowed, 400 naming the field
 * {@code file} when the upload has no file or is not multipart. Worded in the caller's language.
 */
@RestControllerAdvice(assignableTypes = AttachmentController.class)
class AttachmentApiErrors {
    private final Messages messages;
    private final MediaTypes mediaTypes;

    AttachmentApiErrors(Messages messages, MediaTypes mediaTypes) {
        this.messages = messages;
        this.mediaTypes = mediaTypes;
    }

    @ExceptionHandler(UnsupportedMediaTypeException.class)
    ResponseEntity<Map<String, Object>> unsupported(UnsupportedMediaTypeException e) {
        String message = messages.get("attachment.type.refused", describe(e.detected()),
                String.join(", ", e.accepted().stream().map(this::describe).distinct().toList()));
        return vn.motcua.shared.ErrorJson.entity(415, "UNSUPPORTED_MEDIA_TYPE", message,
                Map.of("field", "file", "detected", e.detected(), "accepted", e.accepted()));
    }

    @ExceptionHandler(AttachmentTooLargeException.class)
    ResponseEntity<Map<String, Object>> tooLarge(AttachmentTooLargeException e) {
        return vn.motcua.shared.ErrorJson.entity(413, "PAYLOAD_TOO_LARGE", messages.get("attachment.tooLarge", e.maxMegabytes()),
                Map.of("field", "file"));
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<Map<String, Object>> noFile(Exception e) {
        String message = messages.get("attachment.file.missing");
        return vn.motcua.shared.ErrorJson.entity(400, "INVALID_INPUT", message,
                Map.of("field", "file", "errors", List.of(Map.of("field", "file", "message", message))));
    }

    /** A type as users know it: its usual extension in capitals (PDF, DOCX, EXE), else the type itself. */
    private String describe(String type) {
        String extension = mediaTypes.extension(type);
        return extension.isEmpty() ? type : extension.substring(1).toUpperCase(java.util.Locale.ROOT);
    }
}
