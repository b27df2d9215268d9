package vn.motcua.security;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The Content-Security-Policy of each part of the application, and the other headers every page carries.
 * <ul>
 *   <li>The Vaadin application: scripts and styles from the application itself only; Vaadin Flow needs inline scripts,
 *       {@code eval} (its client runs the server's JavaScript calls) and inline styles; the vendored bpmn-js and
 *       ECharts come from {@code /vendor} and {@code /js}; images may be {@code data:} and {@code blob:}; PDF previews
 *       are framed from the application itself, and its pages only by itself.</li>
 *   <li>The JSON API: nothing may load ({@code default-src 'none'}), nor frame it (like its X-Frame-Options).</li>
 *   <li>Swagger UI (when enabled): its own scripts and styles, not framed.</li>
 * </ul>
 * PDF answers get no policy: the browser's own PDF viewer runs under the policy of the PDF it shows, and a policy
 * meant for pages stops it from drawing the document. Camunda's webapps set their own policy.
 */
final class SecurityHeaders {
    static final String APPLICATION_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "frame-src 'self'; object-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'";
    /** Browser features the application never uses, denied to its pages and to anything they frame. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
            + "hid=(), display-capture=()";

    private SecurityHeaders() { }

    /** Writes {@code policy} on every answer except PDF documents; {@code alternative} where {@code where} matches. */
    static HeaderWriter contentSecurityPolicy(String policy, RequestMatcher where, String alternative) {
        return (HttpServletRequest request, HttpServletResponse response) -> {
            if (response.containsHeader("Content-Security-Policy")) return;
            String type = response.getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/pdf")) return;
            response.setHeader("Content-Security-Policy", where != null && where.matches(request) ? alternative : policy);
        };
    }
}
