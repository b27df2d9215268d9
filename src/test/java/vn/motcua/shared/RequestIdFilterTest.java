package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Every log line of a request carries its id: the filter puts it in the MDC for the whole request (and takes it away
 * afterwards), answers it in X-Request-Id, keeps the caller's id when it is a plain token and replaces anything else,
 * so that no header can forge a log line.
 */
class RequestIdFilterTest {
    private final RequestIdFilter filter = new RequestIdFilter();

    private String[] serve(String given) throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/procedures");
        if (given != null) request.addHeader("X-Request-Id", given);
        var response = new MockHttpServletResponse();
        AtomicReference<String> duringTheRequest = new AtomicReference<>();
        filter.doFilter(request, response, (req, res) -> duringTheRequest.set(MDC.get("requestId")));
        assertThat(MDC.get("requestId")).as("after the request").isNull();
        return new String[] {duringTheRequest.get(), response.getHeader("X-Request-Id")};
    }

    @Test
    void theCallersIdIsKeptInTheLogsAndAnswered() throws Exception {
        String[] seen = serve("lb-7f3a9c:0001");
        assertThat(seen[0]).isEqualTo("lb-7f3a9c:0001");
        assertThat(seen[1]).isEqualTo("lb-7f3a9c:0001");
    }

    @Test
    void withoutOneANewIdIsMadeForEachRequest() throws Exception {
        String[] first = serve(null), second = serve(null);
        assertThat(first[0]).matches("[0-9a-f-]{36}").isEqualTo(first[1]);
        assertThat(second[0]).isNotEqualTo(first[0]);
    }

    @Test
    void anIdThatCouldForgeALogLineIsReplaced() throws Exception {
        for (String forged : new String[] {"abc\n2026-01-01 INFO forged", "a b", "x".repeat(65), "", "<script>"}) {
            String[] seen = serve(forged);
            assertThat(seen[0]).as(forged).matches("[0-9a-f-]{36}").isEqualTo(seen[1]);
        }
    }
}
