package vn.motcua.security;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;

/**
 * The unit a person who works for several units (kiêm nhiệm) works in now. Everything they see and do is that
 * unit's: its dossiers and desk, its groups' tasks, its codes for the dossiers they receive, its reports. In the
 * application they choose it at the top of the page (kept in their session); an API call names it with the header
 * {@value #HEADER} (for that call only).
 */
@Component
public class WorkingUnits {
    /** The request header naming, by its identifier, the unit an API call works in. */
    public static final String HEADER = "MotCua-Unit";

    private final CurrentUser currentUser;
    private final OrganisationService organisation;

    WorkingUnits(CurrentUser currentUser, OrganisationService organisation) {
        this.currentUser = currentUser;
        this.organisation = organisation;
    }

    /** The open units the signed-in person works for, the one they work in now first; empty for anonymous callers. */
    public List<Unit> choices() {
        var user = currentUser.get().orElse(null);
        if (user == null) return List.of();
        // the account as it is now: a unit taken away since the sign-in is offered no more
        var account = organisation.user(user.username()).filter(a -> a.enabled()).orElse(null);
        if (account == null) return List.of();
        var units = new java.util.ArrayList<Unit>();
        for (Long id : account.unitIds()) {
            organisation.unit(id).filter(u -> u.active() || id.equals(user.unitId())).ifPresent(units::add);
        }
        units.sort(java.util.Comparator.comparing((Unit u) -> !Long.valueOf(u.id()).equals(user.unitId())));
        return units;
    }

    /**
     * The signed-in person works in another of their units from now on, in this thread: answers the security context
     * to keep (the application keeps it in the person's session).
     *
     * @throws AccessDeniedException when the unit is not one of theirs, or is closed
     */
    public SecurityContext switchTo(String identifier) {
        AuthenticatedUser user = currentUser.require();
        Unit unit = identifier == null ? null : organisation.unitByIdentifier(identifier.strip()).orElse(null);
        // the account as it is now, not as it was at the sign-in: a unit taken away since, or a disabled account, is refused
        var account = organisation.user(user.username()).filter(a -> a.enabled()).orElse(null);
        if (unit == null || account == null || !account.worksFor(unit.id())
                || !unit.active() && !Long.valueOf(unit.id()).equals(user.unitId())) {
            throw new AccessDeniedException("not a unit of this user");
        }
        AuthenticatedUser there = new AuthenticatedUser(user.username(), user.fullName(), unit.id(), unit.identifier(),
                unit.treePath(), account.roles(), user.passwordHash(), true, account.unitIds());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(there, null, there.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return context;
    }
}
