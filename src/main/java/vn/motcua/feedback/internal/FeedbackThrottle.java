package vn.motcua.feedback.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.shared.TooManyAttemptsException;

/**
 * Counts what one subject (a client address, a reference) did within a window and refuses it for a while once it did
 * too much: the tracking page's rule (vn.motcua.dossier.PublicTracking) on the module's own table
 * {@code feedback_attempt}. Each count is written in a transaction of its own, so that it stays when the request fails.
 */
@Component
public class FeedbackThrottle {
    private final JdbcClient jdbc;
    private final TransactionTemplate separate;

    FeedbackThrottle(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** 429 ({@code messageKey}, with the minutes to wait) while the subject is locked. */
    public void refuseIfLocked(String subject, String messageKey, Instant now) {
        OffsetDateTime until = separate.execute(s -> jdbc.sql("select locked_until from feedback_attempt where subject = ?")
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
            var row = jdbc.sql("select failures, window_start from feedback_attempt where subject = ? for update").param(subject)
                    .query((rs, n) -> new Object[] {rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()})
                    .optional();
            if (row.isEmpty()) {
                try {
                    jdbc.sql("insert into feedback_attempt (subject, failures, window_start, locked_until) values (?, 1, ?, ?)")
                            .params(subject, utc(now), most <= 1 ? utc(now.plus(lock)) : null).update();
                } catch (DataIntegrityViolationException e) {
                    jdbc.sql("update feedback_attempt set failures = failures + 1 where subject = ?").param(subject).update();
                }
                return;
            }
            int done = (Integer) row.get()[0];
            Instant start = (Instant) row.get()[1];
            if (start.isBefore(now.minus(window))) {
                jdbc.sql("update feedback_attempt set failures = 1, window_start = ?, locked_until = ? where subject = ?")
                        .params(utc(now), most <= 1 ? utc(now.plus(lock)) : null, subject).update();
                return;
            }
            int next = done + 1;
            jdbc.sql("update feedback_attempt set failures = ?, locked_until = ? where subject = ?")
                    .params(next, next >= most ? utc(now.plus(lock)) : null, subject).update();
        });
    }

    /** Forgets the subject (a successful look-up of a reference). */
    public void forget(String subject) {
        separate.executeWithoutResult(s -> jdbc.sql("delete from feedback_attempt where subject = ?").param(subject).update());
    }

    private static OffsetDateTime utc(Instant at) { return at.atOffset(ZoneOffset.UTC); }
}
