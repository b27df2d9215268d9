package vn.motcua.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import vn.motcua.shared.Messages;

/**
 * What a refused sign-in is answered:
 * <ul>
 *   <li>HTTP Basic (the API, the engine's REST API, Camunda's webapps): 401 with a JSON body, or 429 with
 *       {@code Retry-After} and a JSON body saying how long the lock lasts, in the caller's language
 *       ({@code Accept-Language}, Vietnamese by default);</li>
 *   <li>the login form: back to the login view, which says whether the password was wrong, the sign-in is locked (and
 *       for how many minutes), or the form had expired.</li>
 * </ul>
 */
final class SignInAnswers {
    static final String LOGIN = "/login";

    private final Messages messages;
    private final ObjectMapper json = new ObjectMapper();
    private final DefaultRedirectStrategy redirects = new DefaultRedirectStrategy();

    SignInAnswers(Messages messages) { this.messages = messages; }

    /** For HTTP Basic and anonymous API calls. */
    AuthenticationEntryPoint api() {
        return (request, response, e) -> {
            response.setContentType("application/json;charset=UTF-8");
            if (e instanceof SignInLockedException locked) {
                response.setStatus(429);
                response.setHeader("Retry-After", String.valueOf(locked.retryAfterSeconds()));
                write(response, Map.of("status", 429, "error", "SIGN_IN_LOCKED",
                        "message", messages.get(language(request), "security.signIn.locked", locked.retryAfterMinutes()),
                        "retryAfterSeconds", locked.retryAfterSeconds()));
                return;
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"MotCua\", charset=\"UTF-8\"");
            response.getWriter().write("{\"status\":401,\"error\":\"UNAUTHORIZED\",\"message\":\"Cần đăng nhập / authentication required\"}");
        };
    }

    /** For the login form: the login view again, saying why. */
    AuthenticationFailureHandler form() {
        return (request, response, e) -> redirects.sendRedirect(request, response, e instanceof SignInLockedException locked
                ? LOGIN + "?locked=" + locked.retryAfterMinutes() : LOGIN + "?error");
    }

    /**
     * A login form sent without this session's CSRF token (from another site, or a page older than the session):
     * nobody is signed in; the login view, freshly loaded with a valid token, says the form had expired.
     */
    AccessDeniedHandler loginWithoutToken() {
        return (request, response, e) -> redirects.sendRedirect(request, response, LOGIN + "?expired");
    }

    private void write(HttpServletResponse response, Map<String, Object> body) throws IOException {
        response.getWriter().write(json.writeValueAsString(body));
    }

    /** Vietnamese unless the caller asks for English. */
    private static Locale language(HttpServletRequest request) {
        return request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage())
                ? Locale.ENGLISH : Messages.VIETNAMESE;
    }
}
