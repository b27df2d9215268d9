package vn.motcua.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts what one subject (a dossier code, a feedback reference, a client address) did within a window and refuses it
 * for a while once it did too much (429 with the seconds to wait). Each module keeps its counts in a table of its own
 * ({@code subject} primary key, {@code failures}, {@code window_start}, {@code locked_until}): the tracking page's
 * {@code tracking_attempt}, the feedback's {@code feedback_attempt}. Each count is written in a transaction of its own,
 * so that it stays when the request that made it fails; two nodes counting at once for one subject both count.
 */
public final class AttemptThrottle {
    private final JdbcClient jdbc;
    private final TransactionTemplate separate;
    private final String table;

    /** @param table the module's table of counts: a constant of the module, never a user's input */
    public AttemptThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, String table) {
        if (!table.matches("[a-z_]+")) throw new IllegalArgumentException("not a table name: " + table);
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.table = table;
    }

    /** 429 ({@code messageKey}, with the seconds to wait) while the subject is locked. */
    public void refuseIfLocked(String subject, String messageKey, Instant now) {
        OffsetDateTime until = separate.execute(s -> jdbc.sql("select locked_until from " + table + " where subject = ?")
                .param(subject).query(OffsetDateTime.class).optional().orElse(null));
        if (until != null && until.toInstant().isAfter(now)) {
            throw new TooManyAttemptsException(messageKey, Duration.between(now, until.toInstant()).toSeconds() + 1);
        }
    }

    /**
     * Counts one more for the subject in its window (a new window when the last one is over); reaching {@code most}
     * locks it for {@code lock}. {@code most} 0 counts nothing.
     */
    public void count(String subject, int most, Duration window, Duration lock, Instant now) {
        if (most <= 0) return;
        separate.executeWithoutResult(s -> {
            var row = jdbc.sql("select failures, window_start from " + table + " where subject = ? for update").param(subject)
                    .query((rs, n) -> new Object[] {rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()})
                    .optional();
            if (row.isEmpty()) {
                try {
                    jdbc.sql("insert into " + table + " (subject, failures, window_start, locked_until) values (?, 1, ?, ?)")
                            .params(subject, utc(now), most <= 1 ? utc(now.plus(lock)) : null).update();
                } catch (DataIntegrityViolationException e) {
                    jdbc.sql("update " + table + " set failures = failures + 1 where subject = ?").param(subject).update();
                }
                return;
            }
            int done = (Integer) row.get()[0];
            Instant start = (Instant) row.get()[1];
            if (start.isBefore(now.minus(window))) {
                jdbc.sql("update " + table + " set failures = 1, window_start = ?, locked_until = ? where subject = ?")
                        .params(utc(now), most <= 1 ? utc(now.plus(lock)) : null, subject).update();
                return;
            }
            int next = done + 1;
            jdbc.sql("update " + table + " set failures = ?, locked_until = ? where subject = ?")
                    .params(next, next >= most ? utc(now.plus(lock)) : null, subject).update();
        });
    }

    /** Forgets the subject (a successful look-up). */
    public void forget(String subject) {
        separate.executeWithoutResult(s -> jdbc.sql("delete from " + table + " where subject = ?").param(subject).update());
    }

    private static OffsetDateTime utc(Instant at) { return at.atOffset(ZoneOffset.UTC); }
}
