package vn.motcua.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalContentStoreTest {
    @TempDir Path root;

    @Test
    void storesContentOnceUnderItsSha256() throws Exception {
        var store = new LocalContentStore(root);
        byte[] content = "Giấy chứng sinh".getBytes(StandardCharsets.UTF_8);
        var first = store.stage(new ByteArrayInputStream(content), 1000);
        assertThat(first.size()).isEqualTo(content.length);
        assertThat(first.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(content)));
        store.commit(first);
        var second = store.stage(new ByteArrayInputStream(content), 1000);
        store.commit(second);
        assertThat(store.contains(first.sha256())).isTrue();
        assertThat(store.file(first.sha256())).startsWith(root.resolve("sha256").resolve(first.sha256().substring(0, 2)));
        try (InputStream in = store.open(first.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        try (var staging = Files.list(root.resolve("staging"))) {
            assertThat(staging).isEmpty();
        }
    }

    @Test
    void refusesContentOverTheLimitAndKeepsNothing() throws IOException {
        var store = new LocalContentStore(root);
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
        var store = new LocalContentStore(root);
        assertThatThrownBy(() -> store.file("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keptContentWaitsAsideIsFiledOnceAndIsDroppedWithoutTouchingTheStore() throws Exception {
        var store = new LocalContentStore(root);
        byte[] content = "Tờ khai đăng ký khai sinh".getBytes(StandardCharsets.UTF_8);
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
