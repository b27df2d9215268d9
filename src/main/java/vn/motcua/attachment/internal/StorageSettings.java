package vn.motcua.attachment.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Where attachment content is kept ({@code motcua.storage.*}): on the local (or shared) disk under the data directory,
 * the default, or in a bucket of any store that speaks the S3 API (AWS S3, MinIO, Ceph RGW, SeaweedFS, Garage, the
 * object storage of Vietnamese clouds).
 */
@Component
@ConfigurationProperties(prefix = "motcua.storage")
public class StorageSettings {
    /** {@code local} (the data directory) or {@code s3}. */
    private String type = "local";
    private final S3 s3 = new S3();

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public S3 getS3() { return s3; }

    /** The S3-compatible store. */
    public static class S3 {
        /** The store's address, e.g. {@code https://s3.example.vn}; unset: AWS's own endpoint for the region. */
        private String endpoint;
        /** The region the SDK signs for (S3-compatible stores mostly accept any, e.g. {@code us-east-1}). */
        private String region = "us-east-1";
        /** The bucket; it must exist (the application does not create it). */
        private String bucket;
        /** A key prefix inside the bucket, e.g. {@code motcua/} (may be empty). */
        private String prefix = "";
        /** Path-style addresses ({@code endpoint/bucket/key}) rather than virtual hosts ({@code bucket.endpoint/key}). */
        private boolean pathStyleAccess = true;
        /** The access key; unset: the SDK's default credential chain (environment, profile, instance role). */
        private String accessKeyId;
        /** The secret key that goes with the access key. */
        private String secretAccessKey;

        public String getEndpoint() { return endpoint; }
        public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
        public String getRegion() { return region; }
        public void setRegion(String region) { this.region = region; }
        public String getBucket() { return bucket; }
        public void setBucket(String bucket) { this.bucket = bucket; }
        public String getPrefix() { return prefix; }
        public void setPrefix(String prefix) { this.prefix = prefix; }
        public boolean isPathStyleAccess() { return pathStyleAccess; }
        public void setPathStyleAccess(boolean pathStyleAccess) { this.pathStyleAccess = pathStyleAccess; }
        public String getAccessKeyId() { return accessKeyId; }
        public void setAccessKeyId(String accessKeyId) { this.accessKeyId = accessKeyId; }
        public String getSecretAccessKey() { return secretAccessKey; }
        public void setSecretAccessKey(String secretAccessKey) { this.secretAccessKey = secretAccessKey; }
    }
}
