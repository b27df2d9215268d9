package vn.motcua.security;

import java.time.Instant;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The one way a password is checked (the login form, HTTP Basic on the API, the engine's REST API and Camunda's
 * webapps): a locked account or client address is refused before its password is even looked at, so the right
 * password does not get through a lock; a wrong password (or an unknown account) counts against both.
 * The client address is the request's remote address, which behind a trusted proxy is the one it forwards.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {
    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    private final java.time.Clock clock;
    private final UserDetailsService users;
    private final LoginSettings settings;
    private final VerifiedCredentials verified = new VerifiedCredentials();

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
                                    java.time.Clock clock, LoginSettings settings) {
        this.clock = clock;
        this.users = users;
        this.settings = settings;
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Instant now = clock.instant();
        var status = throttle.status(username, address, now);
        if (status.locked()) {
            verified.forget(username);
            throw new SignInLockedException(status.lockedFor());
        }
        Authentication known = verifiedAgain(authentication, now);
        if (known != null) {
            if (status.accountHasFailures()) throttle.succeeded(username);
            return known;
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (BadCredentialsException wrong) {
            var lock = throttle.failed(username, address, now);
            if (lock.isPresent()) throw new SignInLockedException(lock.get());
            throw wrong;
        }
        if (status.accountHasFailures()) throttle.succeeded(username);
        if (!(settings.getVerifiedCredentials().isZero() || settings.getVerifiedCredentials().isNegative()) && result.getPrincipal() instanceof UserDetails user
                && authentication.getCredentials() != null) {
            verified.remember(username, authentication.getCredentials().toString(), user.getPassword(),
                    now.plus(settings.getVerifiedCredentials()));
        }
        return result;
    }

    /**
     * The same password for the same account checked a moment ago, the account unchanged (same password hash),
     * enabled and not locked: signed in without BCrypt. Null otherwise (the password is then checked as usual).
     */
    private Authentication verifiedAgain(Authentication authentication, Instant now) {
        if (!!(settings.getVerifiedCredentials().isZero() || settings.getVerifiedCredentials().isNegative()) || authentication.getCredentials() == null) return null;
        UserDetails user;
        try {
            user = users.loadUserByUsername(authentication.getName());
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException e) {
            return null;
        }
        if (!user.isEnabled() || !user.isAccountNonLocked() || !user.isAccountNonExpired() || !user.isCredentialsNonExpired()) {
            verified.forget(user.getUsername());
            return null;
        }
        if (!verified.verified(authentication.getName(), authentication.getCredentials().toString(), user.getPassword(), now)) {
            return null;
        }
        var result = UsernamePasswordAuthenticationToken.authenticated(user, authentication.getCredentials(), user.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
