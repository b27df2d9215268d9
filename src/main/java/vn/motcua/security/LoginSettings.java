package vn.motcua.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Sign-in throttling ({@code motcua.security.login.*}): how many failed sign-ins an account and a client address may
 * have within the window before they are locked, and for how long. Each further lock of the same subject lasts twice
 * as long as the previous one, up to {@code max-lock-duration}; a subject neither failing nor locked for
 * {@code forget-after} starts afresh. A limit of 0 turns that counter off.
 */
@Component
@ConfigurationProperties(prefix = "motcua.security.login")
public class LoginSettings {
    /** Failures of one account (whatever the address) before it is locked. */
    private final Limit account = new Limit(5);
    /**
     * Failures from one client address (whatever the account) before it is locked. Higher than the account's: an
     * office's staff may share one address behind its router.
     */
    private final Limit address = new Limit(20);
    /** The period in which failures are counted, from the first one. */
    private Duration window = Duration.ofMinutes(15);
    /** The first lock's duration; each further lock doubles it. */
    private Duration lockDuration = Duration.ofMinutes(15);
    /** The longest a lock lasts. */
    private Duration maxLockDuration = Duration.ofHours(24);
    /** A subject neither failing nor locked for this long is forgotten: its next lock is again the first one. */
    private Duration forgetAfter = Duration.ofHours(24);
    /**
     * How long a password that was just checked is trusted again for the same account without running BCrypt (HTTP
     * Basic on every API call); 0 checks every time. A changed password, a disabled account or a lock end it at once.
     */
    private Duration verifiedCredentials = Duration.ofMinutes(5);

    public Limit getAccount() { return account; }
    public Limit getAddress() { return address; }
    public Duration getWindow() { return window; }
    public void setWindow(Duration window) { this.window = window; }
    public Duration getLockDuration() { return lockDuration; }
    public void setLockDuration(Duration lockDuration) { this.lockDuration = lockDuration; }
    public Duration getMaxLockDuration() { return maxLockDuration; }
    public void setMaxLockDuration(Duration maxLockDuration) { this.maxLockDuration = maxLockDuration; }
    public Duration getForgetAfter() { return forgetAfter; }
    public Duration getVerifiedCredentials() { return verifiedCredentials; }
    public void setVerifiedCredentials(Duration verifiedCredentials) { this.verifiedCredentials = verifiedCredentials; }
    public void setForgetAfter(Duration forgetAfter) { this.forgetAfter = forgetAfter; }

    /** How long the lock after {@code previousLocks} earlier ones lasts. */
    public Duration lockDuration(int previousLocks) {
        Duration duration = lockDuration;
        for (int i = 0; i < previousLocks && duration.compareTo(maxLockDuration) < 0; i++) duration = duration.multipliedBy(2);
        return duration.compareTo(maxLockDuration) > 0 ? maxLockDuration : duration;
    }

    /** One counter's limit. */
    public static class Limit {
        private int maxFailures;

        Limit(int maxFailures) { this.maxFailures = maxFailures; }

        public int getMaxFailures() { return maxFailures; }
        public void setMaxFailures(int maxFailures) { this.maxFailures = maxFailures; }
    }
}
