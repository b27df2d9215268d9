package vn.motcua.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.security.LoginLock.Kind;

/**
 * Failed sign-ins counted per account and per client address in the database (table {@code login_throttle}), so that
 * every node of the application sees the same counts and locks. Every change is one atomic statement: two nodes
 * counting failures of the same account at once neither lose a failure nor lock it twice.
 */
@Component
class LoginThrottle {
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int SUBJECT_LENGTH = 128;

    private final JdbcClient jdbc;
    private final LoginSettings settings;

    LoginThrottle(JdbcClient jdbc, LoginSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The throttle's state for a sign-in of this account from this address (either may be null). */
    record Status(Duration lockedFor, boolean accountHasFailures) {
        boolean locked() { return !lockedFor.isZero(); }
    }

    Status status(String username, String address, Instant now) {
        String account = accountKey(username);
        String client = addressKey(address);
        Duration lockedFor = Duration.ZERO;
        boolean accountHasFailures = false;
        for (LoginLock entry : jdbc.sql("""
                        select * from login_throttle
                        where (kind = 'ACCOUNT' and subject = :account) or (kind = 'ADDRESS' and subject = :address)""")
                .param("account", account).param("address", client).query(LoginThrottle::map).list()) {
            Duration remaining = entry.remainingAt(now);
            if (remaining.compareTo(lockedFor) > 0) lockedFor = remaining;
            if (entry.kind() == Kind.ACCOUNT) accountHasFailures = true;
        }
        return new Status(lockedFor, accountHasFailures);
    }

    /**
     * Counts a failed sign-in (wrong password or unknown account) against the account and the address; answers how
     * long sign-ins are now refused when this failure locked either.
     */
    Optional<Duration> failed(String username, String address, Instant now) {
        forgetIdle(now);
        Duration lock = Duration.ZERO;
        for (Instant until : new Instant[] {
                fail(Kind.ACCOUNT, accountKey(username), settings.getAccount().getMaxFailures(), now),
                fail(Kind.ADDRESS, addressKey(address), settings.getAddress().getMaxFailures(), now)}) {
            if (until != null && Duration.between(now, until).compareTo(lock) > 0) lock = Duration.between(now, until);
        }
        return lock.isZero() ? Optional.empty() : Optional.of(lock);
    }

    /** A successful sign-in: the account's failures are forgotten (the address's are not: they may be anyone's). */
    void succeeded(String username) {
        jdbc.sql("delete from login_throttle where kind = 'ACCOUNT' and subject = ?").param(accountKey(username)).update();
    }

    /** Locked subjects and those with failures in the current window, the latest failure first. */
    List<LoginLock> entries(Instant now) {
        return jdbc.sql("""
                        select * from login_throttle where locked_until > :now or first_failure_at >= :windowStart
                        order by last_failure_at desc, kind, subject""")
                .param("now", utc(now)).param("windowStart", utc(now.minus(settings.getWindow())))
                .query(LoginThrottle::map).list().stream()
                .filter(e -> e.lockedAt(now) || e.failures() > 0).toList();
    }

    /** Lifts the lock and forgets the failures of an account or address; false when nothing was held about it. */
    boolean unlock(Kind kind, String subject) {
        String key = kind == Kind.ACCOUNT ? accountKey(subject) : addressKey(subject);
        if (key == null) return false;
        return jdbc.sql("delete from login_throttle where kind = ? and subject = ?").params(kind.name(), key).update() > 0;
    }

    private Instant fail(Kind kind, String subject, int maxFailures, Instant now) {
        if (subject == null || maxFailures <= 0) return null;
        if (count(kind, subject, now) == 0) {
            try {
                jdbc.sql("""
                                insert into login_throttle (kind, subject, failures, first_failure_at, last_failure_at, lock_count)
                                values (?, ?, 1, ?, ?, 0)""")
                        .params(kind.name(), subject, utc(now), utc(now)).update();
            } catch (DuplicateKeyException concurrentFirstFailure) {
                if (count(kind, subject, now) == 0) return null; // locked meanwhile by another node
            }
        }
        var entry = jdbc.sql("select * from login_throttle where kind = ? and subject = ?").params(kind.name(), subject)
                .query(LoginThrottle::map).optional().orElse(null);
        if (entry == null || entry.failures() < maxFailures || entry.lockedAt(now)) return null;
        Instant until = now.plus(settings.lockDuration(entry.locks()));
        int locked = jdbc.sql("""
                        update login_throttle set locked_until = :until, lock_count = lock_count + 1, failures = 0,
                          first_failure_at = :now
                        where kind = :kind and subject = :subject and lock_count = :locks and failures >= :max""")
                .param("until", utc(until)).param("now", utc(now)).param("kind", kind.name()).param("subject", subject)
                .param("locks", entry.locks()).param("max", maxFailures).update();
        if (locked == 0) return null; // another node locked it first
        if (kind == Kind.ACCOUNT) {
            log.warn("Sign-in locked for account '{}' until {} after {} failed attempts", subject, until, entry.failures());
        } else {
            // the address itself is personal data: not logged (administrators see it in the list of locks)
            log.warn("Sign-in locked for a client address until {} after {} failed attempts", until, entry.failures());
        }
        return until;
    }

    /**
     * Adds one failure to an existing, unlocked subject; 0 when there is no such row (or it is locked). The window
     * starts again with the first failure after it ended, or after a lock.
     */
    private int count(Kind kind, String subject, Instant now) {
        return jdbc.sql("""
                        update login_throttle set
                          failures = case when failures = 0 or first_failure_at < :windowStart then 1 else failures + 1 end,
                          first_failure_at = case when failures = 0 or first_failure_at < :windowStart then :now
                            else first_failure_at end,
                          lock_count = case when last_failure_at < :forgetBefore
                            and (locked_until is null or locked_until < :forgetBefore) then 0 else lock_count end,
                          last_failure_at = :now
                        where kind = :kind and subject = :subject and (locked_until is null or locked_until <= :now)""")
                .param("windowStart", utc(now.minus(settings.getWindow()))).param("now", utc(now))
                .param("forgetBefore", utc(now.minus(settings.getForgetAfter())))
                .param("kind", kind.name()).param("subject", subject).update();
    }

    /** Subjects neither failing nor locked for {@code forget-after} are dropped, so the table stays small. */
    private void forgetIdle(Instant now) {
        jdbc.sql("delete from login_throttle where last_failure_at < :before and (locked_until is null or locked_until < :before)")
                .param("before", utc(now.minus(settings.getForgetAfter()))).update();
    }

    static String accountKey(String username) {
        if (username == null || username.isBlank()) return null;
        return truncate(username.trim().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        if (address == null || address.isBlank()) return null;
        return truncate(address.trim().toLowerCase(Locale.ROOT));
    }

    private static String truncate(String value) {
        return value.length() > SUBJECT_LENGTH ? value.substring(0, SUBJECT_LENGTH) : value;
    }

    private static OffsetDateTime utc(Instant instant) { return instant.atOffset(ZoneOffset.UTC); }

    private static LoginLock map(ResultSet rs, int row) throws SQLException {
        var locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new LoginLock(Kind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getInt("failures"),
                rs.getObject("last_failure_at", OffsetDateTime.class).toInstant(), locked == null ? null : locked.toInstant(),
                rs.getInt("lock_count"));
    }
}
