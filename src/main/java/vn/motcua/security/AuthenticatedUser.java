package vn.motcua.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;

/**
 * The signed-in user as every feature sees it: username, name, the unit they work in and roles. Also the Spring
 * Security principal. A person who works for several units (kiêm nhiệm) works in one at a time: every scope (their
 * dossiers, tasks, receipts, reports) is that unit's; they change it with {@link WorkingUnits}.
 *
 * @param unitId         the unit the user works in now, null for citizens
 * @param unitIdentifier the unit's electronic identifier, null for citizens
 * @param unitTreePath   the unit's materialised path, used to scope supervisors to their subtree
 * @param unitIds        every unit the user works for (of appointment first), empty for citizens
 */
public record AuthenticatedUser(String username, String fullName, Long unitId, String unitIdentifier,
                                String unitTreePath, Set<Role> roles, String passwordHash, boolean enabled,
                                Set<Long> unitIds)
        implements UserDetails {

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
        unitIds = unitIds == null ? Set.of() : java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(unitIds));
    }

    /** True when the user works for this unit (the one they work in now or another of theirs). */
    public boolean worksFor(long unit) { return unitIds.contains(unit); }

    /** The same user working in another of their units. */
    AuthenticatedUser atUnit(Unit unit) {
        if (!worksFor(unit.id())) throw new IllegalArgumentException("not a unit of " + username);
        return new AuthenticatedUser(username, fullName, unit.id(), unit.identifier(), unit.treePath(), roles, passwordHash,
                enabled, unitIds);
    }

    public boolean has(Role role) { return roles.contains(role); }

    public boolean isCivilServant() {
        return roles.stream().anyMatch(r -> r != Role.CITIZEN);
    }

    /** The Camunda candidate groups this user belongs to: one per role at their unit. */
    public Set<String> candidateGroups() {
        if (unitIdentifier == null) return Set.of();
        return roles.stream().map(r -> r.groupAt(unitIdentifier)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() { return passwordHash; }

    @Override
    public String getUsername() { return username; }

    @Override
    public boolean isEnabled() { return enabled; }

    @Override
    public String toString() { return "AuthenticatedUser[" + username + "]"; }
}
