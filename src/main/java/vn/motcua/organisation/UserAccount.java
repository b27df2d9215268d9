package vn.motcua.organisation;

import java.util.Set;

/** A person who signs in: a civil servant of a unit, or a citizen (no unit). */
public record UserAccount(String username, String passwordHash, String fullName, String email, Long unitId,
                          Set<Role> roles, boolean enabled, String phone) {
    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) { return roles.contains(role); }

    @Override
    public String toString() { return "UserAccount[" + username + "]"; }
}
