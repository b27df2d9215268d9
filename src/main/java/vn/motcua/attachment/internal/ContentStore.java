package vn.motcua.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where attachment content lives, addressed by its SHA-256: the same bytes are stored once, whoever uploads them,
 * and stored bytes never change. Content arrives in two steps: {@link #stage} streams it to a staging file (never
 * whole in memory) while hashing and counting it, so that it can be examined before {@link #commit} files it under
 * its hash, or {@link #discard} drops it, or {@link #keep} puts it aside until its dossier exists.
 * {@link LocalContentStore} keeps it on the local (or shared) disk, {@link S3ContentStore} in an S3-compatible object
 * store; {@code motcua.storage.type} chooses ({@link ContentStores}).
 */
public interface ContentStore {

    /**
     * Streams content to a staging file, hashing it as it goes.
     *
     * @param maxBytes the most bytes accepted
     * @throws ContentTooLargeException as soon as the content exceeds {@code maxBytes}; nothing is kept
     */
    Staged stage(InputStream content, long maxBytes) throws IOException;

    /** Files staged content under its hash (once: content already stored is not written again). */
    void commit(Staged staged) throws IOException;

    /** Drops staged content. */
    void discard(Staged staged);

    /**
     * Keeps staged content aside under a reference (files uploaded before their dossier exists), out of the store:
     * dropping it later can never touch content an attachment refers to. The staging file is moved, not copied.
     *
     * @param reference a UUID
     */
    void keep(Staged staged, String reference) throws IOException;

    /** Files kept content under its hash (once), leaving the kept copy in place until {@link #dropKept}. */
    void fileKept(String reference, String sha256) throws IOException;

    /** Drops kept content; nothing when there is none. */
    void dropKept(String reference);

    /** References of kept content last written before the instant. */
    java.util.List<String> keptBefore(java.time.Instant before) throws IOException;

    /** Deletes staging files left behind (by a node that stopped mid-upload) last written before the instant. */
    int dropStagingLeftovers(java.time.Instant before) throws IOException;

    /** Reads stored content. */
    InputStream open(String sha256) throws IOException;

    /**
     * The stored content as a local file, for the forked extraction JVM to read: the stored file itself on a local
     * store, a temporary copy (removed on close) on an object store.
     */
    LocalCopy localCopy(String sha256) throws IOException;

    /** True when content with this hash is stored. */
    boolean contains(String sha256);

    /**
     * Content streamed to staging.
     *
     * @param file   the staging file, examined (media type) before it is committed
     * @param sha256 lower-case hex SHA-256 of the content
     * @param size   its length in bytes
     */
    record Staged(Path file, String sha256, long size) { }

    /** Stored content as a local file, for as long as it is open. */
    interface LocalCopy extends AutoCloseable {
        Path path();

        @Override
        void close();
    }

    /** The content went over the size allowed. */
    final class ContentTooLargeException extends IOException {
        private final long maxBytes;

        public ContentTooLargeException(long maxBytes) {
            super("content larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() { return maxBytes; }
    }
}
