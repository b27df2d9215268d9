package vn.motcua.shared;

/** Too many failed attempts from one address or on one subject: refused for a while (HTTP 429 with Retry-After). */
public class TooManyAttemptsException extends RuntimeException {
    private final String messageKey;
    private final long retryAfterSeconds;

    public TooManyAttemptsException(String messageKey, long retryAfterSeconds) {
        super(messageKey);
        this.messageKey = messageKey;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String messageKey() { return messageKey; }

    public long retryAfterSeconds() { return retryAfterSeconds; }
}
