package vn.motcua.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database of its own on the test's PostgreSQL server, for a test or a benchmark that starts whole applications
 * (nodes, a restored copy, a bare engine) and must not share the test database: named after the database it stands
 * next to with a suffix, dropped if a run before left it, created empty in UTF-8 (template0), and dropped again at the
 * end. The server is reached as {@value RequiresPostgres#USER} through its {@code postgres} maintenance database.
 *
 * @param name the database's name
 * @param url  its JDBC address
 */
public record ScratchDatabase(String name, String url) {

    /** Next to the test database ({@code -Dmotcua.test.postgres.url}, see {@link RequiresPostgres}). */
    public static ScratchDatabase fresh(String suffix) throws SQLException {
        return fresh(RequiresPostgres.Condition.url(), suffix);
    }

    /** Next to the database of this JDBC address, on its server. */
    public static ScratchDatabase fresh(String nextTo, String suffix) throws SQLException {
        String prefix = prefix(nextTo);
        String base = nextTo.substring(prefix.length()).replaceAll("\\?.*$", "").replaceAll("[^a-z0-9_]", "");
        var database = new ScratchDatabase(base + "_" + suffix, prefix + base + "_" + suffix);
        database.drop();
        try (Connection c = database.maintenance()) {
            c.createStatement().execute("create database " + database.name + " encoding 'UTF8' template template0");
        }
        return database;
    }

    /**
     * With the {@code unaccent} extension already there: nodes started together on an empty database would otherwise
     * race to create it in their first migration.
     */
    public ScratchDatabase withUnaccent() throws SQLException {
        try (Connection c = connect()) {
            c.createStatement().execute("create extension if not exists unaccent");
        }
        return this;
    }

    /** A connection to this database. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, RequiresPostgres.USER, "");
    }

    /** Drops the database, closing whatever connections are left to it. */
    public void drop() throws SQLException {
        try (Connection c = maintenance()) {
            c.createStatement().execute("drop database if exists " + name + " with (force)");
        }
    }

    private Connection maintenance() throws SQLException {
        return DriverManager.getConnection(prefix(url) + "postgres", RequiresPostgres.USER, "");
    }

    private static String prefix(String url) {
        return url.substring(0, url.lastIndexOf('/') + 1);
    }
}
