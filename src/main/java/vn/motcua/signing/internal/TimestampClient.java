package vn.motcua.signing.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * Asks an RFC 3161 timestamp authority to stamp a signature (PAdES B-T): the SHA-256 of the signature value is sent,
 * with a nonce, over HTTP(S) as {@code application/timestamp-query}; the answer is checked against the request (the
 * imprint, the nonce, a granted status) before its token is used.
 */
final class TimestampClient {
    private final URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    TimestampClient(String url, Duration timeout) {
        this.url = URI.create(url);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The DER-encoded timestamp token over the signature value. */
    byte[] stamp(byte[] signatureValue) throws IOException {
        byte[] imprint;
        try {
            imprint = MessageDigest.getInstance("SHA-256").digest(signatureValue);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        var generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, imprint, new BigInteger(63, random));
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the timestamp authority", e);
        }
        if (response.statusCode() / 100 != 2) throw new IOException("the timestamp authority answered " + response.statusCode());
        try {
            TimeStampResponse answer = new TimeStampResponse(response.body());
            answer.validate(request);
            if (answer.getTimeStampToken() == null) {
                throw new IOException("the timestamp authority granted no token (status " + answer.getStatus() + ")");
            }
            return answer.getTimeStampToken().getEncoded();
        } catch (TSPException | RuntimeException e) {
            throw new IOException("the timestamp authority's answer is not valid: " + e.getMessage(), e);
        }
    }
}
