package vn.motcua.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

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
    private final DefaultRedirectStrategy redirects = new DefaultRedirectStrategy();

    SignInAnswers(Messages messages) { this.messages = messages; }

    /** For HTTP Basic and anonymous API calls. */
    AuthenticationEntryPoint api() {
        return (request, response, e) -> {
            if (e instanceof SignInLockedException locked) {
                response.setHeader("Retry-After", String.valueOf(locked.retryAfterSeconds()));
                vn.motcua.shared.ErrorJson.write(response, vn.motcua.shared.ErrorJson.problem(request, 429, "SIGN_IN_LOCKED",
                        messages.get(language(request), "security.signIn.locked", locked.retryAfterMinutes()),
                        Map.of("retryAfterSeconds", locked.retryAfterSeconds())));
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"MotCua\", charset=\"UTF-8\"");
            vn.motcua.shared.ErrorJson.write(response, vn.motcua.shared.ErrorJson.problem(request, 401, "UNAUTHORIZED",
                    "Cần đăng nhập / authentication required", null));
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


    /** Vietnamese unless the caller asks for English. */
    private static Locale language(HttpServletRequest request) {
        return request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage())
                ? Locale.ENGLISH : Messages.VIETNAMESE;
    }
}
