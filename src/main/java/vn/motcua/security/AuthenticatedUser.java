package vn.motcua.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.motcua.organisation.Role;

/**
 * The signed-in user as every feature sees it: username, name, unit and roles. Also the Spring Security principal.
 *
 * @param unitId         the user's unit, null for citizens
 * @param unitIdentifier the unit's electronic identifier, null for citizens
 * @param unitTreePath   the unit's materialised path, used to scope supervisors to their subtree
 */
public record AuthenticatedUser(String username, String fullName, Long unitId, String unitIdentifier,
                                String unitTreePath, Set<Role> roles, String passwordHash, boolean enabled)
        implements UserDetails {

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
