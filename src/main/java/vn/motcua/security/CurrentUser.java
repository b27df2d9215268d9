package vn.motcua.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling, from Spring Security's context (a Vaadin session, a REST call, or a system task). */
@Component
public class CurrentUser {

    /** The signed-in user, or empty for anonymous calls and system tasks. */
    public Optional<AuthenticatedUser> get() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) return Optional.empty();
        return auth.getPrincipal() instanceof AuthenticatedUser user ? Optional.of(user) : Optional.empty();
    }

    /** The signed-in user; refuses anonymous callers. */
    public AuthenticatedUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    /** True when the current thread runs as the system (start-up seeding, engine jobs). */
    public boolean isSystem() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> SystemAccess.AUTHORITY.equals(a.getAuthority()));
    }
}
