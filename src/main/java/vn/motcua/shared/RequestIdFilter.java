package vn.motcua.shared;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every log line written while a request is served carries the request's id ({@value #MDC_KEY} in the MDC: a field of
 * the JSON logs, {@code [id]} in the text logs), and the answer carries it back in {@value #HEADER}, so that a
 * complaint, a proxy's log and the application's lines of one request can be matched. The id is the caller's (a load
 * balancer's or another system's {@value #HEADER}) when it is a plain token of at most 64 letters, digits and
 * {@code . _ : -}; otherwise a new random one, so that nothing a caller sends can forge a log line. It says nothing
 * about the person: no personal data reaches the logs through it. Runs before everything else, Spring Security
 * included, and again for the container's error dispatch with the same id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = (String) request.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = accepted(request.getHeader(HEADER));
            request.setAttribute(ATTRIBUTE, id);
        }
        if (!response.isCommitted()) response.setHeader(HEADER, id);
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) MDC.remove(MDC_KEY); else MDC.put(MDC_KEY, outer);
        }
    }

    /** The caller's id when it is a plain token, else a new one. */
    static String accepted(String given) {
        if (given != null && ACCEPTED.matcher(given).matches()) return given;
        return UUID.randomUUID().toString();
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() { return false; }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() { return false; }
}
