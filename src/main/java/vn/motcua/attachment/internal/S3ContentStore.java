package vn.motcua.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The content store in a bucket of an S3-compatible object store ({@code motcua.storage.type=s3}): content under
 * {@code <prefix>sha256/ab/cd/<hash>}, the same layout as on disk. Uploads are streamed and hashed to a staging file on
 * the local disk first (as by {@link LocalContentStore}, never whole in memory), then sent from that file with its
 * length (PutObject streams it); content already in the bucket is not sent again, and stored objects are never
 * rewritten or deleted. Reads stream the object's body. Staging files and the files uploaded before their dossier
 * exists (kept for at most a day) stay on the local disk under the data directory: with sticky sessions a user's
 * intake stays on one node.
 */
public class S3ContentStore implements ContentStore, AutoCloseable {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final LocalContentStore local;
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    /** A store over the given client; {@code local} holds staging and kept files. */
    public S3ContentStore(LocalContentStore local, S3Client s3, String bucket, String prefix) {
        this.local = local;
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
    }

    /**
     * The S3 client the settings describe: Apache's HTTP client (bodies streamed both ways); checksums only where an operation requires them
     * (S3-compatible stores that do not know the SDK's newer checksum headers accept the uploads).
     */
    public static S3Client client(StorageSettings.S3 settings) {
        var builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .maxConnections(50))
                .region(Region.of(settings.getRegion()))
                .forcePathStyle(settings.isPathStyleAccess())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(settings));
        if (settings.getEndpoint() != null && !settings.getEndpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.getEndpoint().trim()));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(StorageSettings.S3 settings) {
        if (settings.getAccessKeyId() == null || settings.getAccessKeyId().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.getAccessKeyId(),
                settings.getSecretAccessKey() == null ? "" : settings.getSecretAccessKey()));
    }

    /**
     * Checks at start-up that the bucket answers.
     *
     * @throws IllegalStateException naming the bucket (never the credentials) when it does not
     */
    public void checkBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            throw new IllegalStateException("motcua.storage.s3.bucket: the bucket '" + bucket + "' does not exist", e);
        } catch (SdkException e) {
            throw new IllegalStateException("motcua.storage.s3: the bucket '" + bucket + "' cannot be reached ("
                    + e.getClass().getSimpleName() + (e instanceof S3Exception s ? " " + s.statusCode() : "") + ")", e);
        }
    }

    /** The object key of content with this hash. */
    public String key(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) throw new IllegalArgumentException("not a SHA-256");
        return prefix + "sha256/" + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    @Override
    public Staged stage(InputStream content, long maxBytes) throws IOException {
        return local.stage(content, maxBytes);
    }

    @Override
    public void commit(Staged staged) throws IOException {
        try {
            put(staged.sha256(), staged.file(), staged.size());
        } finally {
            local.discard(staged);
        }
    }

    private void put(String sha256, Path file, long size) throws IOException {
        String key = key(sha256);
        if (contains(sha256)) return;
        try {
            // Same hash, same bytes: two nodes putting the same key at once write the same object
            s3.putObject(p -> p.bucket(bucket).key(key).contentLength(size).contentType("application/octet-stream"),
                    RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw io("put", e);
        }
    }

    @Override
    public void discard(Staged staged) {
        local.discard(staged);
    }

    @Override
    public void keep(Staged staged, String reference) throws IOException {
        local.keep(staged, reference);
    }

    @Override
    public void fileKept(String reference, String sha256) throws IOException {
        Path kept = local.keptFile(reference);
        put(sha256, kept, Files.size(kept));
    }

    @Override
    public void dropKept(String reference) {
        local.dropKept(reference);
    }

    @Override
    public List<String> keptBefore(Instant before) throws IOException {
        return local.keptBefore(before);
    }

    @Override
    public int dropStagingLeftovers(Instant before) throws IOException {
        return local.dropStagingLeftovers(before);
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        String key = key(sha256);
        try {
            return s3.getObject(g -> g.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(sha256);
        } catch (SdkException e) {
            throw io("get", e);
        }
    }

    @Override
    public LocalCopy localCopy(String sha256) throws IOException {
        Path copy = local.newStagingFile("read-");
        try (InputStream in = open(sha256)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return new LocalCopy() {
            @Override public Path path() { return copy; }

            @Override
            public void close() {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a staging leftover, swept later
                }
            }
        };
    }

    @Override
    public boolean contains(String sha256) {
        String key = key(sha256);
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }

    private IOException io(String operation, SdkException e) {
        if (Thread.currentThread().isInterrupted()) return new InterruptedIOException(operation + " interrupted");
        return new IOException("object store " + operation + " failed (" + e.getClass().getSimpleName()
                + (e instanceof S3Exception s ? " " + s.statusCode() : "") + ")", e);
    }

    @Override
    public void close() {
        s3.close();
    }
}
