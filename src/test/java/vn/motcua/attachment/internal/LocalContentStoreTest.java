package vn.motcua.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The content store on the local disk: the contract of every store, and its own layout. */
class LocalContentStoreTest extends ContentStoreContract {

    @Override
    ContentStore store(Path root) throws IOException { return new LocalContentStore(root); }

    @Override
    boolean storedWhereExpected(ContentStore store, String sha256) {
        Path file = ((LocalContentStore) store).file(sha256);
        return file.startsWith(root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)))
                && Files.isRegularFile(file);
    }

    @Test
    void theLocalCopyIsTheStoredFileItself() throws Exception {
        var store = new LocalContentStore(root);
        var staged = store.stage(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), 10);
        store.commit(staged);
        try (var local = store.localCopy(staged.sha256())) {
            assertThat(local.path()).isEqualTo(store.file(staged.sha256()));
        }
        assertThat(store.contains(staged.sha256())).isTrue();
        assertThatThrownBy(() -> store.file("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
