package vn.motcua.security;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * Sign-in refused because the account or the client address failed too often: refused even with the right password
 * until {@link #retryAfter()} has passed or an administrator lifts the lock.
 */
public class SignInLockedException extends LockedException {
    private final Duration retryAfter;

    public SignInLockedException(Duration retryAfter) {
        super("sign-in locked after too many failed attempts");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() { return retryAfter; }

    /** The lock's remaining time in whole seconds, at least one (for the Retry-After header). */
    public long retryAfterSeconds() { return Math.max(1, (retryAfter.toMillis() + 999) / 1000); }

    /** The lock's remaining time in whole minutes, at least one (for people). */
    public long retryAfterMinutes() { return Math.max(1, (retryAfterSeconds() + 59) / 60); }
}
