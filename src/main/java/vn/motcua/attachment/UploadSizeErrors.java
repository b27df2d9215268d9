package vn.motcua.attachment;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import vn.motcua.attachment.internal.AttachmentSettings;
import vn.motcua.shared.Messages;

/**
 * An upload the servlet container refused for its size (spring.servlet.multipart.*) before any controller saw it:
 * answered 413 with the same message as the application's own limit. Not bound to a controller, since none is chosen
 * yet when the container refuses.
 */
@RestControllerAdvice
class UploadSizeErrors {
    private final Messages messages;
    private final AttachmentSettings settings;

    UploadSizeErrors(Messages messages, AttachmentSettings settings) {
        this.messages = messages;
        this.settings = settings;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        long limit = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : settings.getMaxSize().toBytes();
        long megabytes = Math.min(limit, settings.getMaxSize().toBytes()) / DataSize.ofMegabytes(1).toBytes();
        return vn.motcua.shared.ErrorJson.entity(413, "PAYLOAD_TOO_LARGE", messages.get("attachment.tooLarge", megabytes),
                Map.of("field", "file"));
    }
}
