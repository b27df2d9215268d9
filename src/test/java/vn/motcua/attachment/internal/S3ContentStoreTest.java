package vn.motcua.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import vn.motcua.attachment.S3TestServer;

/**
 * The content store in an S3-compatible bucket, against a real S3 server ({@link S3TestServer}) over HTTP: the contract
 * of every store, and its own layout (keys under the prefix, objects never rewritten).
 */
class S3ContentStoreTest extends ContentStoreContract {
    private final String prefix = "unit-" + UUID.randomUUID() + "/";
    private S3ContentStore opened;

    @Override
    ContentStore store(Path root) throws IOException {
        var settings = S3TestServer.settings(prefix);
        opened = new S3ContentStore(new LocalContentStore(root), S3ContentStore.client(settings), settings.getBucket(), prefix);
        opened.checkBucket();
        return opened;
    }

    @AfterEach
    void close() {
        if (opened != null) opened.close();
    }

    @Override
    boolean storedWhereExpected(ContentStore store, String sha256) {
        String key = prefix + "sha256/" + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
        assertThat(((S3ContentStore) store).key(sha256)).isEqualTo(key);
        try (var s3 = S3TestServer.client()) {
            s3.headObject(h -> h.bucket(S3TestServer.BUCKET).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    @Test
    void contentAlreadyStoredIsNotSentAgain() throws Exception {
        var store = (S3ContentStore) store(root);
        var staged = store.stage(new java.io.ByteArrayInputStream("Bản sao trích lục".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 1000);
        store.commit(staged);
        String key = store.key(staged.sha256());
        java.time.Instant first;
        try (var s3 = S3TestServer.client()) {
            first = s3.headObject(h -> h.bucket(S3TestServer.BUCKET).key(key)).lastModified();
            Thread.sleep(1100);
            store.commit(store.stage(new java.io.ByteArrayInputStream("Bản sao trích lục".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 1000));
            assertThat(s3.headObject(h -> h.bucket(S3TestServer.BUCKET).key(key)).lastModified())
                    .as("the object is not written twice").isEqualTo(first);
        }
    }

    @Test
    void aBucketThatDoesNotExistStopsTheStart() {
        var settings = S3TestServer.settings(prefix);
        settings.setBucket("khong-ton-tai-" + UUID.randomUUID().toString().substring(0, 8));
        try (var store = new S3ContentStore(null, S3ContentStore.client(settings), settings.getBucket(), prefix)) {
            assertThatThrownBy(store::checkBucket).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("motcua.storage.s3.bucket").hasMessageContaining(settings.getBucket());
        }
    }
}
