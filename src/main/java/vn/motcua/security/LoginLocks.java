package vn.motcua.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import vn.motcua.security.LoginLock.Kind;

/**
 * Khóa đăng nhập: what administrators see of the sign-in throttle and how they lift a lock (an account locked by
 * someone guessing its password, an office's address locked by its staff's typing).
 */
@Service
public class LoginLocks {
    private static final Logger log = LoggerFactory.getLogger(LoginLocks.class);

    private final LoginThrottle throttle;
    private final CurrentUser currentUser;
    private final java.time.Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    LoginLocks(LoginThrottle throttle, CurrentUser currentUser, java.time.Clock clock,
               org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.clock = clock;
        this.throttle = throttle;
        this.currentUser = currentUser;
    }

    /** Locked accounts and addresses, and those with failed sign-ins in the current window; latest failure first. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<LoginLock> list() {
        return throttle.entries(clock.instant());
    }

    /** Lifts an account's lock and forgets its failures; false when nothing was held about it. */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean unlockAccount(String username) {
        boolean lifted = throttle.unlock(Kind.ACCOUNT, username);
        if (lifted) {
            log.info("Sign-in lock of account '{}' lifted by '{}'", LoginThrottle.accountKey(username), administrator());
            events.publishEvent(new vn.motcua.shared.AdministrativeChange("SIGN_IN_LOCK_LIFTED", LoginThrottle.accountKey(username), null));
        }
        return lifted;
    }

    /** Lifts a client address's lock and forgets its failures; false when nothing was held about it. */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean unlockAddress(String address) {
        boolean lifted = throttle.unlock(Kind.ADDRESS, address);
        if (lifted) {
            log.info("Sign-in lock of a client address lifted by '{}'", administrator());
            // the administrators' log names the kind, not the address
            events.publishEvent(new vn.motcua.shared.AdministrativeChange("SIGN_IN_LOCK_LIFTED", "client address", null));
        }
        return lifted;
    }

    private String administrator() {
        return currentUser.get().map(AuthenticatedUser::username).orElse(SystemAccess.USERNAME);
    }
}
