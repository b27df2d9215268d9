package vn.motcua.dossier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalInt;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Hands out the next dossier code of a unit and receipt day, locking the unit's counter only for the moment of the
 * allocation, so that one unit's receipts run in parallel.
 *
 * <p>The allocation runs in a short transaction of its own on a small pool of its own ({@value #POOL_SIZE}
 * connections, never the application's pool: a receipt already holds one of those, and waiting for a second one from
 * the same pool deadlocks it under load). It locks the counter row ({@code dossier_code_sequence}), takes the lowest
 * number released by a receipt that rolled back, or else the next one, records it as claimed
 * ({@code dossier_code_claim}), and commits at once. When the receipt's transaction ends, the claim is deleted
 * (committed: the dossier carries the code) or released (rolled back: the next receipt takes the number). So codes
 * stay consecutive per unit and day, with no gap and no duplicate, while the receipt's own transaction (the process
 * start included) no longer holds any lock on the counter. A claim left behind by a node that died between the
 * allocation and the end of the receipt is taken again after {@link #STALE_AFTER} if no dossier carries its code.
 *
 * <p>When the application's data source is not a Hikari pool (never in MotCua's own configuration), the number is
 * taken in the receipt's transaction as before: the counter row stays locked until it ends.
 */
@Component
class DossierCodeAllocator implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(DossierCodeAllocator.class);
    static final int POOL_SIZE = 2;
    static final Duration STALE_AFTER = Duration.ofMinutes(10);
    private static final int ATTEMPTS = 5;

    private final HikariDataSource pool;
    private final DossierRepository inTransaction;

    DossierCodeAllocator(DataSource dataSource, DossierRepository inTransaction) {
        this.inTransaction = inTransaction;
        this.pool = ownPool(dataSource);
    }

    private static HikariDataSource ownPool(DataSource dataSource) {
        try {
            if (!dataSource.isWrapperFor(HikariDataSource.class)) {
                log.info("Dossier codes are allocated in the receipt's transaction: the data source is not a Hikari pool");
                return null;
            }
            HikariDataSource main = dataSource.unwrap(HikariDataSource.class);
            var config = new HikariConfig();
            config.setJdbcUrl(main.getJdbcUrl());
            config.setUsername(main.getUsername());
            config.setPassword(main.getPassword());
            if (main.getDriverClassName() != null) config.setDriverClassName(main.getDriverClassName());
            config.setDataSourceProperties(main.getDataSourceProperties());
            config.setPoolName("motcua-dossier-codes");
            config.setMaximumPoolSize(POOL_SIZE);
            config.setMinimumIdle(0);
            config.setIdleTimeout(Duration.ofMinutes(1).toMillis());
            config.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
            config.setAutoCommit(false);
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            return new HikariDataSource(config);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the dossier code pool", e);
        }
    }

    /**
     * The next code of a unit for a receipt day, claimed until the caller's transaction ends (which must be active).
     */
    String allocate(long unitId, String unitIdentifier, LocalDate day) {
        if (pool == null) return DossierCode.of(unitIdentifier, day, inTransaction.nextSequence(unitId, day));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a dossier code is allocated inside the receipt's transaction");
        }
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = pool.getConnection()) {
                try {
                    int number = claim(c, unitId, unitIdentifier, day);
                    c.commit();
                    String code = DossierCode.of(unitIdentifier, day, number);
                    TransactionSynchronizationManager.registerSynchronization(new Claim(unitId, day, number));
                    return code;
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                // the counter row of a unit's first receipt of the day created by two receipts at once (unique key),
                // or a lock wait given up: the allocation starts again from nothing
                last = e;
            }
        }
        throw new IllegalStateException("no dossier code could be allocated", last);
    }

    private int claim(Connection c, long unitId, String unitIdentifier, LocalDate day) throws SQLException {
        OptionalInt counter = lockCounter(c, unitId, day);
        if (counter.isEmpty()) {
            update(c, "insert into dossier_code_sequence (unit_id, receipt_day, last_value) values (?, ?, 0)", unitId, day);
            counter = lockCounter(c, unitId, day);
        }
        // real elapsed time, not the application's clock (which tests move): how long ago a node claimed the number
        Instant instant = Instant.now();
        Timestamp now = Timestamp.from(instant);
        OptionalInt released = reusable(c, unitId, day, Timestamp.from(instant.minus(STALE_AFTER)));
        if (released.isPresent()) {
            try (PreparedStatement s = c.prepareStatement("""
                    update dossier_code_claim set state = 'CLAIMED', claimed_at = ?
                    where unit_id = ? and receipt_day = ? and number = ?""")) {
                s.setTimestamp(1, now);
                s.setLong(2, unitId);
                s.setObject(3, day);
                s.setInt(4, released.getAsInt());
                s.executeUpdate();
            }
            return released.getAsInt();
        }
        int number = counter.orElseThrow() + 1;
        update(c, "update dossier_code_sequence set last_value = last_value + 1 where unit_id = ? and receipt_day = ?", unitId, day);
        try (PreparedStatement s = c.prepareStatement("""
                insert into dossier_code_claim (unit_id, receipt_day, number, code, state, claimed_at)
                values (?, ?, ?, ?, 'CLAIMED', ?)""")) {
            s.setLong(1, unitId);
            s.setObject(2, day);
            s.setInt(3, number);
            s.setString(4, DossierCode.of(unitIdentifier, day, number));
            s.setTimestamp(5, now);
            s.executeUpdate();
        }
        return number;
    }

    /** Locks the unit's counter for the day until the allocation commits; its value, or empty when there is none. */
    private static OptionalInt lockCounter(Connection c, long unitId, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select last_value from dossier_code_sequence where unit_id = ? and receipt_day = ? for update")) {
            s.setLong(1, unitId);
            s.setObject(2, day);
            try (var rs = s.executeQuery()) {
                return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    /**
     * The lowest number given back by a receipt that rolled back, or claimed so long ago that its node must have died
     * and carried by no dossier.
     */
    private static OptionalInt reusable(Connection c, long unitId, LocalDate day, Timestamp staleBefore) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select min(k.number) from dossier_code_claim k
                where k.unit_id = ? and k.receipt_day = ?
                  and (k.state = 'RELEASED'
                       or (k.claimed_at < ? and not exists (select 1 from dossier d where d.code = k.code)))""")) {
            s.setLong(1, unitId);
            s.setObject(2, day);
            s.setTimestamp(3, staleBefore);
            try (var rs = s.executeQuery()) {
                rs.next();
                int number = rs.getInt(1);
                return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(number);
            }
        }
    }

    private static void update(Connection c, String sql, long unitId, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, unitId);
            s.setObject(2, day);
            s.executeUpdate();
        }
    }

    @Override
    public void destroy() {
        if (pool != null) pool.close();
    }

    /** Ends a claim with the receipt's transaction: deleted once the dossier carries the code, released otherwise. */
    private final class Claim implements TransactionSynchronization {
        private final long unitId;
        private final LocalDate day;
        private final int number;

        Claim(long unitId, LocalDate day, int number) {
            this.unitId = unitId;
            this.day = day;
            this.number = number;
        }

        @Override
        public void afterCompletion(int status) {
            String sql = status == STATUS_COMMITTED
                    ? "delete from dossier_code_claim where unit_id = ? and receipt_day = ? and number = ?"
                    : "update dossier_code_claim set state = 'RELEASED' where unit_id = ? and receipt_day = ? and number = ?";
            try (Connection c = pool.getConnection()) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setLong(1, unitId);
                    s.setObject(2, day);
                    s.setInt(3, number);
                    s.executeUpdate();
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                // the claim stays; it is taken again after STALE_AFTER if no dossier carries its code
                log.warn("A dossier code claim could not be {} ({} of {}): {}", status == STATUS_COMMITTED ? "cleared" : "released",
                        number, day, e.toString());
            }
        }
    }
}
