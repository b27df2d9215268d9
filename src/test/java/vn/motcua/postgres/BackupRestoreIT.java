package vn.motcua.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.TestUsers;
import vn.motcua.attachment.AttachmentService;
import vn.motcua.dossier.DossierService;

/**
 * Backup and restore (README, *Backup and restore*), on PostgreSQL with the local file store: while a thread keeps
 * receiving dossiers with attachments (the load), the database is dumped ({@code pg_dump -Fc}) and then the content
 * folder copied (content-addressed files are never rewritten, so files copied after the dump hold every file the dump
 * refers to); the dump is restored ({@code pg_restore}) into a new database and the copied files into a new data
 * directory, and a fresh application started on them has every dossier received before the dump began, every
 * dossier's audit chain verifies, every attachment reads back with its SHA-256, and each dossier and attachment is the
 * one of the source. Databases of its own, derived from the tests' one ({@code <db>_bk_source}, {@code <db>_bk_restored}),
 * dropped at the end. Needs Debian's {@code pg_dump} and {@code pg_restore} (package postgresql-client): skipped without
 * them, failed with CI=true. Prints how long the restore took.
 */
@RequiresPostgres
// once per CI: in the PostgreSQL run (mvn verify -Ddb=postgres)
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "motcua.test.postgres-run", matches = "true")
class BackupRestoreIT {
    private static final int BEFORE_LOAD = 20;

    @TempDir Path temporary;

    @Test
    void aBackupTakenUnderLoadRestoresOntoAFreshNodeWithEveryDossierChainAndFile() throws Exception {
        requireTools();
        URI server = URI.create(RequiresPostgres.Condition.url().substring("jdbc:".length()));
        String host = server.getHost();
        int port = server.getPort() < 0 ? 5432 : server.getPort();
        Path sourceData = temporary.resolve("source-data");
        Path backup = temporary.resolve("backup");
        Path dump = backup.resolve("motcua.dump");
        Path restoredData = temporary.resolve("restored-data");
        ScratchDatabase source = ScratchDatabase.fresh("bk_source");
        ScratchDatabase restored = ScratchDatabase.fresh("bk_restored");
        try {
            Set<String> beforeDump = new TreeSet<>();
            List<StoredFile> filesBeforeDump = new ArrayList<>();
            int duringBackup;
            try (ConfigurableApplicationContext app = InProcessNode.start(source.url(), sourceData, "backup-source", false /* text extraction is not what is measured */)) {
                var users = app.getBean(TestUsers.class);
                var dossiers = app.getBean(DossierService.class);
                var attachments = app.getBean(AttachmentService.class);
                users.signInAs("clerk");
                for (int i = 0; i < BEFORE_LOAD; i++) receiveWithFiles(dossiers, attachments, i);

                // the load: receipts with files go on during the whole backup
                var stop = new AtomicBoolean();
                var failures = new ConcurrentLinkedQueue<Throwable>();
                var received = new ConcurrentLinkedQueue<String>();
                Thread load = new Thread(() -> {
                    users.signInAs("clerk");
                    int n = 1000;
                    while (!stop.get()) {
                        try {
                            received.add(receiveWithFiles(dossiers, attachments, n++));
                        } catch (Throwable e) {
                            failures.add(e);
                            return;
                        }
                    }
                }, "backup-load");
                load.start();
                Thread.sleep(1500);
                beforeDump.addAll(codes(source));
                filesBeforeDump.addAll(files(source));

                // 1. the database, 2. the content folder (after the dump: every file the dump refers to is there)
                Files.createDirectories(backup);
                long dumpStarted = System.nanoTime();
                InProcessNode.run(List.of("pg_dump", "-h", host, "-p", String.valueOf(port), "-U", RequiresPostgres.USER,
                        "-Fc", "-f", dump.toString(), source.name()));
                long dumpMillis = millis(dumpStarted);
                InProcessNode.copyTree(sourceData.resolve("attachments").resolve("sha256"), backup.resolve("sha256"));
                stop.set(true);
                load.join(TimeUnit.MINUTES.toMillis(2));
                assertThat(failures).as("receipts under load").isEmpty();
                duringBackup = received.size();
                System.out.printf("Backup under load: %d dossiers before the dump, %d received while backing up, "
                        + "pg_dump %d ms (%d kB), content folder copied after it%n", beforeDump.size(), duringBackup,
                        dumpMillis, Files.size(dump) / 1024);
            }
            assertThat(beforeDump).hasSizeGreaterThanOrEqualTo(BEFORE_LOAD);
            assertThat(duringBackup).as("dossiers received during the backup").isPositive();
            var sourceDossiers = dossiers(source);
            var sourceLinks = links(source);
            var sourceFiles = files(source);

            // the restore onto a fresh node: an empty database, an empty data directory
            long restoreStarted = System.nanoTime();
            InProcessNode.run(List.of("pg_restore", "-h", host, "-p", String.valueOf(port), "-U", RequiresPostgres.USER,
                    "--no-owner", "--exit-on-error", "-d", restored.name(), dump.toString()));
            long pgRestoreMillis = millis(restoreStarted);
            long filesStarted = System.nanoTime();
            InProcessNode.copyTree(backup.resolve("sha256"), restoredData.resolve("attachments").resolve("sha256"));
            long filesMillis = millis(filesStarted);
            long startStarted = System.nanoTime();
            try (ConfigurableApplicationContext app = InProcessNode.start(restored.url(), restoredData, "backup-restored", false)) {
                long startMillis = millis(startStarted);
                System.out.printf("Restore: pg_restore %d ms, files %d ms, first start of the node %d ms, in all %d ms%n",
                        pgRestoreMillis, filesMillis, startMillis, millis(restoreStarted));
                var users = app.getBean(TestUsers.class);
                var dossiers = app.getBean(DossierService.class);
                var attachments = app.getBean(AttachmentService.class);
                var restoredDossiers = dossiers(restored);
                var restoredFiles = files(restored);
                assertThat(restoredDossiers.keySet()).as("every dossier received before the dump")
                        .containsAll(beforeDump);
                assertThat(sourceDossiers.keySet()).as("nothing the source never had").containsAll(restoredDossiers.keySet());
                // the dossier as it was at the dump: its chain is the source's, up to a link of the source's chain
                restoredDossiers.forEach((code, head) ->
                        assertThat(sourceLinks).as(code + ": its last link is one of the source's chain").contains(code + " " + head));
                users.signInAs("supervisor");
                for (String code : restoredDossiers.keySet()) {
                    assertThat(dossiers.verifyHistory(code)).as(code + ": its audit chain verifies").isNull();
                }
                assertThat(restoredFiles).as("every attachment added before the dump").containsAll(filesBeforeDump);
                for (var file : restoredFiles) {
                    assertThat(sourceFiles).as("the source's attachment").contains(file);
                    var content = attachments.content(file.dossierCode(), file.id());
                    try (InputStream in = content.open()) {
                        assertThat(sha256(in)).as(file + " reads back with its SHA-256").isEqualTo(file.sha256());
                    }
                }
                users.signOut();
            }
        } finally {
            source.drop();
            restored.drop();
        }
    }

