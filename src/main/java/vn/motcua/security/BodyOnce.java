package vn.motcua.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request's body read once, for its SHA-256, and given again to whoever reads the request after: the fingerprint an
 * Idempotency-Key is kept with. Uploads (multipart) and bodies over {@value #LIMIT} bytes are not read (no fingerprint).
 */
final class BodyOnce {
    static final int LIMIT = 1 << 20;

    private BodyOnce() { }

    /** The request to go on with, and its body's SHA-256 (null when not read). */
    record Read(HttpServletRequest request, String sha256) { }

    static Read of(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) return new Read(request, null);
        if (request.getContentLengthLong() > LIMIT) return new Read(request, null);
        InputStream in = request.getInputStream();
        byte[] head = in.readNBytes(LIMIT + 1);
        if (head.length > LIMIT) return new Read(new Replayed(request, new SequenceInputStream(new ByteArrayInputStream(head), in)), null);
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(head));
            return new Read(new Replayed(request, new ByteArrayInputStream(head)), sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body given again from what was read. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final InputStream body;

        Replayed(HttpServletRequest request, InputStream body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                private boolean finished;
                @Override public int read() throws IOException {
                    int b = body.read();
                    if (b < 0) finished = true;
                    return b;
                }
                @Override public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    if (n < 0) finished = true;
                    return n;
                }
                @Override public boolean isFinished() { return finished; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
