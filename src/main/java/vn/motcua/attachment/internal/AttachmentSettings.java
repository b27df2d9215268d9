package vn.motcua.attachment.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The attachment settings ({@code motcua.attachment.*}); every one has a default that suits one node on two cores.
 */
@Component
@ConfigurationProperties(prefix = "motcua.attachment")
public class AttachmentSettings {
    /** The largest file accepted. */
    private DataSize maxSize = DataSize.ofMegabytes(50);
    private final Extraction extraction = new Extraction();
    private final Signatures signatures = new Signatures();
    private final Search search = new Search();
    private final Staging staging = new Staging();

    public DataSize getMaxSize() { return maxSize; }
    public void setMaxSize(DataSize maxSize) { this.maxSize = maxSize; }
    public Extraction getExtraction() { return extraction; }
    public Signatures getSignatures() { return signatures; }
    public Search getSearch() { return search; }
    public Staging getStaging() { return staging; }

    /** Files uploaded before their dossier exists (desk intake, online submission). */
    public static class Staging {
        /** How long a staged file waits for its dossier before it is swept away. */
        private Duration ttl = Duration.ofHours(24);
        /** How often each node sweeps. */
        private Duration sweepInterval = Duration.ofHours(1);
        /** Files one user may have staged at once. */
        private int maxFilesPerUser = 100;

        public Duration getTtl() { return ttl; }
        public void setTtl(Duration ttl) { this.ttl = ttl; }
        public Duration getSweepInterval() { return sweepInterval; }
        public void setSweepInterval(Duration sweepInterval) { this.sweepInterval = sweepInterval; }
        public int getMaxFilesPerUser() { return maxFilesPerUser; }
        public void setMaxFilesPerUser(int maxFilesPerUser) { this.maxFilesPerUser = maxFilesPerUser; }
    }

    /** The search index's back-fill of dossiers missing from it. */
    public static class Search {
        /** Whether each node, once started, looks in the background for dossiers missing from the index. */
        private boolean backfillOnStart = true;
        /** Dossier ids examined per statement. */
        private int backfillBatch = 1000;

        public boolean isBackfillOnStart() { return backfillOnStart; }
        public void setBackfillOnStart(boolean backfillOnStart) { this.backfillOnStart = backfillOnStart; }
        public int getBackfillBatch() { return backfillBatch; }
        public void setBackfillBatch(int backfillBatch) { this.backfillBatch = backfillBatch; }
    }

    /** How PDF signatures are checked. */
    public static class Signatures {
        /**
         * The root certificates signers must chain to: a PKCS#12 (.p12, .pfx) or JKS (.jks) file, a PEM/DER certificate
         * file (.pem, .crt, .cer, .der), or a folder of such certificate files, e.g. the national root CA of the
         * Ministry of Information and Communications (Bộ TT&TT). Read at start-up. Unset: trust is not checked and
         * every signature says so.
         */
        private String trustStore;
        /** The password of a PKCS#12 or JKS trust store, if it has one. */
        private String trustStorePassword;

        public String getTrustStore() { return trustStore; }
        public void setTrustStore(String trustStore) { this.trustStore = trustStore; }
        public String getTrustStorePassword() { return trustStorePassword; }
        public void setTrustStorePassword(String trustStorePassword) { this.trustStorePassword = trustStorePassword; }
    }

    /** How text is extracted: in a forked JVM, with these limits. */
    public static class Extraction {
        /** Whether this node extracts text at all (uploads stay PENDING until a node does). */
        private boolean enabled = true;
        /** Extractions at once on this node, each in its own forked JVM. */
        private int workers = 1;
        /** Heap of each forked JVM. */
        private DataSize heap = DataSize.ofMegabytes(512);
        /** Longest a file may take; the forked JVM is ended after it. */
        private Duration timeout = Duration.ofSeconds(120);
        /** Longest tesseract may take on one image. */
        private Duration ocrTimeout = Duration.ofSeconds(90);
        /** Characters of text kept per file. */
        private int maxChars = 1_000_000;
        /** Embedded documents parsed per file (more are skipped). */
        private int maxEmbedded = 100;
        /** How deep embedded documents may nest (deeper ones are skipped). */
        private int maxEmbeddedDepth = 4;
        /** Characters out per byte in above which a file is treated as a decompression bomb. */
        private long maxCompressionRatio = 100;
        /** Largest image, in pixels (width × height), read or recognised. */
        private long maxImagePixels = 100_000_000L;
        /** OCR with tesseract when it is installed. */
        private boolean ocr = true;
        /** Tesseract languages. */
        private String ocrLanguage = "vie+eng";
        /** Claims of one item before it is given up as FAILED. */
        private int maxAttempts = 3;
        /** How often idle workers look for work (an upload wakes them at once). */
        private Duration pollInterval = Duration.ofSeconds(2);
        /** An idle forked JVM ends after this. */
        private Duration idleTimeout = Duration.ofMinutes(5);

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public int getWorkers() { return workers; }
        public void setWorkers(int workers) { this.workers = workers; }
        public DataSize getHeap() { return heap; }
        public void setHeap(DataSize heap) { this.heap = heap; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
        public Duration getOcrTimeout() { return ocrTimeout; }
        public void setOcrTimeout(Duration ocrTimeout) { this.ocrTimeout = ocrTimeout; }
        public int getMaxChars() { return maxChars; }
        public void setMaxChars(int maxChars) { this.maxChars = maxChars; }
        public int getMaxEmbedded() { return maxEmbedded; }
        public void setMaxEmbedded(int maxEmbedded) { this.maxEmbedded = maxEmbedded; }
        public int getMaxEmbeddedDepth() { return maxEmbeddedDepth; }
        public void setMaxEmbeddedDepth(int maxEmbeddedDepth) { this.maxEmbeddedDepth = maxEmbeddedDepth; }
        public long getMaxCompressionRatio() { return maxCompressionRatio; }
        public void setMaxCompressionRatio(long maxCompressionRatio) { this.maxCompressionRatio = maxCompressionRatio; }
        public long getMaxImagePixels() { return maxImagePixels; }
        public void setMaxImagePixels(long maxImagePixels) { this.maxImagePixels = maxImagePixels; }
        public boolean isOcr() { return ocr; }
        public void setOcr(boolean ocr) { this.ocr = ocr; }
        public String getOcrLanguage() { return ocrLanguage; }
        public void setOcrLanguage(String ocrLanguage) { this.ocrLanguage = ocrLanguage; }
        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
        public Duration getIdleTimeout() { return idleTimeout; }
        public void setIdleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; }

        /** The limits a forked parser applies to one file. */
        public ExtractionLimits limits() {
            return new ExtractionLimits(maxChars, maxEmbedded, maxEmbeddedDepth, maxCompressionRatio, maxImagePixels,
                    ocr, ocrLanguage, (int) Math.max(1, Math.min(ocrTimeout.toSeconds(), timeout.toSeconds())));
        }
    }
}
