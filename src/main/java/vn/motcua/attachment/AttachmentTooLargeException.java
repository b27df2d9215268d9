package vn.motcua.attachment;

/** An upload went over the size allowed ({@code motcua.attachment.max-size}): nothing was stored. HTTP 413. */
public class AttachmentTooLargeException extends RuntimeException {
    private final long maxBytes;

    public AttachmentTooLargeException(long maxBytes) {
        super("attachment larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    /** The size allowed, in bytes. */
    public long maxBytes() { return maxBytes; }

    /** The size allowed, in whole megabytes, for messages. */
    public long maxMegabytes() { return maxBytes / (1024 * 1024); }
}
