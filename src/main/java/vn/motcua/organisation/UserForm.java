package vn.motcua.organisation;

import java.util.List;
import java.util.Set;

/**
 * A user as an administrator enters them (view, API or one row of an imported list).
 *
 * @param unit       the identifier of the user's unit (of appointment); null for citizens
 * @param password   the new password: required when creating, null to keep it when changing
 * @param enabled    null keeps the current state (enabled for a new user)
 * @param otherUnits identifiers of the other units the person also works for, with the same roles; null keeps them
 *                   when changing (none for a new user), empty removes them
 */
public record UserForm(String username, String fullName, String email, String phone, String unit, Set<Role> roles,
                       String password, Boolean enabled, List<String> otherUnits) {

    /** A form that leaves the other units as they are (none for a new user). */
    public UserForm(String username, String fullName, String email, String phone, String unit, Set<Role> roles,
                    String password, Boolean enabled) {
        this(username, fullName, email, phone, unit, roles, password, enabled, null);
    }
}
