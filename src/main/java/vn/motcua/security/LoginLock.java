package vn.motcua.security;

import java.time.Duration;
import java.time.Instant;

/**
 * What the sign-in throttle holds about one account or one client address: the failures of the current window and,
 * when locked, until when.
 *
 * @param kind          an account (the username, lower case) or a client address
 * @param subject       the username or the address
 * @param failures      failed sign-ins counted in the current window
 * @param lastFailureAt the latest failed sign-in
 * @param lockedUntil   the end of the latest lock, null when it was never locked
 * @param locks         how many times it was locked since it was last forgotten or unlocked
 */
public record LoginLock(Kind kind, String subject, int failures, Instant lastFailureAt, Instant lockedUntil, int locks) {

    /** What is counted. */
    public enum Kind { ACCOUNT, ADDRESS }

    /** True while sign-ins of this subject are refused. */
    public boolean lockedAt(Instant now) { return lockedUntil != null && lockedUntil.isAfter(now); }

    /** How long the lock still lasts, zero when not locked. */
    public Duration remainingAt(Instant now) {
        return lockedAt(now) ? Duration.between(now, lockedUntil) : Duration.ZERO;
    }
}