    private static String receiveWithFiles(DossierService dossiers, AttachmentService attachments, int n) {
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        byte[] own = ("Biên bản bàn giao hồ sơ số " + n + " — " + code).getBytes(StandardCharsets.UTF_8);
        attachments.upload(code, null, "bien-ban-" + n + ".txt", new ByteArrayInputStream(own));
        // the same bytes in many dossiers: stored once
        byte[] shared = "Mẫu tờ khai đăng ký khai sinh (dùng chung)".getBytes(StandardCharsets.UTF_8);
        attachments.upload(code, null, "to-khai-mau.txt", new ByteArrayInputStream(shared));
        return code;
    }

    private record StoredFile(long id, String dossierCode, String sha256, long size) { }

    private static Map<String, String> dossiers(ScratchDatabase database) throws SQLException {
        var heads = new HashMap<String, String>();
        try (Connection c = database.connect(); var rs = c.createStatement().executeQuery("select code, audit_head from dossier")) {
            while (rs.next()) heads.put(rs.getString(1), rs.getString(2));
        }
        return heads;
    }

    /** Every link of every audit chain: "code hash". */
    private static Set<String> links(ScratchDatabase database) throws SQLException {
        var links = new java.util.HashSet<String>();
        try (Connection c = database.connect(); var rs = c.createStatement().executeQuery(
                "select d.code, e.hash from dossier_event e join dossier d on d.id = e.dossier_id")) {
            while (rs.next()) links.add(rs.getString(1) + " " + rs.getString(2));
        }
        return links;
    }

    private static Set<String> codes(ScratchDatabase database) throws SQLException {
        return new TreeSet<>(dossiers(database).keySet());
    }

    private static List<StoredFile> files(ScratchDatabase database) throws SQLException {
        var files = new ArrayList<StoredFile>();
        try (Connection c = database.connect();
             var rs = c.createStatement().executeQuery("select id, dossier_code, sha256, size_bytes from attachment")) {
            while (rs.next()) files.add(new StoredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        }
        return files;
    }

    /** rsync -a, in Java: the same relative paths. */
    private static String sha256(InputStream in) throws Exception {
        var digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) digest.update(buffer, 0, n);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long millis(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private static void requireTools() {
        for (String tool : List.of("pg_dump", "pg_restore")) {
            boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
            if (found) continue;
            String message = tool + " not found: apt-get install postgresql-client (Debian's pg_dump and pg_restore)";
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(message);
            Assumptions.abort(message);
        }
    }
}
