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

import vn.motcua.security.PrivateDataDirectory;

/**
 * The content store on the local file system, under {@code <motcua.data-dir>/attachments}: content in
 * {@code sha256/ab/cd/<hash>}, staging files in {@code staging/}, files uploaded before their dossier exists in
 * {@code kept/<reference>}. With several application nodes the data directory
 * is a shared volume. Files are written to staging and moved into place in one step, so a reader never sees a
 * half-written file. Folders are created {@code rwx------} and files {@code rw-------} (read-only once stored): only
 * the service's user reads them.
 */
public class LocalContentStore implements ContentStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private static final Pattern REFERENCE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path content;
    private final Path staging;
    private final Path kept;

    /** A store rooted at the given folder. */
    public LocalContentStore(Path root) throws IOException {
        this.content = root.resolve("sha256");
        this.staging = root.resolve("staging");
        this.kept = root.resolve("kept");
        PrivateDataDirectory.createPrivately(root);
        PrivateDataDirectory.createPrivately(content);
        PrivateDataDirectory.createPrivately(staging);
        PrivateDataDirectory.createPrivately(kept);
    }

    @Override
    public Staged stage(InputStream in, long maxBytes) throws IOException {
        // rw------- (Files.createTempFile restricts new files to their owner); stored and kept files are this file, moved
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
        PrivateDataDirectory.createPrivately(target.getParent());
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
    public void keep(Staged staged, String reference) throws IOException {
        Files.move(staged.file(), kept(reference), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void fileKept(String reference, String sha256) throws IOException {
        Path source = kept(reference);
        if (Files.exists(file(sha256))) return;
        Path copy = staging.resolve("kept-" + reference + "-" + System.nanoTime() + ".part");
        try {
            try {
                // A second name for the same bytes: no copy of a large file on the same volume
                Files.createLink(copy, source);
            } catch (IOException | UnsupportedOperationException | SecurityException noLink) {
                Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            commit(new Staged(copy, sha256, Files.size(copy)));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @Override
    public void dropKept(String reference) {
        try {
            Files.deleteIfExists(kept(reference));
        } catch (IOException | IllegalArgumentException ignored) {
            // the sweep tries again
        }
    }

    @Override
    public java.util.List<String> keptBefore(java.time.Instant before) throws IOException {
        try (var files = Files.list(kept)) {
            return files.filter(f -> REFERENCE.matcher(f.getFileName().toString()).matches())
                    .filter(f -> modifiedBefore(f, before)).map(f -> f.getFileName().toString()).toList();
        }
    }

    @Override
    public int dropStagingLeftovers(java.time.Instant before) throws IOException {
        int dropped = 0;
        try (var files = Files.list(staging)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> modifiedBefore(f, before)).toList()) {
                if (Files.deleteIfExists(f)) dropped++;
            }
        }
        return dropped;
    }

    private static boolean modifiedBefore(Path file, java.time.Instant before) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (IOException gone) {
            return false;
        }
    }

    /** The file of kept content (the object store files it from here). */
    Path keptFile(String reference) { return kept(reference); }

    /** A new empty file in the staging folder (swept with the leftovers when not removed). */
    Path newStagingFile(String prefix) throws IOException {
        return Files.createTempFile(staging, prefix, ".part");
    }

    private Path kept(String reference) {
        if (reference == null || !REFERENCE.matcher(reference).matches()) throw new IllegalArgumentException("not a reference");
        return kept.resolve(reference);
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(file(sha256));
    }

    @Override
    public LocalCopy localCopy(String sha256) throws java.nio.file.NoSuchFileException {
        Path file = file(sha256);
        if (!Files.isRegularFile(file)) throw new java.nio.file.NoSuchFileException(sha256);
        return new LocalCopy() {
            @Override public Path path() { return file; }
            @Override public void close() { /* the stored file itself */ }
        };
    }

    /** Where content with this hash is (or would be) stored. */
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
