package vn.motcua.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import vn.motcua.attachment.internal.AttachmentSettings;
import vn.motcua.shared.Messages;

/** An upload the servlet container refuses for its size gets the same 413 and message as the application's limit. */
class UploadSizeErrorsTest {

    private static UploadSizeErrors errors() {
        var source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/attachment");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new UploadSizeErrors(new Messages(source), new AttachmentSettings());
    }

    @AfterEach
    void resetLocale() { LocaleContextHolder.resetLocaleContext(); }

    @Test
    void answers413InVietnameseByDefault() {
        var response = errors().tooLarge(new MaxUploadSizeExceededException(-1));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody()).containsEntry("message", "Tệp vượt quá dung lượng cho phép (50 MB).").containsEntry("field", "file");
    }

    @Test
    void answersInEnglishWhenAsked() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        var response = errors().tooLarge(new MaxUploadSizeExceededException(10L * 1024 * 1024));
        assertThat(response.getBody()).containsEntry("message", "The file is larger than allowed (10 MB).");
    }
}
