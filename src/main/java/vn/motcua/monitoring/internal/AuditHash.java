package vn.motcua.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of an audit record exactly as the dossier module chains them (its {@code AuditTrail}): SHA-256, in lower-case
 * hex, of the record's fields and the previous record's hash joined by U+001F. The generator writes audit trails
 * directly, and they must verify like any other; a test checks them with the dossier module's own verification.
 */
public final class AuditHash {
    private AuditHash() { }

    public static String of(int seq, Instant at, String actor, String channel, String action, Integer before,
                            Integer after, String detail, String previous) {
        String canonical = String.join("\u001f", String.valueOf(seq), at.toString(), actor, channel, action,
                String.valueOf(before), String.valueOf(after), String.valueOf(detail), String.valueOf(previous));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
