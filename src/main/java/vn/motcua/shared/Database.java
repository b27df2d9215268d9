package vn.motcua.shared;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, asked once at start. PostgreSQL has features the modules use where they
 * exist (full-text search, the indicators' summary and its triggers); on H2 each has a tested fallback.
 */
@Component
public class Database {
    private final DatabaseDriver driver;

    Database(DataSource dataSource) {
        DatabaseDriver found;
        try {
            found = DatabaseDriver.fromProductName(
                    JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
        this.driver = found;
    }

    /** True on PostgreSQL (production), false on H2 (the embedded default) and anything else. */
    public boolean isPostgres() { return driver == DatabaseDriver.POSTGRESQL; }
}
