package vn.motcua.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Passwords checked a moment ago, so that an integration sending HTTP Basic on every call does not pay BCrypt (tens
 * of milliseconds of CPU) on each one. An entry is keyed by a SHA-256 of a secret random to this node, the username
 * and the password (neither is kept); it holds the account's password hash as it was when the password was checked,
 * so that a changed password misses at once, and expires after {@link LoginSettings#getVerifiedCredentials()}. The
 * caller checks the account is still enabled and not locked before trusting a hit. At most 10,000 entries, the
 * least recently used go first.
 */
final class VerifiedCredentials {
    private static final int MAX_ENTRIES = 10_000;

    private record Verified(String username, String passwordHash, Instant expires) { }

    private final byte[] secret = new byte[32];
    private final Map<String, Verified> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) { return size() > MAX_ENTRIES; }
    };

    VerifiedCredentials() { new SecureRandom().nextBytes(secret); }

    /** True when this username and password were verified against exactly this password hash, not long ago. */
    synchronized boolean verified(String username, String password, String currentPasswordHash, Instant now) {
        String key = key(username, password);
        Verified entry = entries.get(key);
        if (entry == null) return false;
        if (!entry.expires().isAfter(now) || !entry.username().equals(username)
                || !entry.passwordHash().equals(currentPasswordHash)) {
            entries.remove(key);
            return false;
        }
        return true;
    }

    synchronized void remember(String username, String password, String passwordHash, Instant expires) {
        entries.put(key(username, password), new Verified(username, passwordHash, expires));
    }

    /** Forgets every entry of an account (locked, disabled). */
    synchronized void forget(String username) {
        entries.values().removeIf(e -> e.username().equals(username));
    }

    private String key(String username, String password) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(secret);
            digest.update(username.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
