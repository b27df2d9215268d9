package vn.motcua.security;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import vn.motcua.organisation.OrganisationService;

/** Loads the signing-in user with their unit, for the login form and HTTP Basic alike. */
@Service
class AccountDetailsService implements UserDetailsService {
    private final OrganisationService organisation;

    AccountDetailsService(OrganisationService organisation) { this.organisation = organisation; }

    @Override
    public AuthenticatedUser loadUserByUsername(String username) {
        var account = organisation.user(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        var unit = account.unitId() == null ? null : organisation.unit(account.unitId()).orElse(null);
        return new AuthenticatedUser(account.username(), account.fullName(), account.unitId(),
                unit == null ? null : unit.identifier(), unit == null ? null : unit.treePath(),
                account.roles(), account.passwordHash(), account.enabled(), account.unitIds());
    }
}
