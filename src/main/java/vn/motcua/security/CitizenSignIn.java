package vn.motcua.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import vn.motcua.organisation.CitizenIdentities;
import vn.motcua.shared.InvalidInputException;

/**
 * A citizen signed in by the e-identity provider (OpenID Connect): the identity number and name the provider vouched
 * for ({@code motcua.oidc.identity-claim}, {@code motcua.oidc.name-claim}) find or create the citizen's account
 * ({@link CitizenIdentities}), and the session is then signed in as that account, exactly as a password sign-in is,
 * so that every feature sees an ordinary citizen. A provider answer without a valid number or name, or a disabled
 * account, signs nobody in and returns to the login page with a message. Nothing personal is logged.
 */
final class CitizenSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {
    private static final Logger log = LoggerFactory.getLogger(CitizenSignIn.class);
    /** Where a citizen lands after signing in, unless they were on their way to another page. */
    static final String LANDING = "/ho-so-cua-toi";

    private final CitizenIdentities identities;
    private final AccountDetailsService accounts;
    private final String identityClaim;
    private final String nameClaim;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SavedRequestAwareAuthenticationSuccessHandler onwards = new SavedRequestAwareAuthenticationSuccessHandler();

    CitizenSignIn(CitizenIdentities identities, AccountDetailsService accounts, String identityClaim, String nameClaim) {
        this.identities = identities;
        this.accounts = accounts;
        this.identityClaim = identityClaim;
        this.nameClaim = nameClaim;
        onwards.setDefaultTargetUrl(LANDING);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        var token = (OAuth2AuthenticationToken) authentication;
        var person = token.getPrincipal();
        String issuer = person instanceof OidcUser oidc && oidc.getIssuer() != null ? oidc.getIssuer().toString()
                : token.getAuthorizedClientRegistrationId();
        String number = text(person.getAttribute(identityClaim));
        String name = text(person.getAttribute(nameClaim));
        vn.motcua.organisation.UserAccount account;
        try {
            account = SystemAccess.call(() -> identities.signIn(issuer, person.getName(), number, name));
        } catch (InvalidInputException e) {
            log.warn("E-identity sign-in through {} refused: the provider's answer lacks a valid {}",
                    token.getAuthorizedClientRegistrationId(), e.violations().isEmpty() ? "claim" : e.violations().get(0).field());
            refuse(request, response, "identity");
            return;
        }
        AuthenticatedUser user = accounts.loadUserByUsername(account.username());
        if (!user.isEnabled()) {
            refuse(request, response, "disabled");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        log.info("Citizen {} signed in through {}", user.username(), token.getAuthorizedClientRegistrationId());
        onwards.onAuthenticationSuccess(request, response, context.getAuthentication());
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason = exception instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() + (oauth.getError().getDescription() == null ? "" : " (" + oauth.getError().getDescription() + ")")
                : exception.getClass().getSimpleName();
        log.warn("E-identity sign-in failed: {}", reason);
        refuse(request, response, "provider");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
        SecurityContextHolder.clearContext();
        contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        response.sendRedirect(request.getContextPath() + SignInAnswers.LOGIN + "?eid=" + why);
    }

    private static String text(Object claim) {
        return claim == null ? null : claim.toString();
    }
}
