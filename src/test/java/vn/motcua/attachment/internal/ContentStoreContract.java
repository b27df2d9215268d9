package vn.motcua.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every content store does, whichever it is ({@link LocalContentStoreTest}, {@link S3ContentStoreTest}): content
 * once under its SHA-256, the size limit, nothing but a hash as an address, kept files, streaming both ways.
 */
abstract class ContentStoreContract {
    @TempDir Path root;

    /** A new, empty store whose local files (staging, kept) are under {@code root}. */
    abstract ContentStore store(Path root) throws IOException;

    /** Where the store put content with this hash, for the report of a failure. */
    abstract boolean storedWhereExpected(ContentStore store, String sha256) throws IOException;

    @Test
    void storesContentOnceUnderItsSha256() throws Exception {
        var store = store(root);
        byte[] content = ("Giấy chứng sinh " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        var first = store.stage(new ByteArrayInputStream(content), 1000);
        assertThat(first.size()).isEqualTo(content.length);
        assertThat(first.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(store.contains(first.sha256())).isFalse();
        store.commit(first);
        var second = store.stage(new ByteArrayInputStream(content), 1000);
        store.commit(second);
        assertThat(store.contains(first.sha256())).isTrue();
        assertThat(storedWhereExpected(store, first.sha256())).isTrue();
        try (InputStream in = store.open(first.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        try (var local = store.localCopy(first.sha256())) {
            assertThat(Files.readAllBytes(local.path())).isEqualTo(content);
        }
        try (var staging = Files.list(root.resolve("staging"))) {
            assertThat(staging).as("no staging file nor temporary copy left").isEmpty();
        }
    }

    @Test
    void refusesContentOverTheLimitAndKeepsNothing() throws IOException {
        var store = store(root);
        // an endless stream: the store must stop reading at the limit, not exhaust it
        InputStream endless = new InputStream() {
            @Override public int read() { return 'a'; }
            @Override public int read(byte[] b, int off, int len) { java.util.Arrays.fill(b, off, off + len, (byte) 'a'); return len; }
        };
        assertThatThrownBy(() -> store.stage(endless, 1024 * 1024)).isInstanceOf(ContentStore.ContentTooLargeException.class);
        try (var staging = Files.list(root.resolve("staging"))) {
            assertThat(staging).isEmpty();
        }
    }

    @Test
    void refusesAnythingButAHashAsAnAddress() throws IOException {
        var store = store(root);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.contains("../sha256/ab")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contentNeverStoredIsMissingNotAnError() throws IOException {
        var store = store(root);
        String absent = "0".repeat(64);
        assertThat(store.contains(absent)).isFalse();
        assertThatThrownBy(() -> store.open(absent)).isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThatThrownBy(() -> store.localCopy(absent)).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void aLargeFileIsStreamedInAndOutWithItsHashIntact() throws Exception {
        var store = store(root);
        long size = 24L * 1024 * 1024;
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        // generated as it is read: never an array of the whole file, here or in the store
        InputStream generated = new DigestInputStream(new InputStream() {
            long left = size;
            long seed = System.nanoTime();
            @Override public int read() { return left-- > 0 ? (int) ((seed = seed * 6364136223846793005L + 1) >>> 56) : -1; }
            @Override public int read(byte[] b, int off, int len) {
                if (left <= 0) return -1;
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) b[off + i] = (byte) ((seed = seed * 6364136223846793005L + 1) >>> 56);
                left -= n;
                return n;
            }
        }, written);
        var staged = store.stage(generated, size);
        store.commit(staged);
        assertThat(staged.sha256()).isEqualTo(HexFormat.of().formatHex(written.digest()));
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        long count = 0;
        try (InputStream in = store.open(staged.sha256())) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                read.update(buffer, 0, n);
                count += n;
            }
        }
        assertThat(count).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(staged.sha256());
    }

    @Test
    void keptContentWaitsAsideIsFiledOnceAndIsDroppedWithoutTouchingTheStore() throws Exception {
        var store = store(root);
        byte[] content = ("Tờ khai đăng ký khai sinh " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        var staged = store.stage(new ByteArrayInputStream(content), 1000);
        String reference = java.util.UUID.randomUUID().toString();
        store.keep(staged, reference);
        assertThat(store.contains(staged.sha256())).as("not in the store until filed").isFalse();
        assertThat(store.keptBefore(java.time.Instant.now().plusSeconds(60))).containsExactly(reference);

        store.fileKept(reference, staged.sha256());
        store.fileKept(reference, staged.sha256());
        try (InputStream in = store.open(staged.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(Files.exists(root.resolve("kept").resolve(reference))).as("kept until dropped").isTrue();
        store.dropKept(reference);
        assertThat(store.keptBefore(java.time.Instant.now().plusSeconds(60))).isEmpty();
        assertThat(store.contains(staged.sha256())).as("the filed content stays").isTrue();
        try (var staging = Files.list(root.resolve("staging"))) {
            assertThat(staging).isEmpty();
        }
        assertThatThrownBy(() -> store.fileKept("../sha256", staged.sha256())).isInstanceOf(IllegalArgumentException.class);
    }
}
