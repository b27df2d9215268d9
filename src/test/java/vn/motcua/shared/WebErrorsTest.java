package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** An exception nobody expected, under /api: a 500 in the API's JSON shape, the exception in the log only. */
class WebErrorsTest {
    private final WebErrors.UnexpectedApiErrors resolver = new WebErrors.UnexpectedApiErrors(messages());

    @Test
    void anUnexpectedExceptionOfTheApiIsA500InJsonWithoutTheException() throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/dossiers/000.01.15.H33-261127-0001");
        var response = new MockHttpServletResponse();
        var answered = resolver.resolveException(request, response, null,
                new IllegalStateException("stored form data is not JSON at row 42"));
        assertThat(answered).isNotNull();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).as("RFC 9457 problem details").startsWith("application/problem+json");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"status\":500").contains("Đã có lỗi ngoài dự kiến")
                .doesNotContain("IllegalStateException").doesNotContain("row 42");
    }

    @Test
    void theApplicationsPagesAreLeftToTheirOwnErrorHandling() {
        var answered = resolver.resolveException(new MockHttpServletRequest("GET", "/dossiers/x"), new MockHttpServletResponse(),
                null, new IllegalStateException("boom"));
        assertThat(answered).isNull();
    }

    private static Messages messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Messages(source);
    }
}
