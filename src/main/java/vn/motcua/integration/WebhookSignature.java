package vn.motcua.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How MotCua signs a webhook message, in the Standard Webhooks scheme (standardwebhooks.com), so that a receiver can
 * use any of that scheme's libraries or these few lines: the secret is {@code whsec_} and the Base64 of 24 random
 * bytes; the signature is {@code v1,} and the Base64 of HMAC-SHA256, keyed with those bytes, over
 * {@code <webhook-id>.<webhook-timestamp>.<body>} (the body exactly as sent, UTF-8); the three values travel in the
 * headers {@code webhook-id}, {@code webhook-timestamp} (seconds since 1970) and {@code webhook-signature}. A receiver
 * checks the signature in constant time and refuses a timestamp far from its clock (a replayed capture).
 */
public final class WebhookSignature {
    /** The header with the message's id: the same for every attempt and replay of one message. */
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    private static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() { }

    /** A new signing secret. */
    public static String newSecret() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The value of {@code webhook-signature} for a message. */
    public static String sign(String secret, String messageId, long timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signature = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * True when one of the signatures in {@code header} (several may be given, separated by spaces) is the message's,
     * compared in constant time: what a receiver does.
     */
    public static boolean verify(String secret, String messageId, long timestamp, String body, String header) {
        if (header == null) return false;
        byte[] expected = sign(secret, messageId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean found = false;
        for (String candidate : header.trim().split("\\s+")) {
            found |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return found;
    }

    private static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) throw new IllegalArgumentException("not a webhook secret");
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
