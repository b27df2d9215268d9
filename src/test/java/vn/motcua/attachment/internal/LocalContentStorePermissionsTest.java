package vn.motcua.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attachments are personal data: the store's folders are created rwx------ and its files rw------- (r-------- once
 * stored), so that no other user of the machine reads them, whatever the process's umask.
 */
class LocalContentStorePermissionsTest {
    @TempDir Path data;

    @BeforeEach
    void posixOnly() {
        Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void theStoresFoldersAndFilesAreTheServicesUsersAlone() throws Exception {
        Path root = data.resolve("attachments");
        var store = new LocalContentStore(root);
        for (Path folder : new Path[] {root, root.resolve("sha256"), root.resolve("staging"), root.resolve("kept")}) {
            assertThat(permissions(folder)).as(data.relativize(folder).toString()).isEqualTo("rwx------");
        }

        var staged = store.stage(new ByteArrayInputStream("Giấy chứng sinh".getBytes(StandardCharsets.UTF_8)), 1000);
        assertThat(permissions(staged.file())).as("staging file").isEqualTo("rw-------");
        store.commit(staged);
        Path stored = store.file(staged.sha256());
        assertThat(permissions(stored)).as("stored file, read-only").isEqualTo("r--------");
        assertThat(permissions(stored.getParent())).isEqualTo("rwx------");
        assertThat(permissions(stored.getParent().getParent())).isEqualTo("rwx------");

        var kept = store.stage(new ByteArrayInputStream("Tờ khai".getBytes(StandardCharsets.UTF_8)), 1000);
        String reference = UUID.randomUUID().toString();
        store.keep(kept, reference);
        assertThat(permissions(root.resolve("kept").resolve(reference))).as("kept file").isEqualTo("rw-------");
    }
}
