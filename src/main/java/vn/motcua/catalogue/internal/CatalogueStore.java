package vn.motcua.catalogue.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The procedures' versions in the database (tables procedure_version and procedure_version_file): drafts, the
 * published version of each folder and the earlier ones. Plain JDBC; callers hold the transaction.
 */
public final class CatalogueStore {
    /** Where a version stands. */
    public enum Status { DRAFT, PUBLISHED, RETIRED }

    /** Where a version came from. */
    public enum Origin { SEED, UPLOAD, ROLLBACK }

    /** One stored version (or draft, whose version is null). */
    public record StoredVersion(long id, String folder, String code, Integer version, Status status, Origin origin,
                                String contentHash, String createdBy, Instant createdAt, String publishedBy,
                                Instant publishedAt, String reason, String deploymentId, Integer basedOn) { }

    private static final String COLUMNS = "id, folder, code, version, status, origin, content_hash, created_by, created_at, "
            + "published_by, published_at, reason, deployment_id, based_on";

    private final JdbcTemplate jdbc;

    public CatalogueStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The published and retired versions of a folder, oldest first. */
    public List<StoredVersion> versions(String folder) {
        return jdbc.query("select " + COLUMNS + " from procedure_version where folder = ? and status <> 'DRAFT' order by version",
                CatalogueStore::row, folder);
    }

    /** The version of a folder with that number. */
    public Optional<StoredVersion> version(String folder, int version) {
        return jdbc.query("select " + COLUMNS + " from procedure_version where folder = ? and version = ?", CatalogueStore::row,
                folder, version).stream().findFirst();
    }

    /** The folder's published version. */
    public Optional<StoredVersion> current(String folder) {
        return jdbc.query("select " + COLUMNS + " from procedure_version where folder = ? and status = 'PUBLISHED'",
                CatalogueStore::row, folder).stream().findFirst();
    }

    /** Every folder's published version, by folder. */
    public Map<String, StoredVersion> currentAll() {
        Map<String, StoredVersion> byFolder = new TreeMap<>();
        jdbc.query("select " + COLUMNS + " from procedure_version where status = 'PUBLISHED'", CatalogueStore::row)
                .forEach(v -> byFolder.put(v.folder(), v));
        return byFolder;
    }

    /** The latest version of the folder that came from the application's own processes/ and forms/. */
    public Optional<StoredVersion> latestSeed(String folder) {
        return jdbc.query("select " + COLUMNS + " from procedure_version where folder = ? and origin = 'SEED' and status <> 'DRAFT' "
                + "order by version desc", CatalogueStore::row, folder).stream().findFirst();
    }

    /** The folder's draft. */
    public Optional<StoredVersion> draft(String folder) {
        return jdbc.query("select " + COLUMNS + " from procedure_version where folder = ? and status = 'DRAFT'",
                CatalogueStore::row, folder).stream().findFirst();
    }

    /** Every draft, by folder. */
    public Map<String, StoredVersion> drafts() {
        Map<String, StoredVersion> byFolder = new TreeMap<>();
        jdbc.query("select " + COLUMNS + " from procedure_version where status = 'DRAFT'", CatalogueStore::row)
                .forEach(v -> byFolder.put(v.folder(), v));
        return byFolder;
    }

    /** The files of a stored version. */
    public CatalogueFiles.Folder files(StoredVersion version) {
        Map<String, byte[]> process = new TreeMap<>();
        Map<String, byte[]> forms = new TreeMap<>();
        jdbc.query("select path, content from procedure_version_file where version_id = ? order by path", rs -> {
            String path = rs.getString(1);
            byte[] content = rs.getString(2).getBytes(StandardCharsets.UTF_8);
            String name = path.substring(path.lastIndexOf('/') + 1);
            (path.startsWith(CatalogueFiles.FORMS + "/") ? forms : process).put(name, content);
        }, version.id());
        return new CatalogueFiles.Folder(version.folder(), process, forms);
    }

    /**
     * A marker that changes whenever a version is published anywhere: every publication inserts a row, so the
     * highest id of the non-draft rows.
     */
    public long publicationMark() {
        Long mark = jdbc.queryForObject("select max(id) from procedure_version where status <> 'DRAFT'", Long.class);
        return mark == null ? 0 : mark;
    }

    /** Stores a draft of the folder, replacing the one it had. */
    public StoredVersion saveDraft(CatalogueFiles.Folder files, String code, String hash, String by, Instant at) {
        jdbc.update("delete from procedure_version where folder = ? and status = 'DRAFT'", files.name());
        long id = insert(files, code, null, Status.DRAFT, Origin.UPLOAD, hash, by, at, null, null, null, null);
        return byId(id);
    }

