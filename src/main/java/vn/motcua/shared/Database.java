package vn.motcua.shared;

import java.sql.DatabaseMetaData;
import java.util.Locale;

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
    private final DataSource dataSource;
    private final DatabaseDriver driver;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
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

    /**
     * Whether the connection's schema has a table of this name (a table some migration of one database only creates,
     * such as PostgreSQL's tallies and indicator summary). Asked of the driver's metadata; callers keep the answer.
     */
    public boolean hasTable(String name) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, meta -> {
                String table = meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT)
                        : meta.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
                String escape = meta.getSearchStringEscape();
                String pattern = escape == null ? table : table.replace("_", escape + "_").replace("%", escape + "%");
                try (var tables = meta.getTables(null, meta.getConnection().getSchema(), pattern, null)) {
                    return tables.next();
                }
            });
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot read the database's tables", e);
        }
    }
}
