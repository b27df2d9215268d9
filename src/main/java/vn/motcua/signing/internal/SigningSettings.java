package vn.motcua.signing.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The signing settings: where the units' keys are ({@code motcua.signing.key-dir}: one PKCS#12 file per unit, named by
 * its identifier, e.g. {@code 000.00.15.H33.p12}), their password, whether the demo's certificate authority issues a
 * key to a unit that has none ({@code motcua.signing.demo-keys}), and the timestamp authority that makes signatures
 * PAdES B-T ({@code motcua.signing.tsa-url}, blank: B-B).
 */
@Component
public class SigningSettings {
    private final Path keyDir;
    private final char[] keyPassword;
    private final boolean demoKeys;
    private final String tsaUrl;
    private final Duration tsaTimeout;

    SigningSettings(@Value("${motcua.signing.key-dir:${motcua.data-dir:./data}/signing}") String keyDir,
                    @Value("${motcua.signing.key-password:}") String keyPassword,
                    @Value("${motcua.signing.demo-keys:false}") boolean demoKeys,
                    @Value("${motcua.signing.tsa-url:}") String tsaUrl,
                    @Value("${motcua.signing.tsa-timeout:10s}") Duration tsaTimeout) {
        this.keyDir = Path.of(keyDir == null || keyDir.isBlank() ? "./data/signing" : keyDir.trim());
        this.keyPassword = keyPassword == null ? new char[0] : keyPassword.toCharArray();
        this.demoKeys = demoKeys;
        this.tsaUrl = tsaUrl == null ? "" : tsaUrl.trim();
        this.tsaTimeout = tsaTimeout == null || tsaTimeout.isNegative() || tsaTimeout.isZero() ? Duration.ofSeconds(10) : tsaTimeout;
    }

    /** The folder of the units' PKCS#12 files. */
    public Path keyDir() { return keyDir; }

    /** The password of the PKCS#12 files (and of their keys). */
    public char[] keyPassword() { return keyPassword.clone(); }

    /** Whether a unit without a key gets one from the demo certificate authority (the demo profile only). */
    public boolean demoKeys() { return demoKeys; }

    /** The RFC 3161 timestamp authority's address; blank when none. */
    public String tsaUrl() { return tsaUrl; }

    /** How long to wait for the timestamp authority. */
    public Duration tsaTimeout() { return tsaTimeout; }
}
