package vn.motcua.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.organisation.ApiClients;
import vn.motcua.shared.ErrorJson;
import vn.motcua.shared.Messages;

/**
 * Signs an API call in by its API key ({@code Authorization: ApiKey <key>} or {@code X-API-Key: <key>}), for that
 * request only (no HTTP session), as the client's own account ({@link ApiClients}). A key that is not valid, or whose
 * client was revoked, answers 401 as a problem detail and goes no further; a call without a key passes on to the other
 * ways of signing in.
 */
final class ApiKeyFilter extends OncePerRequestFilter {
    static final String HEADER = "X-API-Key";
    private static final String SCHEME = "ApiKey ";

    private final ApiClients clients;
    private final AccountDetailsService accounts;
    private final Messages messages;

    ApiKeyFilter(ApiClients clients, AccountDetailsService accounts, Messages messages) {
        this.clients = clients;
        this.accounts = accounts;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        String authorization = request.getHeader("Authorization");
        if (key == null && authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            key = authorization.substring(SCHEME.length()).strip();
        }
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        String presented = key;
        var username = clients.authenticate(presented);
        AuthenticatedUser user = username.map(accounts::loadUserByUsername).filter(AuthenticatedUser::isEnabled).orElse(null);
        if (user == null) {
            response.setHeader("WWW-Authenticate", "ApiKey");
            ErrorJson.write(response, ErrorJson.problem(request, 401, "INVALID_API_KEY",
                    messages.get(Messages.locale(request), "security.apiKey.invalid"), null));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
