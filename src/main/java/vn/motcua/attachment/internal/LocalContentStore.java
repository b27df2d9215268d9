package vn.motcua.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The content store on the local file system, under {@code <motcua.data-dir>/attachments}: content in
 * {@code sha256/ab/cd/<hash>}, staging files in {@code staging/}. With several application nodes the data directory
 * is a shared volume. Files are written to staging and moved into place in one step, so a reader never sees a
 * half-written file.
 */
@Component
public class LocalContentStore implements ContentStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path content;
    private final Path staging;

    @Autowired
    public LocalContentStore(@Value("${motcua.data-dir:./data}") String dataDir) throws IOException {
        this(Path.of(dataDir).resolve("attachments"));
    }

    /** A store rooted at the given folder. */
    public LocalContentStore(Path root) throws IOException {
        this.content = root.resolve("sha256");
        this.staging = root.resolve("staging");
        Files.createDirectories(content);
        Files.createDirectories(staging);
    }

    @Override
    public Staged stage(InputStream in, long maxBytes) throws IOException {
        Path file = Files.createTempFile(staging, "upload-", ".part");
        MessageDigest digest = sha256();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                size += n;
                if (size > maxBytes) throw new ContentTooLargeException(maxBytes);
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Staged(file, HexFormat.of().formatHex(digest.digest()), size);
    }

    @Override
    public void commit(Staged staged) throws IOException {
        Path target = file(staged.sha256());
        if (Files.exists(target)) {
            Files.deleteIfExists(staged.file());
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException concurrentUpload) {
            Files.deleteIfExists(staged.file());
        } catch (AtomicMoveNotSupportedException e) {
            Path temporary = target.resolveSibling(target.getFileName() + ".part");
            Files.move(staged.file(), temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        target.toFile().setReadOnly();
    }

    @Override
    public void discard(Staged staged) {
        try {
            Files.deleteIfExists(staged.file());
        } catch (IOException ignored) {
            // a staging file left behind holds nothing anyone refers to
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(file(sha256));
    }

    @Override
    public Path file(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) throw new IllegalArgumentException("not a SHA-256");
        return content.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    @Override
    public boolean contains(String sha256) {
        return Files.isRegularFile(file(sha256));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
