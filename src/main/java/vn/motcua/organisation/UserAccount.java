package vn.motcua.organisation;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A person who signs in: a civil servant of a unit, or a citizen (no unit).
 *
 * @param unitId       the unit of appointment, null for citizens
 * @param otherUnitIds the other units the person also works for (kiêm nhiệm), with the same roles; empty for most
 */
public record UserAccount(String username, String passwordHash, String fullName, String email, Long unitId,
                          Set<Role> roles, boolean enabled, String phone, Set<Long> otherUnitIds) {
    public UserAccount {
        roles = Set.copyOf(roles);
        otherUnitIds = otherUnitIds == null ? Set.of() : Set.copyOf(otherUnitIds);
    }

    /** A person who works for one unit only (or a citizen). */
    public UserAccount(String username, String passwordHash, String fullName, String email, Long unitId, Set<Role> roles,
                       boolean enabled, String phone) {
        this(username, passwordHash, fullName, email, unitId, roles, enabled, phone, Set.of());
    }

    public boolean has(Role role) { return roles.contains(role); }

    /** Every unit the person works for: the unit of appointment first, then the others. */
    public Set<Long> unitIds() {
        var all = new LinkedHashSet<Long>();
        if (unitId != null) all.add(unitId);
        otherUnitIds.stream().sorted().forEach(all::add);
        return all;
    }

    /** True when the person works for this unit (of appointment or also). */
    public boolean worksFor(long unit) {
        return unitId != null && unitId == unit || otherUnitIds.contains(unit);
    }

    @Override
    public String toString() { return "UserAccount[" + username + "]"; }
}