    /**
     * Stores a draft of the folder in place of the one the caller read: the draft whose content hash is
     * {@code expected}, or none when {@code expected} is null. Answers empty and stores nothing when the folder's draft
     * is not, or no longer, that one (someone saved, uploaded or published meanwhile); two such saves at once queue on
     * the folder's versions (locked first) and the second finds the first's draft. Runs in the caller's transaction.
     */
    public Optional<StoredVersion> replaceDraft(CatalogueFiles.Folder files, String code, String hash, String by, Instant at,
                                                String expected) {
        // the folder's versions locked: two saves of a folder without a draft queue here, the second then finds the first's
        jdbc.queryForList("select id from procedure_version where folder = ? and status <> 'DRAFT' for update", Long.class, files.name());
        if (expected == null) {
            if (draft(files.name()).isPresent()) return Optional.empty();
        } else if (jdbc.update("delete from procedure_version where folder = ? and status = 'DRAFT' and content_hash = ?",
                files.name(), expected) == 0) {
            return Optional.empty();
        }
        long id = insert(files, code, null, Status.DRAFT, Origin.UPLOAD, hash, by, at, null, null, null, null);
        return Optional.of(byId(id));
    }

    /** Removes the folder's draft. */
    public void deleteDraft(String folder) {
        jdbc.update("delete from procedure_version where folder = ? and status = 'DRAFT'", folder);
    }

    /**
     * Stores a new published version of the folder, numbered after its last one; the previous published version
     * becomes RETIRED.
     */
    public StoredVersion publish(CatalogueFiles.Folder files, String code, Origin origin, String hash, String by, Instant at,
                                 String reason, Integer basedOn) {
        Integer last = jdbc.queryForObject("select max(version) from procedure_version where folder = ?", Integer.class, files.name());
        jdbc.update("update procedure_version set status = 'RETIRED' where folder = ? and status = 'PUBLISHED'", files.name());
        long id = insert(files, code, last == null ? 1 : last + 1, Status.PUBLISHED, origin, hash, by, at, by, at, reason, basedOn);
        return byId(id);
    }

    /** Records the engine deployment that carries a version. */
    public void deployed(long id, String deploymentId) {
        jdbc.update("update procedure_version set deployment_id = ? where id = ?", deploymentId, id);
    }

    private StoredVersion byId(long id) {
        return jdbc.queryForObject("select " + COLUMNS + " from procedure_version where id = ?", CatalogueStore::row, id);
    }

    private long insert(CatalogueFiles.Folder files, String code, Integer version, Status status, Origin origin, String hash,
                        String createdBy, Instant createdAt, String publishedBy, Instant publishedAt, String reason, Integer basedOn) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into procedure_version (folder, code, version, status, origin, "
                    + "content_hash, created_by, created_at, published_by, published_at, reason, based_on) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            statement.setString(1, files.name());
            statement.setString(2, code);
            statement.setObject(3, version);
            statement.setString(4, status.name());
            statement.setString(5, origin.name());
            statement.setString(6, hash);
            statement.setString(7, createdBy);
            statement.setTimestamp(8, Timestamp.from(createdAt));
            statement.setString(9, publishedBy);
            statement.setTimestamp(10, publishedAt == null ? null : Timestamp.from(publishedAt));
            statement.setString(11, reason);
            statement.setObject(12, basedOn);
            return statement;
        }, keys);
        long id = java.util.Objects.requireNonNull(keys.getKey(), "generated id").longValue();
        Map<String, String> paths = new LinkedHashMap<>();
        files.processFiles().forEach((name, bytes) -> paths.put(CatalogueFiles.PROCESSES + "/" + files.name() + "/" + name,
                new String(bytes, StandardCharsets.UTF_8)));
        files.formFiles().forEach((name, bytes) -> paths.put(CatalogueFiles.FORMS + "/" + files.name() + "/" + name,
                new String(bytes, StandardCharsets.UTF_8)));
        paths.forEach((path, content) -> jdbc.update("insert into procedure_version_file (version_id, path, content) values (?, ?, ?)",
                id, path, content));
        return id;
    }

    private static StoredVersion row(ResultSet rs, int n) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new StoredVersion(rs.getLong("id"), rs.getString("folder"), rs.getString("code"),
                (Integer) rs.getObject("version", Integer.class), Status.valueOf(rs.getString("status")),
                Origin.valueOf(rs.getString("origin")), rs.getString("content_hash"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("published_by"),
                published == null ? null : published.toInstant(), rs.getString("reason"), rs.getString("deployment_id"),
                (Integer) rs.getObject("based_on", Integer.class));
    }
}
