package vn.motcua.monitoring.internal;

import java.time.Clock;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Whether the attachment capability's table exists (it is another module's, created by its own migration) and how it
 * points to its dossier ({@code dossier_id} or {@code dossier_code}), found from the JDBC metadata at run time. The
 * answer is kept once the table is found; while it is absent it is asked again at most once a minute.
 */
@Component
public class AttachmentTable {
    private final Clock clock;
    private static final long RECHECK_MILLIS = 60_000;

    /**
     * How to join the dossiers that have at least one usable attachment.
     *
     * @param dossierColumn {@code dossier_id} or {@code dossier_code}
     * @param rejectedState true when the table has a {@code state} column: rejected uploads (state REJECTED) are
     *                      not digitised inputs
     */
    public record Shape(String dossierColumn, boolean rejectedState) {
        /** A derived table of the distinct dossier keys ({@code k}) with a usable attachment. */
        public String distinctDossiers() {
            return "(select distinct " + dossierColumn + " as k from attachment"
                    + (rejectedState ? " where state <> 'REJECTED'" : "") + ")";
        }

        /** The dossier column the key matches: {@code d.id} or {@code d.code}. */
        public String dossierKey(String alias) {
            return alias + ("dossier_id".equals(dossierColumn) ? ".id" : ".code");
        }
    }

    private final DataSource dataSource;
    private volatile Shape shape;
    private volatile long checkedAt;

    AttachmentTable(DataSource dataSource, Clock clock) {
        this.clock = clock; this.dataSource = dataSource; }

    /** The table's shape, or empty when there is no attachment table (yet). */
    public Optional<Shape> shape() {
        Shape known = shape;
        if (known != null) return Optional.of(known);
        long now = clock.millis();
        if (now - checkedAt < RECHECK_MILLIS && checkedAt != 0) return Optional.empty();
        checkedAt = now;
        shape = detect();
        return Optional.ofNullable(shape);
    }

    private Shape detect() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            Set<String> columns = new HashSet<>();
            for (String name : new String[] {"attachment", "ATTACHMENT"}) {
                try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, name, null)) {
                    while (rs.next()) columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
                if (!columns.isEmpty()) break;
            }
            if (columns.contains("dossier_id")) return new Shape("dossier_id", columns.contains("state"));
            if (columns.contains("dossier_code")) return new Shape("dossier_code", columns.contains("state"));
            return null;
        } catch (SQLException e) {
            return null;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
