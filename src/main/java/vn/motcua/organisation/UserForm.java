package vn.motcua.organisation;

import java.util.Set;

/**
 * A user as an administrator enters them (view, API or one row of an imported list).
 *
 * @param unit     the identifier of the user's unit; null for citizens
 * @param password the new password: required when creating, null to keep it when changing
 * @param enabled  null keeps the current state (enabled for a new user)
 */
public record UserForm(String username, String fullName, String email, String phone, String unit, Set<Role> roles,
                       String password, Boolean enabled) { }
